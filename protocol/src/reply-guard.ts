// Limits on what a bot reply may be before anything inspects it. JSON.parse itself copes with
// any nesting, but almost everything after it is recursive (JSON.stringify, String(), zod,
// structured clone, test matchers): 32,000 nested arrays fit in one 64 KB line and overflow the
// stack of any of them. A real move is an object one or two levels deep, so a small depth cap
// costs no honest bot anything and makes every later step safe.
import { clip, preview } from './printable.ts';

/** Deepest nesting of arrays and objects accepted in a bot reply. */
export const MAX_REPLY_DEPTH = 64;
/** Longest fault detail kept (match results, events, validation messages quote it). */
export const MAX_FAULT_DETAIL = 300;
/** Values visited at most when checking an already-parsed value's depth. */
const MAX_NODES = 100_000;

/** Whether a JSON text nests arrays/objects deeper than `max`, counted without parsing
 *  (brackets inside strings do not count). Linear, no recursion. */
export function jsonTooDeep(text: string, max = MAX_REPLY_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** Whether a parsed value nests deeper than `max` or holds more than 100,000 values; an
 *  explicit stack, so the check itself cannot overflow. Reads own data properties only. */
export function valueTooDeep(value: unknown, max = MAX_REPLY_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  let visited = 0;
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= max || ++visited > MAX_NODES) return true;
    for (const key of Object.keys(v)) {
      const d = Object.getOwnPropertyDescriptor(v, key);
      if (d && 'value' in d) stack.push([d.value, depth + 1]);
    }
  }
  return false;
}

export type ParsedReply = { ok: true; value: unknown } | { ok: false; detail: string };

const TOO_DEEP = `reply nests arrays/objects more than ${MAX_REPLY_DEPTH} levels deep; a move is a small flat object`;

/** One reply line → its JSON value, or what is wrong with it (short, printable). */
export function parseReplyLine(line: string): ParsedReply {
  if (jsonTooDeep(line)) return { ok: false, detail: TOO_DEEP };
  try {
    return { ok: true, value: JSON.parse(line) as unknown };
  } catch {
    return { ok: false, detail: `reply is not JSON: ${preview(line)}` };
  }
}

/** The same check for a value that did not come through parseReplyLine. */
export function replyValueProblem(value: unknown): string | null {
  return valueTooDeep(value) ? TOO_DEEP : null;
}

/** A fault detail as kept: clipped to MAX_FAULT_DETAIL (callers escape what the bot wrote). */
export const faultDetail = (s: string): string => clip(s, MAX_FAULT_DETAIL);
