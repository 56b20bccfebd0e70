// The request as it goes to the real provider: its URL, the allow-listed headers plus the real
// key, and the body as the harness sent it, but always for the player's model (the price is that
// model's, and the comparison is of that model: a harness, or the model driving it, cannot pick a
// dearer or stronger one) and, for Chat streams, asking for usage (or nothing could be metered).
// The harness's own auth, cookies and encodings never leave the host.
import type { IncomingHttpHeaders } from 'node:http';
import type { Endpoint, Provider } from './routes.ts';

const DEFAULT_BASE: Record<Provider, string> = {
  anthropic: 'https://api.anthropic.com',
  openai: 'https://api.openai.com/v1',
};

const FORWARDED_HEADERS = ['content-type', 'accept', 'anthropic-version', 'anthropic-beta', 'openai-beta'];

/** `path` is one of the gateway's fixed endpoints (/v1/…), `query` the harness's query string. */
export function upstreamUrl(provider: Provider, baseUrl: string | undefined, path: string, query: string): string {
  const base = (baseUrl ?? DEFAULT_BASE[provider]).replace(/\/+$/, '');
  // The SDKs' convention: an OpenAI base URL ends in /v1, an Anthropic one does not.
  return `${base}${provider === 'openai' ? path.replace(/^\/v1/, '') : path}${query}`;
}

export function upstreamHeaders(provider: Provider, apiKey: string, h: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = { 'content-type': 'application/json' };
  for (const name of FORWARDED_HEADERS) {
    const v = h[name];
    if (typeof v === 'string') out[name] = v;
  }
  if (provider === 'anthropic') out['x-api-key'] = apiKey;
  else out.authorization = `Bearer ${apiKey}`;
  return out;
}

/** The body to send: as received, but for `model`, and a streamed Chat Completion always reports its usage. */
export function upstreamBody(endpoint: Endpoint, raw: Buffer, parsed: Record<string, unknown>, model: string): Buffer {
  const chatStream = endpoint === 'chat' && parsed.stream === true;
  if (parsed.model === model && !chatStream) return raw;
  const body: Record<string, unknown> = { ...parsed, model };
  if (chatStream) {
    const options = typeof parsed.stream_options === 'object' && parsed.stream_options ? parsed.stream_options : {};
    body.stream_options = { ...options, include_usage: true };
  }
  return Buffer.from(JSON.stringify(body));
}
