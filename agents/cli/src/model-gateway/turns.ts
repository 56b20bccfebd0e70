// A harness's request, read for the trajectory: the items it adds since the model's last answer
// (tool results, user turns; the whole prompt on the first request), the results as text for the
// step's output, and an answer's tool calls as the step's action. Requests are untrusted JSON:
// unknown shapes read as nothing, and everything kept is cut to a bound.
import type { ModelReply } from '@codearena/protocol';
import type { Endpoint } from './routes.ts';

/** A step's output (the tool results) and each string kept in a step's messages. */
export const MAX_TEXT_CHARS = 20_000;
/** Conversation items kept per step (the newest). */
const MAX_ITEMS = 50;

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Was the item written by the model (so everything after it is new)? */
const BY_MODEL: Record<Endpoint, (item: Obj) => boolean> = {
  messages: (m) => m.role === 'assistant',
  chat: (m) => m.role === 'assistant',
  responses: (it) =>
    it.role === 'assistant' ||
    it.type === 'function_call' ||
    it.type === 'custom_tool_call' ||
    it.type === 'reasoning' ||
    it.type === 'local_shell_call',
};

/** The request's conversation items after the model's last answer in it. */
export function newItems(endpoint: Endpoint, body: unknown): unknown[] {
  const b = obj(body);
  const items =
    endpoint === 'responses'
      ? typeof b.input === 'string'
        ? [{ role: 'user', content: b.input }]
        : arr(b.input)
      : arr(b.messages);
  let last = -1;
  items.forEach((it, i) => {
    if (BY_MODEL[endpoint](obj(it))) last = i;
  });
  return items.slice(last + 1);
}

/** The instructions a first request carries beside its items (Anthropic system, Responses instructions). */
export function systemOf(body: unknown): unknown[] {
  const b = obj(body);
  const system = b.system ?? b.instructions;
  return system === undefined ? [] : [{ role: 'system', content: system }];
}

/** Tool results (else user text) of new items, as one text. */
export function resultsText(items: unknown[]): string {
  const results: string[] = [];
  const user: string[] = [];
  for (const raw of items) {
    const it = obj(raw);
    if (it.type === 'function_call_output' || it.type === 'custom_tool_call_output') results.push(textOf(it.output));
    else if (it.role === 'tool') results.push(textOf(it.content));
    else if (it.role === 'user' || it.type === 'message') {
      if (Array.isArray(it.content))
        for (const b of it.content) {
          const block = obj(b);
          if (block.type === 'tool_result') results.push(textOf(block.content));
          else user.push(textOf(block));
        }
      else user.push(textOf(it.content));
    }
  }
  return cut((results.length ? results : user).filter(Boolean).join('\n'));
}

/** Text of a string, a text block, or an array of them (nested arrays: a few levels, not a hostile depth). */
function textOf(v: unknown, depth = 0): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return depth > 4 ? '' : v.map((x) => textOf(x, depth + 1)).join('\n');
  const o = obj(v);
  return typeof o.text === 'string' ? o.text : '';
}

/** An answer's tool calls one per line (`Bash: ls`), or `(answer)` for a text answer. */
export function actionOf(reply: ModelReply): string {
  if (!reply.toolCalls.length) return '(answer)';
  return reply.toolCalls
    .map((c) => {
      let args: Obj = {};
      try {
        args = obj(JSON.parse(c.arguments));
      } catch {
        /* shown raw */
      }
      const command = [args.command, args.cmd].find((v) => typeof v === 'string') as string | undefined;
      return `${c.name}: ${(command ?? c.arguments).slice(0, 2000)}`;
    })
    .join('\n');
}

export const cut = (s: string, max = MAX_TEXT_CHARS): string =>
  s.length <= max ? s : `${s.slice(0, max)}\n[… ${s.length - max} more characters]`;

/** Characters of text one step's messages keep in all (Claude Code's first prompt alone is ~50 KB). */
const MAX_STEP_CHARS = 200_000;

/** A copy with long strings cut, at most MAX_ITEMS items (the newest), at most MAX_STEP_CHARS of
 *  text and a bounded depth and width: the trajectory's share of a conversation. */
export function bounded(items: unknown[]): unknown[] {
  let budget = MAX_STEP_CHARS;
  const deep = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') {
      const kept = cut(v, Math.max(0, Math.min(MAX_TEXT_CHARS, budget)));
      budget -= Math.min(v.length, MAX_TEXT_CHARS);
      return kept;
    }
    if (depth > 20 || typeof v !== 'object' || v === null) return typeof v === 'object' ? null : v;
    if (Array.isArray(v)) return v.slice(0, 200).map((x) => deep(x, depth + 1));
    return Object.fromEntries(
      Object.entries(v)
        .slice(0, 200)
        .map(([k, x]) => [k, deep(x, depth + 1)]),
    );
  };
  return items.slice(-MAX_ITEMS).map((x) => deep(x, 0));
}
