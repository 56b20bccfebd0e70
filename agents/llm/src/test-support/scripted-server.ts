// The one stand-in of the test suite: a model provider on 127.0.0.1 that answers from a script,
// speaking Chat Completions and Responses (openai) or Messages (anthropic), streaming (SSE) or
// not, as the request asks. Each request takes the next reply of the script; every request body
// is kept for assertions, and the answers sent are counted (what a provider would bill: resume
// tests count them). A `{command}` step becomes a call of the shell tool the request offers
// (Claude Code's Bash, Codex's exec_command, else the native bash), so real harnesses run it.
import { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Wire = 'openai' | 'anthropic';

export interface ScriptUsage {
  /** All input tokens, cached ones included. */
  input?: number;
  output?: number;
  cached?: number;
  /** Anthropic cache_creation_input_tokens (part of `input`). */
  cacheWrite?: number;
}

export type Reply =
  /** A shell tool call (raw `args` and `tool` override what the request's tools suggest); `text`
   *  is the reasoning. */
  | {
      command: string;
      text?: string;
      tool?: string;
      args?: string;
      calls?: number;
      usage?: ScriptUsage | 'none';
      delayMs?: number;
    }
  /** A plain-text answer (e.g. one fenced block, or a harness's final message). */
  | { text: string; usage?: ScriptUsage | 'none'; delayMs?: number }
  /** An HTTP error, with headers such as retry-after. */
  | { status: number; headers?: Record<string, string>; message?: string; delayMs?: number };

export interface ScriptedServer {
  wire: Wire;
  /** What to give the SDK as base_url. */
  baseURL: string;
  /** Parsed bodies of every model request received, in order (errors and abandoned calls included). */
  requests: Record<string, unknown>[];
  /** Path (with query) and headers of each entry of `requests`. */
  calls: { url: string; headers: IncomingHttpHeaders }[];
  /** Model answers sent (HTTP 200): the calls a real provider would bill. */
  answered(): number;
  push(...replies: Reply[]): void;
  /** Replies not yet served. */
  left(): number;
  close(): Promise<void>;
}

type Route = 'chat' | 'responses' | 'messages';

const DEFAULT_USAGE = { input: 1000, output: 100, cached: 0, cacheWrite: 0 };

export async function startScriptedServer(wire: Wire, script: Reply[] = []): Promise<ScriptedServer> {
  const queue = [...script];
  const requests: Record<string, unknown>[] = [];
  const calls: ScriptedServer['calls'] = [];
  let n = 0;
  let answered = 0;
  const server = createServer((req, res) => {
    void handle(req, res);
  });
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = req.url ?? '';
    // Harnesses probe the base URL before they start (Claude Code: HEAD /).
    if ((req.method === 'HEAD' || req.method === 'GET') && url === '/') return send(res, 200, { ok: true });
    const route = routeOf(wire, req.method, url);
    if (!route) return send(res, 404, { error: { message: `scripted server: no route ${req.method} ${url}` } });
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    requests.push(body);
    calls.push({ url, headers: req.headers });
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
    const a = answerOf(reply, body, n);
    // `usage: 'none'`: a server that reports no token counts (some OpenAI-compatible ones).
    const strip = (v: unknown) => (reply.usage === 'none' ? withoutUsage(v) : v);
    if (body.stream === true) {
      const s = STREAMS[route](a, body);
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.end(sse(s.events.map(strip) as Record<string, unknown>[], s.named, s.done));
    } else send(res, 200, strip(BODIES[route](a, body)));
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    wire,
    baseURL: wire === 'openai' ? `http://127.0.0.1:${port}/v1` : `http://127.0.0.1:${port}`,
    requests,
    calls,
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

function routeOf(wire: Wire, method: string | undefined, url: string): Route | null {
  if (method !== 'POST') return null;
  const path = url.replace(/\?.*$/, '');
  if (wire === 'anthropic') return path === '/v1/messages' ? 'messages' : null;
  return path === '/v1/chat/completions' ? 'chat' : path === '/v1/responses' ? 'responses' : null;
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

/** One scripted answer, resolved against the request: its calls, text and token counts. */
interface Answer {
  n: number;
  model: unknown;
  text: string;
  calls: { id: string; name: string; args: string }[];
  usage: Required<ScriptUsage>;
}

function answerOf(r: Exclude<Reply, { status: number }>, req: Record<string, unknown>, n: number): Answer {
  const usage = { ...DEFAULT_USAGE, ...(r.usage === 'none' ? {} : r.usage) };
  const calls =
    'command' in r
      ? Array.from({ length: r.calls ?? 1 }, (_, i) => {
          const shell = shellTool(req, r.command);
          return { id: `call_${n}_${i}`, name: r.tool ?? shell.name, args: r.args ?? shell.args };
        })
      : [];
  return { n, model: req.model, text: r.text ?? '', calls, usage };
}

/** The shell tool the request offers, and a command's arguments in its shape. */
function shellTool(req: Record<string, unknown>, command: string): { name: string; args: string } {
  const names = new Set(
    (Array.isArray(req.tools) ? (req.tools as Record<string, unknown>[]) : []).map(
      (t) => (t.name ?? (t.function as Record<string, unknown> | undefined)?.name) as unknown,
    ),
  );
  if (names.has('Bash')) return { name: 'Bash', args: JSON.stringify({ command, description: 'scripted command' }) };
  if (names.has('exec_command')) return { name: 'exec_command', args: JSON.stringify({ cmd: command }) };
  return { name: 'bash', args: JSON.stringify({ command }) };
}

/** An answer's SSE events; Anthropic and Responses name each event, Chat ends with [DONE]. */
interface Events {
  events: Record<string, unknown>[];
  named: boolean;
  done?: boolean;
}

const withoutUsage = (v: unknown): unknown =>
  JSON.parse(JSON.stringify(v, (k, x: unknown) => (k === 'usage' ? undefined : x)));

const sse = (events: Record<string, unknown>[], named: boolean, done = false) =>
  events.map((e) => `${named ? `event: ${String(e.type)}\n` : ''}data: ${JSON.stringify(e)}\n\n`).join('') +
  (done ? 'data: [DONE]\n\n' : '');

// --- Chat Completions -------------------------------------------------------------------------

const chatUsage = (u: Answer['usage']) => ({
  prompt_tokens: u.input,
  completion_tokens: u.output,
  total_tokens: u.input + u.output,
  prompt_tokens_details: { cached_tokens: u.cached },
});

function chatBody(a: Answer) {
  return {
    id: `chatcmpl-${a.n}`,
    object: 'chat.completion',
    created: 0,
    model: a.model,
    choices: [
      {
        index: 0,
        finish_reason: a.calls.length ? 'tool_calls' : 'stop',
        logprobs: null,
        message: {
          role: 'assistant',
          content: a.text || (a.calls.length ? null : ''),
          refusal: null,
          ...(a.calls.length
            ? {
                tool_calls: a.calls.map((c) => ({
                  id: c.id,
                  type: 'function',
                  function: { name: c.name, arguments: c.args },
                })),
              }
            : {}),
        },
      },
    ],
    usage: chatUsage(a.usage),
  };
}

function chatStream(a: Answer, req: Record<string, unknown>): Events {
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) => ({
    id: `chatcmpl-${a.n}`,
    object: 'chat.completion.chunk',
    created: 0,
    model: a.model,
    choices,
    ...extra,
  });
  const delta = (d: Record<string, unknown>, finish: string | null = null) => ({
    index: 0,
    delta: d,
    finish_reason: finish,
    logprobs: null,
  });
  const events = [chunk([delta({ role: 'assistant', content: '' })])];
  // The text in two pieces, as a model streams it.
  const half = Math.ceil(a.text.length / 2);
  for (const piece of [a.text.slice(0, half), a.text.slice(half)])
    if (piece) events.push(chunk([delta({ content: piece })]));
  a.calls.forEach((c, index) => {
    events.push(
      chunk([
        delta({ tool_calls: [{ index, id: c.id, type: 'function', function: { name: c.name, arguments: '' } }] }),
      ]),
    );
    events.push(chunk([delta({ tool_calls: [{ index, function: { arguments: c.args } }] })]));
  });
  events.push(chunk([delta({}, a.calls.length ? 'tool_calls' : 'stop')]));
  const options = req.stream_options as Record<string, unknown> | undefined;
  if (options?.include_usage === true) events.push(chunk([], { usage: chatUsage(a.usage) }));
  return { events, named: false, done: true };
}

// --- Responses --------------------------------------------------------------------------------

const responsesUsage = (u: Answer['usage']) => ({
  input_tokens: u.input,
  input_tokens_details: { cached_tokens: u.cached },
  output_tokens: u.output,
  output_tokens_details: { reasoning_tokens: 0 },
  total_tokens: u.input + u.output,
});

const messageItem = (a: Answer) => ({
  type: 'message',
  id: `msg_${a.n}`,
  status: 'completed',
  role: 'assistant',
  content: [{ type: 'output_text', text: a.text, annotations: [] }],
});

const callItem = (c: Answer['calls'][number]) => ({
  type: 'function_call',
  id: `fc_${c.id}`,
  call_id: c.id,
  name: c.name,
  arguments: c.args,
  status: 'completed',
});

const outputOf = (a: Answer) => [...(a.text || !a.calls.length ? [messageItem(a)] : []), ...a.calls.map(callItem)];

function responsesBody(a: Answer, status = 'completed', output = outputOf(a)) {
  return {
    id: `resp_${a.n}`,
    object: 'response',
    created_at: 0,
    status,
    model: a.model,
    output,
    parallel_tool_calls: true,
    tool_choice: 'auto',
    tools: [],
    ...(status === 'completed' ? { usage: responsesUsage(a.usage) } : {}),
  };
}

function responsesStream(a: Answer): Events {
  let seq = 0;
  const ev = (type: string, e: Record<string, unknown>) => ({ type, sequence_number: seq++, ...e });
  const events = [
    ev('response.created', { response: responsesBody(a, 'in_progress', []) }),
    ev('response.in_progress', { response: responsesBody(a, 'in_progress', []) }),
  ];
  outputOf(a).forEach((item, output_index) => {
    if (item.type === 'message') {
      const part = { type: 'output_text', text: '', annotations: [] };
      const ids = { item_id: item.id, output_index, content_index: 0 };
      events.push(
        ev('response.output_item.added', { output_index, item: { ...item, status: 'in_progress', content: [] } }),
        ev('response.content_part.added', { ...ids, part }),
        ...(a.text ? [ev('response.output_text.delta', { ...ids, delta: a.text, logprobs: [] })] : []),
        ev('response.output_text.done', { ...ids, text: a.text, logprobs: [] }),
        ev('response.content_part.done', { ...ids, part: { ...part, text: a.text } }),
      );
    } else {
      const call = item as ReturnType<typeof callItem>;
      events.push(
        ev('response.output_item.added', { output_index, item: { ...call, arguments: '', status: 'in_progress' } }),
        ev('response.function_call_arguments.delta', { item_id: call.id, output_index, delta: call.arguments }),
        ev('response.function_call_arguments.done', { item_id: call.id, output_index, arguments: call.arguments }),
      );
    }
    events.push(ev('response.output_item.done', { output_index, item }));
  });
  events.push(ev('response.completed', { response: responsesBody(a) }));
  return { events, named: true };
}

// --- Anthropic Messages -----------------------------------------------------------------------

/** Anthropic counts input without the cached part and the cache writes. */
const anthropicUsage = (u: Answer['usage'], output: number) => ({
  input_tokens: u.input - u.cached - u.cacheWrite,
  output_tokens: output,
  cache_read_input_tokens: u.cached,
  cache_creation_input_tokens: u.cacheWrite,
});

function messagesBody(a: Answer) {
  return {
    id: `msg_${a.n}`,
    type: 'message',
    role: 'assistant',
    model: a.model,
    content: [
      ...(a.text || !a.calls.length ? [{ type: 'text', text: a.text }] : []),
      ...a.calls.map((c) => ({ type: 'tool_use', id: c.id, name: c.name, input: safeJson(c.args) })),
    ],
    stop_reason: a.calls.length ? 'tool_use' : 'end_turn',
    stop_sequence: null,
    usage: anthropicUsage(a.usage, a.usage.output),
  };
}

function messagesStream(a: Answer): Events {
  const full = messagesBody(a);
  const events: Record<string, unknown>[] = [
    {
      type: 'message_start',
      message: { ...full, content: [], stop_reason: null, usage: anthropicUsage(a.usage, 1) },
    },
  ];
  full.content.forEach((block, index) => {
    if (block.type === 'text') {
      events.push({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
      if (a.text) events.push({ type: 'content_block_delta', index, delta: { type: 'text_delta', text: a.text } });
    } else {
      const args = a.calls[index - (full.content.length - a.calls.length)]!.args;
      events.push({ type: 'content_block_start', index, content_block: { ...block, input: {} } });
      // The arguments in two pieces: a client must join partial JSON.
      const half = Math.ceil(args.length / 2);
      for (const partial_json of [args.slice(0, half), args.slice(half)])
        events.push({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json } });
    }
    events.push({ type: 'content_block_stop', index });
  });
  events.push(
    {
      type: 'message_delta',
      delta: { stop_reason: full.stop_reason, stop_sequence: null },
      usage: { output_tokens: a.usage.output },
    },
    { type: 'message_stop' },
  );
  return { events, named: true };
}

const BODIES: Record<Route, (a: Answer, req: Record<string, unknown>) => unknown> = {
  chat: chatBody,
  responses: (a) => responsesBody(a),
  messages: messagesBody,
};
const STREAMS: Record<Route, (a: Answer, req: Record<string, unknown>) => Events> = {
  chat: chatStream,
  responses: responsesStream,
  messages: messagesStream,
};

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return { raw: s };
  }
}
