// The arena contract: rules are pure functions (no I/O, no clock, no Math.random); the runner
// that moves bytes between engine and bots lives in server/src/compete.
import { z } from 'zod';

export type PlayerId = string;

/** Seeded randomness handed to rules; the only source of chance an arena may use. */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** An independent stream derived from this one and a label (same label ⇒ same stream). */
  fork(label: string): Rng;
}

export const FaultKind = z.enum(['timeout', 'crash', 'bad_output', 'invalid_move', 'output_limit']);
export type FaultKind = z.infer<typeof FaultKind>;
export const Fault = z.object({ kind: FaultKind, detail: z.string() });
export type Fault = z.infer<typeof Fault>;
export const isFault = (x: unknown): x is Fault =>
  typeof x === 'object' && x !== null && 'kind' in x && 'detail' in x && FaultKind.safeParse((x as Fault).kind).success;

/** Final result of one sim. rank 1 is best; equal ranks are ties. */
export const Outcome = z.object({
  ranks: z.record(z.string(), z.number().int().min(1)),
  scores: z.record(z.string(), z.number()).optional(),
  reason: z.string().optional(),
});
export type Outcome = z.infer<typeof Outcome>;

export const ArenaManifest = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.string(),
  version: z.string(),
  description: z.string(),
  players: z.object({ min: z.number().int().min(1), max: z.number().int().min(1) }),
  /** process: `run` speaks JSON lines; data: the host reads files; engine: external engine. */
  botKind: z.enum(['process', 'data', 'engine']),
  turnDeadlineMs: z.number().int().positive(),
  /** Extra time for the first reply of a bot process (interpreter start-up inside a container). */
  startupGraceMs: z.number().int().nonnegative(),
  defaultSims: z.number().int().positive(),
  image: z.string(),
  /** Glob-ish paths agents are expected to edit (informative; the whole repo is theirs). */
  editable: z.array(z.string()),
  /** Hard cap on turns so a sim always ends. */
  maxTurns: z.number().int().positive(),
  /** Data bots: files a codebase must hold at its root (the host engine reads them). */
  dataFiles: z.array(z.string()).optional(),
});
export type ArenaManifest = z.infer<typeof ArenaManifest>;

export interface Validation {
  ok: boolean;
  detail: string;
}

/** What a bot process looks like to an arena during validation (see compete/bot-client). */
export type BotReply = { ok: true; value: unknown; ms: number } | { ok: false; fault: Fault };
export interface BotClient {
  /** Sends one line and waits for one reply line; never throws. */
  request(msg: unknown, deadlineMs: number): Promise<BotReply>;
  /** Sends one line that expects no reply. */
  notify(msg: unknown): void;
  /** Last bytes the bot wrote to stderr (capped). */
  stderrTail(): string;
  close(): Promise<void>;
}

/** Read access to a codebase's files (data bots: the host engine reads them). Refuses
 *  symlinks and anything but regular files inside the codebase; null when absent or refused. */
export interface CodebaseReader {
  readFile(path: string, maxBytes: number): Promise<string | null>;
}

export interface ValidateContext extends CodebaseReader {
  /** Runs a shell command in the player's sandbox with the codebase at `codeDir`. */
  exec(cmd: string, timeoutMs: number): Promise<{ exitCode: number; stdout: string; stderr: string }>;
  /** Starts the codebase's bot (process bots). */
  startBot(): Promise<BotClient>;
  codeDir: string;
  /** The tournament's arena args (e.g. CoreWar's core size, which its assembler checks). */
  args?: unknown;
}

export interface Arena<State = unknown, Move = unknown> {
  manifest: ArenaManifest;
  /** Parses `arena.args` from the config; throws a ZodError naming the bad field. */
  parseArgs(args: unknown): unknown;
  /** The schema parseArgs applies, so config errors can state each arg's full expectation
   *  ("a whole number from 5 to 25") and list the allowed args. */
  argsSchema?: z.ZodType;
  validate(ctx: ValidateContext): Promise<Validation>;
  /** Data bots only: reads and checks a player's codebase before a sim (e.g. assembles a
   *  Redcode warrior). A Fault is recorded and handed to init for that player. */
  loadPlayer?(codebase: CodebaseReader, args: unknown): Promise<unknown | Fault>;
  /** `loaded` holds loadPlayer's result per player (data bots only). */
  init(players: readonly PlayerId[], rng: Rng, args: unknown, loaded?: ReadonlyMap<PlayerId, unknown>): State;
  /** The request a player gets this turn, or null when it has no move to make. */
  observe(state: State, player: PlayerId): unknown | null;
  /** One-way messages at the start and end of a sim (e.g. BattleSnake's start/end). */
  notify?(state: State, player: PlayerId, phase: 'start' | 'end'): unknown | null;
  /** One-way messages for `player` about what the last step did (e.g. poker's hand_end); the
   *  runner sends them right after every step, before the next observations. */
  notices?(state: State, player: PlayerId): unknown[];
  parseMove(raw: unknown, state: State, player: PlayerId): Move | Fault;
  /** Applies one turn; faulted players get the arena's fallback (e.g. repeat last move). */
  step(state: State, moves: ReadonlyMap<PlayerId, Move | Fault>, rng: Rng): State;
  outcome(state: State): Outcome | null;
  /** What a viewer draws for this state (JSON-serialisable). */
  frame(state: State): unknown;
  turn(state: State): number;
  /** A legal reply to `observation` chosen with `rng`, written as a bot would write it (parseMove
   *  reads it). Lets tests and the conformance suite play whole games in-process. Arenas with
   *  process bots provide it. */
  sampleMove?(observation: unknown, rng: Rng): unknown;
}
