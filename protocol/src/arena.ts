// The arena contract: rules are pure functions (no I/O, no clock, no Math.random); the runner
// that moves bytes between engine and bots lives in server/src/compete.
import { z } from 'zod';
import type { EnginePlayer } from './engine.ts';

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
  description: z.string(),
  players: z.object({ min: z.number().int().min(1), max: z.number().int().min(1) }),
  /** process: `run` speaks JSON lines; data: the host reads files; engine: an external engine in
   *  its own container builds the codebases, plays whole sims and reports results. */
  botKind: z.enum(['process', 'data', 'engine']),
  /** A bot's budget per turn, in CPU time of its processes (a wall-clock cap several times larger
   *  only catches a bot blocked on nothing: see compete/bot-client.ts). */
  turnDeadlineMs: z.number().int().positive(),
  /** Extra CPU time for the first reply of a bot process (interpreter start-up), counted from
   *  the process's start. */
  startupGraceMs: z.number().int().nonnegative(),
  image: z.string(),
  /** Hard cap on turns so a sim always ends. */
  maxTurns: z.number().int().positive(),
  /** Data and engine bots: files a codebase must hold at its root (what the host engine reads,
   *  or an engine's build manifest). */
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
  /** Sends one line and waits for one reply line, within `budgetMs` of the bot's CPU time (and
   *  the wall-clock cap that goes with it); never throws. */
  request(msg: unknown, budgetMs: number): Promise<BotReply>;
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

export interface ValidateContext<Args = unknown> extends CodebaseReader {
  /** Runs a shell command in the player's sandbox with the codebase at `codeDir`. */
  exec(cmd: string, timeoutMs: number): Promise<{ exitCode: number; stdout: string; stderr: string }>;
  /** Starts the codebase's bot (process bots). */
  startBot(): Promise<BotClient>;
  codeDir: string;
  /** The tournament's parsed arena args (e.g. CoreWar's core size, which its assembler checks). */
  args: Args;
}

/** A move or the fault that took its place (a late, crashed or garbled reply). */
export type MoveOrFault<Move> = Move | Fault;

/**
 * What an arena author writes; defineArena (arena-kit.ts) turns it into an Arena. Rules are pure
 * and see only parsed args. Hooks a kind of arena does not need may be left out: defineArena
 * fills them once, so the runner never tests for one.
 */
export interface ArenaSpec<State, Move, Args> {
  manifest: ArenaManifest;
  /** `arena.args` as users write them; parsed once per tournament. Config errors state each
   *  arg's full expectation from it ("a whole number from 5 to 25"). */
  args: z.ZodType<Args>;
  validate(ctx: ValidateContext<Args>): Promise<Validation>;
  /** Data bots (required there): reads and checks a player's codebase before a sim (e.g.
   *  assembles a Redcode warrior). A Fault is recorded and handed to init for that player. */
  loadPlayer?(codebase: CodebaseReader, args: Args): Promise<unknown>;
  /** `loaded` holds loadPlayer's result per player (empty for process bots). */
  init(players: readonly PlayerId[], rng: Rng, args: Args, loaded: ReadonlyMap<PlayerId, unknown>): State;
  /** The request a player gets this turn, or null when it has no move to make (default: none). */
  observe?(state: State, player: PlayerId): unknown | null;
  /** One-way messages at the start and end of a sim (e.g. BattleSnake's start/end). */
  notify?(state: State, player: PlayerId, phase: 'start' | 'end'): unknown | null;
  /** One-way messages for `player` about what the last step did (e.g. poker's hand_end); the
   *  runner sends them right after every step (and after init), before the next observations. */
  notices?(state: State, player: PlayerId): unknown[];
  parseMove?(raw: unknown, state: State, player: PlayerId): MoveOrFault<Move>;
  /** Applies one turn; faulted players get the arena's fallback (e.g. repeat last move). */
  step(state: State, moves: ReadonlyMap<PlayerId, MoveOrFault<Move>>, rng: Rng): State;
  outcome(state: State): Outcome | null;
  /** What a viewer draws for this state (JSON-serialisable). */
  frame(state: State): unknown;
  turn(state: State): number;
  /** Process bots (required there): a legal reply to `observation` chosen with `rng`, written as
   *  a bot would write it (parseMove reads it). Lets tests, the conformance suite and the bench
   *  play whole games in-process. */
  sampleMove?(observation: unknown, rng: Rng): unknown;
}

/**
 * An `engine` arena's side of its engine (compete/engine-session.ts runs it): the engine is a
 * program in the arena's image that builds every player's codebase at start and then plays sims
 * on request over the wire of engine.ts. Player code runs only inside that process, in its
 * hardened container; the host sees lines it checks, never trusts.
 */
export interface EngineHooks<Args> {
  /** The engine's command line for these players (their codebases mounted read-only at `dir`). */
  command(players: readonly EnginePlayer[]): string[];
  /** The arena's part of a sim request (what the engine needs of the parsed args). */
  simArgs(args: Args): unknown;
  /** Wall-clock cap on one sim (a robot that stalls the engine); past it the engine is replaced. */
  simTimeoutMs(args: Args): number;
  /** Limits of the engine's container: it holds every player of the sim at once. */
  memoryMb: number;
  pids: number;
  /** Turns between the frames asked of the engine when someone watches or a replay is kept. */
  frameEvery: number;
  /** The viewer's frame from an engine frame (players in seat order), or null to drop it. */
  frame(raw: unknown, players: readonly PlayerId[], args: Args): unknown | null;
  /** Where a viewer frame falls: engines whose sims have rounds restart their turns each round
   *  (the runner counts turns over the whole sim from this). */
  frameClock(frame: unknown): { round: number; turn: number };
  /** The sim's outcome from the engine's result line; a string says what is wrong with it. */
  outcome(result: Record<string, unknown>, players: readonly PlayerId[]): Outcome | string;
}

/**
 * The contract the runner, conformance suite, tests and bench use: every hook present.
 *
 * Bot kinds `process` and `data` are played turn by turn on the host (compete/turn-loop.ts) and
 * have `engine: null`; `engine` arenas play whole sims in their engine (`engine` set) and their
 * turn hooks are never called.
 */
export interface Arena<State = unknown, Move = unknown, Args = unknown> extends Required<
  Omit<ArenaSpec<State, Move, Args>, 'args'>
> {
  engine: EngineHooks<Args> | null;
  /** The schema of `arena.args` (config errors translate its issues). */
  argsSchema: z.ZodType<Args>;
  /** Parses `arena.args` (undefined: all defaults); throws a ZodError naming the bad field. */
  parseArgs(raw: unknown): Args;
}
