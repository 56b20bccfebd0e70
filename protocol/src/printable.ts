// Text that a bot or an agent wrote, made safe to keep and to show: control characters rendered
// visibly (so no terminal sees an escape sequence, a carriage return or a bidi override), long
// text clipped, and any value described in a few characters without recursion deep enough to
// overflow the stack or code (toString, getters) that could throw.

/** C0 controls, DEL, C1 controls (0x9b is a one-byte CSI on many terminals), the Arabic letter
 *  mark, LRM/RLM, the line/paragraph separators and the bidi embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\x1b' };

function visibleEscape(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `s` with every control, C1 and bidi-override character written out as `\x1b`, `\r`,
 *  `\u202e`… `keepNewlines` leaves `\n` alone, for text meant to span lines. */
export function escapeControls(s: string, keepNewlines = false): string {
  return s.replace(keepNewlines ? CONTROL_BUT_NEWLINE : CONTROL, visibleEscape);
}

/** At most `max` characters: the start of `s`, then "…". Never splits a surrogate pair. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = Math.max(0, max - 1);
  if (end > 0 && /[\ud800-\udbff]/.test(s[end - 1]!)) end--;
  return `${s.slice(0, end)}…`;
}

/** At most `max` characters: "…", then the end of `s` (for logs, whose end says most). */
export function clipStart(s: string, max: number): string {
  if (s.length <= max) return s;
  let start = s.length - Math.max(0, max - 1);
  if (/[\udc00-\udfff]/.test(s[start] ?? '')) start++;
  return `…${s.slice(start)}`;
}

/** Nesting shown before "…" in previews. */
const PREVIEW_DEPTH = 4;

/**
 * A short, printable rendering of whatever a bot sent (for fault details): at most `max`
 * characters plus "…", JSON-like, strings quoted except a top-level one (shown as written),
 * controls escaped. Works on any value: bounded depth and length, reads only own data
 * properties (no getter, toString or toJSON runs), never throws.
 */
export function preview(x: unknown, max = 120): string {
  let out = '';
  const full = () => out.length > max;
  const put = (s: string) => {
    out += s;
    return !full();
  };
  const walk = (v: unknown, depth: number): boolean => {
    switch (typeof v) {
      case 'string':
        return put(escapeControls(depth === 0 ? clip(v, max + 1) : JSON.stringify(clip(v, max + 1))));
      case 'number':
      case 'boolean':
        return put(String(v));
      case 'bigint':
        return put(`${v}n`);
      case 'undefined':
        return put('undefined');
      case 'symbol':
        return put('a symbol');
      case 'function':
        return put('a function');
    }
    if (v === null) return put('null');
    const obj = v as object;
    const isArray = Array.isArray(obj);
    if (depth >= PREVIEW_DEPTH) return put(isArray ? '[…]' : '{…}');
    if (!put(isArray ? '[' : '{')) return false;
    let first = true;
    // Own keys only, read through descriptors so no getter runs (JSON.parse makes none, but
    // arenas may be handed other values); the budget stops the walk after a few keys.
    for (const key of Object.keys(obj)) {
      if (!first && !put(',')) return false;
      first = false;
      if (!isArray && !put(`${escapeControls(JSON.stringify(clip(key, max + 1)))}:`)) return false;
      const d = Object.getOwnPropertyDescriptor(obj, key);
      if (!walk(d && 'value' in d ? d.value : undefined, depth + 1)) return false;
    }
    return put(isArray ? ']' : '}');
  };
  try {
    walk(x, 0);
  } catch {
    return '(a value that cannot be shown)';
  }
  return clip(out, max + 1);
}
