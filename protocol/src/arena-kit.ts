// Helpers every arena needs, kept in one place so arenas differ only in their rules:
// defineArena (the defaults of the contract, filled once), the object-shape check of a reply line
// (see reply-guard.ts for the limits and printable.ts for previews), and the checks and messages
// of validation.
import type { z } from 'zod';
import type {
  Arena,
  ArenaManifest,
  ArenaSpec,
  BotClient,
  EngineHooks,
  Fault,
  ValidateContext,
  Validation,
} from './arena.ts';
import { clipStart, escapeControls, preview } from './printable.ts';
import { faultDetail, parseReplyLine, replyValueProblem } from './reply-guard.ts';

/**
 * The Arena for a spec: args parsed by its schema, and every hook its bot kind does without
 * filled with the neutral one (no requests, no notices, no moves, nothing to load), so callers
 * never test for a hook. Throws (at import, so every test sees it) when a kind's own hook is
 * missing: process arenas must sample moves, data arenas must load players.
 */
export function defineArena<State, Move, Args>(spec: ArenaSpec<State, Move, Args>): Arena<State, Move, Args> {
  const { manifest, args: schema, ...rules } = spec;
  const id = manifest.id;
  const need = (hook: keyof ArenaSpec<State, Move, Args>, present: unknown) => {
    if (!present) throw new Error(`arena ${id}: ${manifest.botKind} arenas must define ${String(hook)}()`);
  };
  if (manifest.botKind === 'engine')
    throw new Error(`arena ${id}: engine arenas are made with defineEngineArena, not defineArena`);
  if (manifest.botKind === 'process') {
    need('observe', spec.observe);
    need('parseMove', spec.parseMove);
    need('sampleMove', spec.sampleMove);
  }
  if (manifest.botKind === 'data') need('loadPlayer', spec.loadPlayer);
  return {
    manifest,
    argsSchema: schema,
    parseArgs: (raw) => schema.parse(raw ?? {}),
    ...neutralHooks(id),
    ...rules,
    engine: null,
  };
}

/** The hooks an arena without requests, moves or loading gets. */
const neutralHooks = (id: string) => ({
  observe: () => null,
  notify: () => null,
  notices: () => [],
  parseMove: (): Fault => ({ kind: 'invalid_move', detail: `${id} bots make no moves` }),
  loadPlayer: async () => null,
  sampleMove: () => null,
});

/** What an `engine` arena's author writes: no turn rules (its engine plays whole sims). */
export interface EngineArenaSpec<Args> {
  manifest: ArenaManifest;
  args: z.ZodType<Args>;
  validate(ctx: ValidateContext<Args>): Promise<Validation>;
  engine: EngineHooks<Args>;
}

/** The Arena of an `engine` arena. Its turn hooks exist for the type's sake only: the runner
 *  sends every sim of such an arena to its engine, so calling one is a bug, said loudly. */
export function defineEngineArena<Args>(spec: EngineArenaSpec<Args>): Arena<never, never, Args> {
  const { manifest, args: schema, validate, engine } = spec;
  if (manifest.botKind !== 'engine')
    throw new Error(`arena ${manifest.id}: defineEngineArena is for engine arenas, not ${manifest.botKind}`);
  const notHere = (): never => {
    throw new Error(`arena ${manifest.id}: sims of an engine arena are played by its engine, not turn by turn`);
  };
  return {
    manifest,
    argsSchema: schema,
    parseArgs: (raw) => schema.parse(raw ?? {}),
    validate,
    engine,
    init: notHere,
    step: notHere,
    outcome: notHere,
    frame: notHere,
    turn: notHere,
    ...neutralHooks(manifest.id),
  };
}

/** Unexpected keys named in a fault before "and N more". */
const KEYS_SHOWN = 3;

/** Accepts the parsed reply or the raw line; requires a JSON object holding `required` and no
 *  keys outside `allowed`. `example` shows the expected shape in the fault message. Hostile
 *  values (nesting deep enough to overflow recursive code, huge key lists, own `__proto__`
 *  keys, escapes) come back as faults with short, printable details. */
export function replyObject(
  raw: unknown,
  required: string,
  allowed: readonly string[],
  example: string,
): Record<string, unknown> | Fault {
  let value = raw;
  if (typeof value === 'string') {
    const parsed = parseReplyLine(value);
    if (!parsed.ok) return { kind: 'bad_output', detail: parsed.detail };
    value = parsed.value;
  } else {
    const problem = replyValueProblem(value);
    if (problem) return { kind: 'bad_output', detail: problem };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      kind: 'bad_output',
      detail: faultDetail(`reply must be an object like ${example}, got ${preview(value)}`),
    };
  }
  const obj = value as Record<string, unknown>;
  const extra = Object.keys(obj).filter((k) => !allowed.includes(k));
  if (extra.length > 0) {
    const only = allowed.map((k) => `"${k}"`).join(' and ');
    const named = extra
      .slice(0, KEYS_SHOWN)
      .map((k) => preview(k, 40))
      .join(', ');
    const more = extra.length > KEYS_SHOWN ? ` and ${extra.length - KEYS_SHOWN} more` : '';
    return {
      kind: 'bad_output',
      detail: faultDetail(`unexpected key(s) ${named}${more} in the reply; only ${only} are allowed`),
    };
  }
  // Own keys only: "constructor" or "toString" must not count as present via the prototype.
  if (!Object.hasOwn(obj, required))
    return { kind: 'bad_output', detail: faultDetail(`reply has no "${required}": ${preview(obj)}`) };
  return obj;
}

const shellQuote = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`;

/** Appends the bot's stderr tail to a validation message. stdout and stderr are separate
 *  pipes, so what a bot wrote to stderr just before its reply may still be in flight: wait a
 *  moment first (failure path only, never per turn). */
export async function withStderr(detail: string, bot: BotClient | null): Promise<string> {
  if (bot) await new Promise((r) => setTimeout(r, 50));
  // The bot wrote it: escaped (its own line breaks kept) and only the end of it.
  const tail = escapeControls(clipStart(bot?.stderrTail().trim() ?? '', STDERR_SHOWN), true);
  return tail ? `${escapeControls(detail, true)}\n--- bot stderr (tail) ---\n${tail}` : escapeControls(detail, true);
}

/** Characters of a bot's stderr tail quoted in a validation message. */
const STDERR_SHOWN = 2000;

/** A process arena's validation: checks `run`, starts the bot and hands it to `check`; anything
 *  thrown becomes a failed Validation carrying the bot's last stderr, and the bot is always closed. */
export async function validateWithBot(
  ctx: ValidateContext,
  check: (bot: BotClient) => Promise<Validation>,
): Promise<Validation> {
  let bot: BotClient | null = null;
  try {
    const runProblem = await checkRunFile(ctx);
    if (runProblem) return { ok: false, detail: runProblem };
    bot = await ctx.startBot();
    return await check(bot);
  } catch (err) {
    return {
      ok: false,
      detail: await withStderr(`validation failed: ${err instanceof Error ? err.message : String(err)}`, bot),
    };
  } finally {
    if (bot) await bot.close().catch(() => undefined);
  }
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
