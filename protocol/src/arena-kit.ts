// Helpers every process-bot arena needs, kept in one place so arenas differ only in their
// rules: previews of bad replies, the object-shape check of a reply line, and the checks and
// messages of validation.
import type { BotClient, Fault, ValidateContext } from './arena.ts';

/** A short, printable rendering of whatever a bot sent (for fault details). */
export function preview(x: unknown): string {
  let s: string;
  try {
    s = typeof x === 'string' ? x : (JSON.stringify(x) ?? String(x));
  } catch {
    s = String(x);
  }
  return s.length > 120 ? `${s.slice(0, 120)}…` : s;
}

/** Accepts the parsed reply or the raw line; requires a JSON object holding `required` and no
 *  keys outside `allowed`. `example` shows the expected shape in the fault message. */
export function replyObject(raw: unknown, required: string, allowed: readonly string[], example: string): Record<string, unknown> | Fault {
  let value = raw;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return { kind: 'bad_output', detail: `reply is not JSON: ${preview(raw)}` };
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'bad_output', detail: `reply must be an object like ${example}, got ${preview(value)}` };
  }
  const obj = value as Record<string, unknown>;
  const extra = Object.keys(obj).filter((k) => !allowed.includes(k));
  if (extra.length > 0) {
    const only = allowed.map((k) => `"${k}"`).join(' and ');
    return { kind: 'bad_output', detail: `unexpected key(s) ${extra.join(', ')} in ${preview(obj)}; only ${only} are allowed` };
  }
  if (!(required in obj)) return { kind: 'bad_output', detail: `reply has no "${required}": ${preview(obj)}` };
  return obj;
}

const shellQuote = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`;

/** Appends the bot's stderr tail to a validation message. stdout and stderr are separate
 *  pipes, so what a bot wrote to stderr just before its reply may still be in flight: wait a
 *  moment first (failure path only, never per turn). */
export async function withStderr(detail: string, bot: BotClient | null): Promise<string> {
  if (bot) await new Promise((r) => setTimeout(r, 50));
  const tail = bot?.stderrTail().trim() ?? '';
  return tail ? `${detail}\n--- bot stderr (tail) ---\n${tail}` : detail;
}

/** null when the codebase has an executable `run` at its root, else what is wrong and the fix. */
export async function checkRunFile(ctx: ValidateContext): Promise<string | null> {
  const run = `${ctx.codeDir.replace(/\/+$/, '')}/run`;
  const exe = await ctx.exec(`test -x ${shellQuote(run)} && test -f ${shellQuote(run)}`, 10_000);
  if (exe.exitCode === 0) return null;
  const exists = await ctx.exec(`test -e ${shellQuote(run)}`, 10_000);
  return exists.exitCode === 0
    ? `${run} exists but is not an executable file; make it a script with a shebang and run \`chmod +x run\``
    : `no executable \`run\` file at the codebase root (${run}); the arena starts your bot with it`;
}
