// Every step of a tournament is one of these events. The CLI, the JSONL log, the SQLite index
// and the web view all consume the same stream.
import { z } from 'zod';
import { Fault } from './arena.ts';
import { SequentialSims } from './config.ts';
import { RungDecision } from './ladder.ts';
import { DiffStat, FaultCount, StepExtraShape } from './run-files.ts';

const base = { seq: z.number().int().nonnegative(), ts: z.number(), tournamentId: z.string() };
const ev = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ ...base, type: z.literal(type), ...shape });

export const EditExit = z.enum([
  'submitted',
  'unchanged',
  'step_limit',
  'cost_limit',
  'time_limit',
  'format_errors',
  'provider_error',
  'crashed',
  // The repo broke its quota (limits.repo_*): nothing of the round is committed, the previous round's code plays.
  'over_quota',
]);
export type EditExit = z.infer<typeof EditExit>;

export const PlayerInfo = z.object({ name: z.string(), agent: z.string(), model: z.string().nullable() });
export type PlayerInfo = z.infer<typeof PlayerInfo>;

export const Event = z.discriminatedUnion('type', [
  ev('tournament.started', {
    name: z.string(),
    arena: z.string(),
    rounds: z.number().int(),
    /** Sims per round; with sequential stopping (sims_per_round.stop) the most a round plays. */
    simsPerRound: z.number().int(),
    /** Set when rounds stop sequentially: the test (simsPerRound is then its max). */
    sequential: SequentialSims.optional(),
    seed: z.number().int(),
    players: z.array(PlayerInfo),
    runDir: z.string(),
    /** Set on a `codearena replay`: the run whose recorded model answers this one re-runs. */
    replayOf: z.string().optional(),
    /** The campaign it belongs to, if any (leaderboards per campaign). */
    campaign: z.string().optional(),
    /** Set on a `ladder climb` rung: the ladder climbed. Kept off the general leaderboard (its
     *  players are a climber and a rung's reference code, not tournament entrants). */
    ladder: z.string().optional(),
  }),
  /** The process that ran the tournament died (or stopped) and `codearena run --resume` took
   *  over: rounds before `round` are kept as logged; in `round`, the edit phases of `edits`
   *  restart from the round's starting tag (their steps up to here are superseded), validation
   *  is redone and the sims in `keptSims` stay played. */
  ev('tournament.resumed', {
    /** 2 for the first resume, 3 for the second, … */
    attempt: z.number().int().min(2),
    round: z.number().int(),
    edits: z.array(z.string()),
    keptSims: z.array(z.number().int()),
  }),
  ev('round.started', { round: z.number().int() }),
  ev('edit.step', {
    round: z.number().int(),
    player: z.string(),
    step: z.number().int(),
    action: z.string(),
    output: z.string(),
    ...StepExtraShape,
  }),
  ev('edit.finished', {
    round: z.number().int(),
    player: z.string(),
    exit: EditExit,
    steps: z.number().int(),
    costUsd: z.number(),
    ms: z.number(),
    commit: z.string(),
    diff: DiffStat,
    summary: z.string(),
  }),
  ev('validation', { round: z.number().int(), player: z.string(), ok: z.boolean(), detail: z.string() }),
  ev('match.started', {
    round: z.number().int(),
    matchId: z.string(),
    sim: z.number().int(),
    seed: z.number().int(),
    players: z.array(z.string()),
  }),
  ev('match.frame', { round: z.number().int(), matchId: z.string(), turn: z.number().int(), frame: z.unknown() }),
  ev('match.finished', {
    round: z.number().int(),
    matchId: z.string(),
    sim: z.number().int(),
    seed: z.number().int(),
    players: z.array(z.string()),
    ranks: z.record(z.string(), z.number().int()),
    winner: z.string().nullable(),
    turns: z.number().int(),
    reason: z.string(),
    faults: z.array(FaultCount),
    replay: z.string(),
    ms: z.number(),
  }),
  ev('round.finished', {
    round: z.number().int(),
    simWins: z.record(z.string(), z.number().int()),
    ties: z.number().int(),
    sims: z.number().int(),
    winner: z.string().nullable(),
    forfeited: z.array(z.string()),
    /** Rounds with sequential stopping: `decided` when the test named the winner before max (the
     *  round counts sims 0..sims-1); `uncounted`: sims played past that prefix, not scored;
     *  `rule`: the test it ran (max, alpha, beta, margin; absent in logs written before it was). */
    sequential: z
      .object({ decided: z.boolean(), uncounted: z.array(z.number().int()), rule: SequentialSims.optional() })
      .optional(),
  }),
  ev('rating.updated', { round: z.number().int(), ratings: z.record(z.string(), z.number()) }),
  ev('tournament.finished', {
    status: z.enum(['finished', 'aborted']),
    winner: z.string().nullable(),
    /** With status aborted: a stop request, or infrastructure (Docker) that stayed down — the
     *  round in progress is then not scored and the run can be resumed. */
    reason: z.enum(['interrupted', 'infrastructure']).optional(),
    /** With status finished: the tournament's stop rule ended it after the last round it played,
     *  before its configured rounds (a climb's rung decided); nothing is left to resume. */
    stopped: RungDecision.optional(),
    roundWins: z.record(z.string(), z.number().int()),
    ratings: z.record(z.string(), z.number()),
  }),
  ev('fault', {
    scope: z.enum(['bot', 'agent', 'validation', 'system']),
    round: z.number().int().nullable(),
    player: z.string().nullable(),
    fault: Fault,
  }),
]);
export type Event = z.infer<typeof Event>;
export type EventType = Event['type'];
export type EventOf<T extends EventType> = Extract<Event, { type: T }>;
/** What an emitter supplies; the bus adds seq, ts and tournamentId. */
export type EventBody = Event extends infer E
  ? E extends Event
    ? Omit<E, 'seq' | 'ts' | 'tournamentId'>
    : never
  : never;
