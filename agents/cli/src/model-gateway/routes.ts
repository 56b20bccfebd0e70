// What a gateway serves, by the player's provider, and its API errors in that provider's shape
// (a harness shows the provider's error message; a 400 is retried by neither harness).
import type { ServerResponse } from 'node:http';

export type Provider = 'anthropic' | 'openai';
export type Endpoint = 'messages' | 'chat' | 'responses';

export const ENDPOINTS: Readonly<Record<Provider, Readonly<Record<string, Endpoint>>>> = {
  anthropic: { '/v1/messages': 'messages' },
  openai: { '/v1/chat/completions': 'chat', '/v1/responses': 'responses' },
};

export type Route = { ok: true; endpoint: Endpoint; path: string; query: string } | { ok: false; message: string };

export function routeOf(provider: Provider, method: string | undefined, url: string): Route {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const query = q < 0 ? '' : url.slice(q);
  const served = Object.keys(ENDPOINTS[provider]).map((p) => `POST ${p}`);
  const endpoint = ENDPOINTS[provider][path];
  if (endpoint && method === 'POST') return { ok: true, endpoint, path, query };
  const other: Provider = provider === 'anthropic' ? 'openai' : 'anthropic';
  if (ENDPOINTS[other][path])
    return {
      ok: false,
      message: `this model gateway forwards to the player's provider, which is ${provider}: ${path} is an ${other} endpoint; it serves ${served.join(', ')}`,
    };
  return {
    ok: false,
    message: `no endpoint ${method} ${path.slice(0, 200)}: this model gateway serves ${served.join(', ')}`,
  };
}

export function errorBody(provider: Provider, status: number, message: string): unknown {
  if (provider === 'anthropic') {
    const type =
      status === 401
        ? 'authentication_error'
        : status === 404
          ? 'not_found_error'
          : status === 413
            ? 'request_too_large'
            : status >= 500
              ? 'api_error'
              : 'invalid_request_error';
    return { type: 'error', error: { type, message } };
  }
  const type = status === 401 ? 'invalid_api_key' : status >= 500 ? 'server_error' : 'invalid_request_error';
  return { error: { message, type, code: type === 'invalid_request_error' ? 'codearena_gateway' : type } };
}

/** Answers with an API error unless the answer has already begun (then the socket is cut). */
export function sendError(res: ServerResponse, provider: Provider, status: number, message: string): void {
  if (res.headersSent) return void res.destroy();
  const body = JSON.stringify(errorBody(provider, status, message));
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
