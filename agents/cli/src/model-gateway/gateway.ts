// The model gateway: one HTTP server on a unix socket per edit phase, which a CLI harness in the
// player's container calls as if it were the provider. It holds the real key, keeps the phase's
// step / cost / time budget (checked before each call), forwards each call as it is, relays the
// answer as it streams while reading its text, tool calls and usage, records it in the run's
// answers ledger (and serves recorded answers again on resume and replay), and turns each
// exchange into a step, the way the native loop does: the model's action plus its output.
import { createHash, timingSafeEqual } from 'node:crypto';
import { chmodSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { Socket } from 'node:net';
import { costOf } from '@codearena/agent-llm';
import type { EditContext, EditExit, LlmPrice, ModelAnswers, ModelReply } from '@codearena/protocol';
import { replyReader } from './reply-reader.ts';
import { type Endpoint, type Provider, routeOf, sendError } from './routes.ts';
import { MAX_TEXT_CHARS, actionOf, bounded, cut, newItems, resultsText, systemOf } from './turns.ts';
import { upstreamBody, upstreamHeaders, upstreamUrl } from './upstream.ts';

export interface GatewayOptions {
  /** Created here (the parent directory exists); world-connectable, as the container's uid differs. */
  socketPath: string;
  /** The per-phase secret the harness sends as `x-api-key: T` or `Authorization: Bearer T`. */
  token: string;
  upstream: {
    provider: Provider;
    /** Anthropic default https://api.anthropic.com (no /v1); OpenAI default https://api.openai.com/v1. */
    baseUrl?: string;
    /** The real key: sent upstream only, never logged or recorded. */
    apiKey: string;
    timeoutMs: number;
  };
  /** The player's model: every forwarded request asks for it, whatever the harness wrote. */
  model: string;
  price: LlmPrice;
  limits: { steps: number; costUsd: number; deadline: number };
  answers: ModelAnswers;
  step: EditContext['step'];
  /** Called once when the phase must end: a limit refused a request, or (replay) the recorded
   *  answers ran out (exit = answers.offline). The caller then stops the harness. */
  onEnd(exit: EditExit, why: string): void;
  fetch?: typeof fetch;
}

export interface ModelGateway {
  /** Totals so far (replayed answers count, as in the native loop). */
  tally(): { steps: number; costUsd: number; tokensIn: number; tokensOut: number };
  /** The last upstream failure if the most recent exchange failed, else null. */
  lastFailure(): string | null;
  /** Flushes the pending step and closes the server and every open connection. */
  close(): Promise<void>;
}

/** Largest request body a harness may send (Claude Code's first request is about 50 KB). */
export const MAX_REQUEST_BYTES = 32 * 1024 * 1024;
/** Largest answer kept byte for byte in the ledger; a larger one is recorded without it. */
export const MAX_WIRE_BYTES = 16 * 1024 * 1024;
/** A client must have sent its whole request by then (slow clients hold no socket longer). */
const REQUEST_TIMEOUT_MS = 60_000;

/** An answer whose step waits for the next request (which carries its tool results). */
interface Pending {
  reply: ModelReply;
  costUsd: number;
  ms: number;
  replayed: boolean;
  estimated: boolean;
  /** What led to it, for the first step only (the prompt). */
  asked: unknown[];
}

export async function startGateway(o: GatewayOptions): Promise<ModelGateway> {
  const { provider, apiKey } = o.upstream;
  const doFetch = o.fetch ?? fetch;
  const tokenHash = sha(o.token);
  let steps = 0;
  let inFlight = 0;
  let cost = 0;
  let tokensIn = 0;
  let tokensOut = 0;
  let failure: string | null = null;
  let ended: string | null = null;
  let pending: Pending | null = null;
  let firstStep = true;
  let closed = false;
  const aborts = new Set<AbortController>();
  const scrub = (s: string) => (apiKey ? s.split(apiKey).join('[redacted]') : s);

  const endOnce = (exit: EditExit, why: string) => {
    if (ended !== null) return;
    ended = why;
    try {
      o.onEnd(exit, why);
    } catch {
      /* the caller's fault must not take the gateway down */
    }
  };

  const flush = (output: string, added: unknown[]) => {
    const p = pending;
    if (!p) return;
    pending = null;
    const note = p.estimated ? '[usage estimated: the provider sent no token counts]\n' : '';
    const reply = { role: 'assistant', content: p.reply.content, toolCalls: p.reply.toolCalls };
    o.step(actionOf(p.reply), output, {
      costUsd: p.costUsd,
      ms: p.ms,
      tokens: { input: p.reply.usage.input, output: p.reply.usage.output },
      thought: cut(note + p.reply.content),
      ...(p.replayed ? { replayed: true } : {}),
      messages: bounded([...p.asked, reply, ...added]),
    });
  };

  const answered = (a: Omit<Pending, 'asked'>, asked: unknown[]) => {
    flush('', []); // a concurrent request's answer never got its results
    steps++;
    cost += a.costUsd;
    tokensIn += a.reply.usage.input;
    tokensOut += a.reply.usage.output;
    pending = { ...a, asked: firstStep ? asked : [] };
    firstStep = false;
  };

  const refusal = (): [EditExit, string] | null => {
    if (Date.now() >= o.limits.deadline) return ['time_limit', 'the time limit of this edit phase has passed'];
    if (steps + inFlight >= o.limits.steps)
      return ['step_limit', `the step limit of ${o.limits.steps} model calls is used up`];
    if (cost >= o.limits.costUsd)
      return ['cost_limit', `the cost limit of $${o.limits.costUsd} is used up ($${cost.toFixed(4)} spent)`];
    return null;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const since = Date.now();
    const url = req.url ?? '';
    if ((req.method === 'HEAD' || req.method === 'GET') && url === '/') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(req.method === 'GET' ? '{"ok":true}' : undefined);
    }
    if (!authorized(req, tokenHash)) {
      res.setHeader('connection', 'close');
      return sendError(res, provider, 401, 'this model gateway needs the phase token as x-api-key or Bearer');
    }
    const route = routeOf(provider, req.method, url);
    if (!route.ok) {
      res.setHeader('connection', 'close');
      return sendError(res, provider, 404, route.message);
    }
    const raw = await readBody(req, res, provider);
    if (!raw) return;
    let body: Record<string, unknown>;
    try {
      const v = JSON.parse(raw.toString('utf8')) as unknown;
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not an object');
      body = v as Record<string, unknown>;
    } catch {
      return sendError(res, provider, 400, 'the request body is not a JSON object');
    }
    const added = newItems(route.endpoint, body);
    flush(resultsText(added), added);

    const refused = ended !== null ? null : refusal();
    if (refused) endOnce(...refused);
    if (ended !== null) return sendError(res, provider, 400, `codearena budget: ${ended}; this edit phase is over`);
    const asked = firstStep ? [...systemOf(body), ...added] : [];

    // An answer already paid for (a resumed phase, or a replay) is served as it was relayed then.
    const old = o.answers.next();
    if (old) {
      if (!old.wire) {
        endOnce(o.answers.offline ?? 'provider_error', `recorded answer ${old.call} has no copy of its HTTP answer`);
        return sendError(res, provider, 400, `codearena: recorded answer ${old.call} cannot be served again`);
      }
      answered({ reply: old.reply, costUsd: old.costUsd, ms: old.ms, replayed: true, estimated: false }, asked);
      res.writeHead(old.wire.status, { 'content-type': old.wire.contentType });
      return void res.end(old.wire.body);
    }
    if (o.answers.offline) {
      const why = `the recorded answers end here (the recorded phase ended ${o.answers.offline})`;
      endOnce(o.answers.offline, why);
      return sendError(res, provider, 400, `codearena replay: ${why}`);
    }
    await forward(req, res, route.endpoint, route.path + route.query, raw, body, asked, since);
  };

  const forward = async (
    req: IncomingMessage,
    res: ServerResponse,
    endpoint: Endpoint,
    pathAndQuery: string,
    raw: Buffer,
    body: Record<string, unknown>,
    asked: unknown[],
    since: number,
  ) => {
    const q = pathAndQuery.indexOf('?');
    const target = upstreamUrl(
      provider,
      o.upstream.baseUrl,
      q < 0 ? pathAndQuery : pathAndQuery.slice(0, q),
      q < 0 ? '' : pathAndQuery.slice(q),
    );
    const ac = new AbortController();
    aborts.add(ac);
    inFlight++;
    const fail = (status: number, why: string, relay?: { contentType: string; body: string }) => {
      // A call cut by close() is the phase ending, not the provider failing.
      if (!closed) failure = scrub(why);
      if (!relay) return sendError(res, provider, status, `codearena model gateway: ${scrub(why)}`);
      if (res.headersSent) return void res.destroy();
      // The harness's own credentials (the token) were good: a provider's 401 is about the
      // player's key, and as a 401 it would send a harness into re-login retries.
      res.writeHead(status === 401 ? 403 : status, { 'content-type': relay.contentType });
      res.end(scrub(relay.body));
    };
    try {
      let up: Response;
      try {
        up = await doFetch(target, {
          method: 'POST',
          headers: upstreamHeaders(provider, apiKey, req.headers),
          body: upstreamBody(endpoint, raw, body, o.model),
          signal: AbortSignal.any([ac.signal, AbortSignal.timeout(o.upstream.timeoutMs)]),
        });
      } catch (e) {
        return fail(502, `the provider could not be reached: ${errorText(e)}`);
      }
      const contentType = up.headers.get('content-type') ?? 'application/json';
      if (!up.ok || !up.body) {
        let text = '';
        try {
          text = await up.text();
        } catch (e) {
          text = `(the error body broke off: ${errorText(e)})`;
        }
        return fail(up.status, `the provider answered HTTP ${up.status}: ${text.slice(0, 500)}`, {
          contentType,
          body: text,
        });
      }
      // Relayed as it streams; the harness's own disconnect does not stop the read, since the
      // answer is paid for and is recorded whole.
      res.writeHead(up.status, { 'content-type': contentType, 'cache-control': 'no-cache' });
      const reader = replyReader(endpoint, contentType);
      const kept: Uint8Array[] = [];
      let size = 0;
      try {
        for await (const chunk of up.body) {
          reader.push(chunk);
          size += chunk.length;
          if (size <= MAX_WIRE_BYTES) kept.push(chunk);
          if (!res.destroyed) res.write(chunk);
        }
      } catch (e) {
        return fail(502, `the provider's answer broke off: ${errorText(e)}`);
      }
      const read = reader.finish();
      const reply = read.usageSeen ? read.reply : estimated(read.reply, raw.length);
      const costUsd = costOf(reply.usage, o.price);
      const at = Date.now();
      try {
        o.answers.record({
          ts: at,
          ms: at - since,
          costUsd,
          reply,
          ...(size <= MAX_WIRE_BYTES
            ? { wire: { status: up.status, contentType, body: Buffer.concat(kept).toString('utf8') } }
            : {}),
        });
      } catch (e) {
        endOnce('crashed', `the model answer could not be recorded: ${errorText(e)}`);
      }
      failure = null;
      answered({ reply, costUsd, ms: at - since, replayed: false, estimated: !read.usageSeen }, asked);
      res.end();
    } finally {
      inFlight--;
      aborts.delete(ac);
    }
  };

  const server = createServer({ requestTimeout: REQUEST_TIMEOUT_MS, headersTimeout: 30_000 }, (req, res) => {
    handle(req, res).catch(() => {
      try {
        sendError(res, provider, 500, 'codearena model gateway: internal error');
      } catch {
        res.destroy();
      }
    });
  });
  server.on('clientError', (_e, socket: Socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e) => reject(new Error(`model gateway: cannot listen on ${o.socketPath}: ${e.message}`)));
    server.listen(o.socketPath, () => resolve());
  });
  chmodSync(o.socketPath, 0o666);

  let closing: Promise<void> | undefined;
  return {
    tally: () => ({ steps, costUsd: cost, tokensIn, tokensOut }),
    lastFailure: () => failure,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        closed = true;
        flush('', []);
        for (const ac of aborts) ac.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}

function sha(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

function authorized(req: IncomingMessage, tokenHash: Buffer): boolean {
  const key = req.headers['x-api-key'];
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
  const given = typeof key === 'string' ? key : bearer;
  return given !== undefined && timingSafeEqual(sha(given), tokenHash);
}

/** The whole body, or null once an error was answered (too large, or the client went away). */
async function readBody(req: IncomingMessage, res: ServerResponse, provider: Provider): Promise<Buffer | null> {
  const tooLarge = () => {
    res.setHeader('connection', 'close');
    sendError(res, provider, 413, `the request body is over the gateway's ${MAX_REQUEST_BYTES / 2 ** 20} MiB limit`);
    return null;
  };
  if (Number(req.headers['content-length'] ?? 0) > MAX_REQUEST_BYTES) return tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const c of req) {
      size += (c as Buffer).length;
      if (size > MAX_REQUEST_BYTES) return tooLarge();
      chunks.push(c as Buffer);
    }
  } catch {
    res.destroy();
    return null;
  }
  return Buffer.concat(chunks);
}

/** Token counts from sizes (4 bytes a token) when the provider sent none: a budget is never free. */
function estimated(reply: ModelReply, requestBytes: number): ModelReply {
  const answerBytes =
    Buffer.byteLength(reply.content) + reply.toolCalls.reduce((n, c) => n + Buffer.byteLength(c.arguments), 0);
  return {
    ...reply,
    usage: { input: Math.ceil(requestBytes / 4), output: Math.ceil(answerBytes / 4), cachedInput: 0, cacheWrite: 0 },
  };
}

function errorText(e: unknown): string {
  const err = e as Error & { cause?: Error };
  if (err?.name === 'TimeoutError') return 'the request timed out';
  return `${err?.message ?? String(e)}${err?.cause?.message ? ` (${err.cause.message})` : ''}`.slice(0, MAX_TEXT_CHARS);
}
