// The files of a run folder (runs/<id>/), one schema each. The tournament writes them, the index,
// the web view, agents and resume read them; writers check with `satisfies`, readers parse.
// config.json is TournamentConfig (config.ts) and events.jsonl holds Event lines (events.ts).
import { z } from 'zod';
import { FaultKind } from './arena.ts';

/** A player's faults of one kind in one sim, counted (the first detail kept). */
export const FaultCount = z.object({
  player: z.string(),
  kind: FaultKind,
  count: z.number().int(),
  detail: z.string(),
});
export type FaultCount = z.infer<typeof FaultCount>;

/** Diff metadata of a round's commit (players/<p>/diffs/round-<r>.diff holds the text). */
export const DiffStat = z.object({
  files: z.number().int(),
  insertions: z.number().int(),
  deletions: z.number().int(),
});
export type DiffStat = z.infer<typeof DiffStat>;

/** Which sim of which round a match is; its id `r{round}-s{sim}` is only ever built and read here. */
export interface MatchRef {
  round: number;
  sim: number;
}
export const matchIdOf = (m: MatchRef): string => `r${m.round}-s${m.sim}`;
export function parseMatchId(id: string): MatchRef | null {
  const m = /^r(\d+)-s(\d+)$/.exec(id);
  return m ? { round: Number(m[1]), sim: Number(m[2]) } : null;
}

/** rounds/<r>/results.json: the scored round (round 0 included). */
export const RoundResultsFile = z.object({
  round: z.number().int(),
  simWins: z.record(z.string(), z.number().int()),
  ties: z.number().int(),
  sims: z.number().int(),
  winner: z.string().nullable(),
  /** 1 = best; equal numbers tie (forfeiters rank below everyone who played). */
  ranks: z.record(z.string(), z.number().int()),
  forfeited: z.array(z.string()),
  validations: z.record(z.string(), z.object({ ok: z.boolean(), detail: z.string() })),
});
export type RoundResultsFile = z.infer<typeof RoundResultsFile>;

/** rounds/<r>/sims/<i>.json: a whole match, every frame. */
export const Replay = z.object({
  arena: z.string(),
  round: z.number().int(),
  sim: z.number().int(),
  seed: z.number().int(),
  players: z.array(z.string()),
  ranks: z.record(z.string(), z.number().int()),
  winner: z.string().nullable(),
  reason: z.string(),
  /** Absent from replays written before they were recorded. */
  turns: z.number().int().optional(),
  faults: z.array(FaultCount).optional(),
  frames: z.array(z.unknown()),
});
export type Replay = z.infer<typeof Replay>;

/** What an agent may tell about one step beyond its action and output: shared by the edit.step
 *  event and the trajectory line. */
export const StepExtraShape = {
  /** Spend of this step alone. */
  costUsd: z.number().optional(),
  ms: z.number().optional(),
  /** Tokens of this step's model call (input includes cached input). */
  tokens: z.object({ input: z.number().int(), output: z.number().int() }).optional(),
  /** The model's reasoning for this step's action. */
  thought: z.string().optional(),
  /** The model's answer came from the run's record (a resumed or replayed edit phase), not
   *  from a provider call; its cost was paid when it was first recorded. */
  replayed: z.boolean().optional(),
};

/** One line of players/<name>/trajectory/round-<r>.jsonl. Agents may add fields of their own. */
export const TrajectoryStep = z.looseObject({
  step: z.number().int(),
  ts: z.number(),
  action: z.string(),
  output: z.string(),
  ...StepExtraShape,
  /** The conversation messages this step added (kept here only, not in the edit.step event). */
  messages: z.array(z.unknown()).optional(),
});
export type TrajectoryStep = z.infer<typeof TrajectoryStep>;

/**
 * Earlier rounds' logs as an agent reads them on the host (the workspace mounts the same folder
 * at /logs/rounds). Missing or damaged files read as null / are skipped, never throw.
 */
export interface RoundLogs {
  results(round: number): RoundResultsFile | null;
  /** Sim numbers with a replay in the round, ascending. */
  sims(round: number): number[];
  replay(round: number, sim: number): Replay | null;
}

/** A model's answer as the provider gave it: text, tool calls and token counts. */
export const ModelReply = z.object({
  content: z.string(),
  toolCalls: z.array(z.object({ id: z.string(), name: z.string(), arguments: z.string() })),
  usage: z.object({
    input: z.number().int(),
    output: z.number().int(),
    cachedInput: z.number().int(),
    cacheWrite: z.number().int(),
  }),
});
export type ModelReply = z.infer<typeof ModelReply>;

/**
 * One line of players/<name>/answers/round-<r>.jsonl: a model answer, written the moment the
 * provider returned it and before anything is done with it. The file is the round's paid-for
 * conversation, in order, across every attempt: a resumed edit phase takes its answers from it
 * before it asks the provider anything, and `codearena replay` re-runs a tournament from it.
 */
export const ModelAnswer = z.object({
  /** 1-based position in the round's conversation. */
  call: z.number().int().min(1),
  ts: z.number(),
  /** How long the provider took (retries included). */
  ms: z.number(),
  costUsd: z.number(),
  reply: ModelReply,
  /** The provider's HTTP answer exactly as the model gateway relayed it to a CLI harness (cli
   *  agents): a resumed or replayed phase serves these bytes again, so the harness sees what it
   *  saw then, streaming events and all. */
  wire: z
    .object({
      status: z.number().int(),
      contentType: z.string(),
      body: z.string(),
    })
    .optional(),
});
export type ModelAnswer = z.infer<typeof ModelAnswer>;

/**
 * runs/<id>/lease.json: which process runs the tournament now. Its owner renews it every few
 * seconds while it works and removes it when it ends; a lease whose owner is gone (same
 * machine: the process no longer exists) or that was not renewed within `ttlMs` (another
 * machine) marks the tournament `interrupted`, and lets `--resume` take it over.
 */
export const RunLease = z.object({
  /** The owner process's token (boot id, pid namespace, pid, start time). */
  owner: z.string(),
  host: z.string(),
  pid: z.number().int(),
  acquiredAt: z.number(),
  renewedAt: z.number(),
  ttlMs: z.number().int().positive(),
});
export type RunLease = z.infer<typeof RunLease>;

/** A step of a replayed edit phase whose action or output differs from the recording. */
export const ReplayStepDiff = z.object({
  step: z.number().int(),
  recorded: z.object({ action: z.string(), output: z.string() }).nullable(),
  replayed: z.object({ action: z.string(), output: z.string() }).nullable(),
});
export type ReplayStepDiff = z.infer<typeof ReplayStepDiff>;

/** runs/<replay id>/replay-report.json: how `codearena replay` compares with the recorded run. */
export const ReplayReport = z.object({
  recordedRun: z.string(),
  replayRun: z.string(),
  /** Every edit phase's diff came out byte for byte the same. */
  sameDiffs: z.boolean(),
  /** Every round's sim wins, ties and winner came out the same. */
  sameRounds: z.boolean(),
  edits: z.array(
    z.object({
      round: z.number().int(),
      player: z.string(),
      recordedExit: z.string().nullable(),
      replayedExit: z.string().nullable(),
      steps: z.number().int(),
      sameDiff: z.boolean(),
      /** Steps whose action or output differed (outputs kept short). */
      differing: z.array(ReplayStepDiff),
    }),
  ),
  rounds: z.array(
    z.object({
      round: z.number().int(),
      same: z.boolean(),
      recorded: z.record(z.string(), z.number().int()).nullable(),
      replayed: z.record(z.string(), z.number().int()).nullable(),
    }),
  ),
});
export type ReplayReport = z.infer<typeof ReplayReport>;
