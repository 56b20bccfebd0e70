// What the gateway tells the operator about bad input and its own failures: one line each, on
// stderr, with anything a client sent made printable (no terminal escapes), and bounded so a
// flood of bad requests cannot flood the terminal of the tournament beside it.
import { clip, escapeControls } from '@codearena/protocol';

const seen = new Map<string, number>();
/** Every kind is reported this many times, then once per REPEAT_EVERY. */
const FIRST = 5;
const REPEAT_EVERY = 1000;

export function logGatewayFault(kind: string, detail: unknown): void {
  const n = (seen.get(kind) ?? 0) + 1;
  seen.set(kind, n);
  if (n > FIRST && n % REPEAT_EVERY !== 0) return;
  const text = detail instanceof Error ? (detail.stack ?? detail.message) : String(detail);
  const times = n > FIRST ? ` (${n} times so far)` : '';
  process.stderr.write(`gateway: ${kind}${times}: ${escapeControls(clip(text, 2000), true).replace(/\n/g, '\n  ')}\n`);
}
