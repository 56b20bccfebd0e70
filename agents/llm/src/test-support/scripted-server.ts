// The one stand-in of the test suite: a model provider on 127.0.0.1 that answers from a script,
// speaking the Chat Completions (openai) or Messages (anthropic) wire format, non-streaming.
// Each request takes the next reply of the script; every request body is kept for assertions,
// and the answers sent are counted (what a provider would bill: resume tests count them).
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Wire = 'openai' | 'anthropic';

export interface ScriptUsage {
  input?: number;
  output?: number;
  cached?: number;
}

export type Reply =
  /** A native tool call (raw `args` override the {"command"} JSON); `text` is the reasoning. */
  | {
      command: string;
      text?: string;
      tool?: string;
      args?: string;
      calls?: number;
      usage?: ScriptUsage;
      delayMs?: number;
    }
  /** A plain-text answer (e.g. one fenced block). */
  | { text: string; usage?: ScriptUsage; delayMs?: number }
  /** An HTTP error, with headers such as retry-after. */
  | { status: number; headers?: Record<string, string>; message?: string; delayMs?: number };

export interface ScriptedServer {
  wire: Wire;
  /** What to give the SDK as base_url. */
  baseURL: string;
  /** Parsed bodies of every request received, in order (errors and abandoned calls included). */
  requests: Record<string, unknown>[];
  /** Model answers sent (HTTP 200): the calls a real provider would bill. */
  answered(): number;
  push(...replies: Reply[]): void;
  /** Replies not yet served. */
  left(): number;
  close(): Promise<void>;
}

const DEFAULT_USAGE = { input: 1000, output: 100, cached: 0 };

export async function startScriptedServer(wire: Wire, script: Reply[] = []): Promise<ScriptedServer> {
  const queue = [...script];
  const requests: Record<string, unknown>[] = [];
  let n = 0;
  let answered = 0;
  const server = createServer((req, res) => {
    void handle(req, res);
  });
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const path = wire === 'openai' ? '/v1/chat/completions' : '/v1/messages';
    if (req.method !== 'POST' || req.url !== path)
      return send(res, 404, { error: { message: `scripted server: no route ${req.method} ${req.url}` } });
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    requests.push(body);
    const reply = queue.shift();
    if (!reply) return send(res, 400, errorBody(wire, 400, 'scripted server: the script has no reply left'));
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    if (res.destroyed || req.socket.destroyed) return; // the client gave up (timeout)
    n++;
    if ('status' in reply)
      return send(
        res,
        reply.status,
        errorBody(wire, reply.status, reply.message ?? `scripted ${reply.status}`),
        reply.headers,
      );
    answered++;
    send(res, 200, wire === 'openai' ? openaiBody(reply, body, n) : anthropicBody(reply, body, n));
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    wire,
    baseURL: wire === 'openai' ? `http://127.0.0.1:${port}/v1` : `http://127.0.0.1:${port}`,
    requests,
    answered: () => answered,
    push: (...r) => void queue.push(...r),
    left: () => queue.length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function errorBody(wire: Wire, status: number, message: string) {
  if (wire === 'openai')
    return { error: { message, type: status === 429 ? 'rate_limit_exceeded' : 'server_error', code: null } };
  return {
    type: 'error',
    error: {
      type: status === 429 ? 'rate_limit_error' : status >= 500 ? 'api_error' : 'invalid_request_error',
      message,
    },
  };
}

type Answer = Exclude<Reply, { status: number }>;

const toolCalls = (r: Answer, n: number) =>
  'command' in r
    ? Array.from({ length: r.calls ?? 1 }, (_, i) => ({
        id: `call_${n}_${i}`,
        name: r.tool ?? 'bash',
        args: r.args ?? JSON.stringify({ command: r.command }),
      }))
    : [];

function openaiBody(r: Answer, req: Record<string, unknown>, n: number) {
  const u = { ...DEFAULT_USAGE, ...r.usage };
  const calls = toolCalls(r, n);
  return {
    id: `chatcmpl-${n}`,
    object: 'chat.completion',
    created: 0,
    model: req.model,
    choices: [
      {
        index: 0,
        finish_reason: calls.length ? 'tool_calls' : 'stop',
        logprobs: null,
        message: {
          role: 'assistant',
          content: r.text ?? null,
          refusal: null,
          ...(calls.length
            ? {
                tool_calls: calls.map((c) => ({
                  id: c.id,
                  type: 'function',
                  function: { name: c.name, arguments: c.args },
                })),
              }
            : {}),
        },
      },
    ],
    usage: {
      prompt_tokens: u.input,
      completion_tokens: u.output,
      total_tokens: u.input + u.output,
      prompt_tokens_details: { cached_tokens: u.cached },
    },
  };
}

function anthropicBody(r: Answer, req: Record<string, unknown>, n: number) {
  const u = { ...DEFAULT_USAGE, ...r.usage };
  const calls = toolCalls(r, n);
  return {
    id: `msg_${n}`,
    type: 'message',
    role: 'assistant',
    model: req.model,
    content: [
      ...(r.text ? [{ type: 'text', text: r.text }] : []),
      ...calls.map((c) => ({ type: 'tool_use', id: c.id, name: c.name, input: safeJson(c.args) })),
    ],
    stop_reason: calls.length ? 'tool_use' : 'end_turn',
    stop_sequence: null,
    // Anthropic counts input without the cached part.
    usage: {
      input_tokens: u.input - u.cached,
      output_tokens: u.output,
      cache_read_input_tokens: u.cached,
      cache_creation_input_tokens: 0,
    },
  };
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return { raw: s };
  }
}
