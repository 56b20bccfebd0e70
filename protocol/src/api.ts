// The web view's wire contract: JSON HTTP API payloads and the live socket protocol, shared by
// server/src/gateway (which writes them) and web/ (which parses them with these schemas).
import { z } from 'zod';
import { Event, PlayerInfo } from './events.ts';
import { LadderClimb, LadderName, RungDecision } from './ladder.ts';
import { FaultCount, TrajectoryStep } from './run-files.ts';

/** Tournament ids are run folder names: 20261125-071700-demo-3f9a. */
export const TournamentId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,199}$/, 'a run id such as 20261125-071700-demo-3f9a');
export const MatchId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'a match id such as r1-s0');

/** `interrupted`: the log says running but the process that ran it is gone (its lease lapsed);
 *  `codearena run --resume <id>` continues it. */
export const TournamentStatus = z.enum(['running', 'interrupted', 'finished', 'aborted']);
export type TournamentStatus = z.infer<typeof TournamentStatus>;

export const TournamentSummary = z.object({
  id: z.string(),
  name: z.string(),
  arena: z.string(),
  status: TournamentStatus,
  seed: z.number().int(),
  /** Rounds after round 0, as configured. */
  totalRounds: z.number().int(),
  createdAt: z.number(),
  finishedAt: z.number().nullable(),
  winner: z.string().nullable(),
  runDir: z.string(),
  /** The campaign it belongs to; null for a tournament run on its own. */
  campaign: z.string().nullable().default(null),
  /** The ladder it is a climb's rung of; null otherwise (such runs stay off the leaderboard). */
  ladder: z.string().nullable().default(null),
  /** Finished before its configured rounds by its stop rule (a climb's rung decided); else null. */
  stopped: RungDecision.nullable().default(null),
});
export type TournamentSummary = z.infer<typeof TournamentSummary>;

export const TournamentListItem = TournamentSummary.extend({
  players: z.array(PlayerInfo),
  /** Rounds finished so far, round 0 included (a finished tournament has totalRounds + 1). */
  roundsDone: z.number().int(),
  /** Round wins per player (rounds ≥ 1). */
  roundWins: z.record(z.string(), z.number().int()),
});
export type TournamentListItem = z.infer<typeof TournamentListItem>;

export const TournamentList = z.object({
  tournaments: z.array(TournamentListItem),
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
});
export type TournamentList = z.infer<typeof TournamentList>;

export const RoundRow = z.object({
  round: z.number().int(),
  winner: z.string().nullable(),
  simWins: z.record(z.string(), z.number().int()),
  ties: z.number().int(),
  sims: z.number().int(),
  forfeited: z.array(z.string()),
  ratings: z.record(z.string(), z.number()),
});
export type RoundRow = z.infer<typeof RoundRow>;

export const EditRow = z.object({
  round: z.number().int(),
  player: z.string(),
  exit: z.string(),
  steps: z.number().int(),
  costUsd: z.number(),
  ms: z.number(),
  commit: z.string(),
  files: z.number().int(),
  insertions: z.number().int(),
  deletions: z.number().int(),
});
export type EditRow = z.infer<typeof EditRow>;

/** A tournament as the index returns it. */
export const TournamentRecord = TournamentSummary.extend({
  /** The resolved config stored next to the log (config.json), when there was one. */
  config: z.unknown(),
  players: z.array(PlayerInfo),
  rounds: z.array(RoundRow),
});
export type TournamentRecord = z.infer<typeof TournamentRecord>;

export const TournamentDetail = TournamentRecord.extend({ edits: z.array(EditRow) });
export type TournamentDetail = z.infer<typeof TournamentDetail>;

export const MatchRow = z.object({
  matchId: z.string(),
  round: z.number().int(),
  sim: z.number().int(),
  seed: z.number().int(),
  players: z.array(z.string()),
  /** null while the match runs. */
  ranks: z.record(z.string(), z.number().int()).nullable(),
  winner: z.string().nullable(),
  turns: z.number().int().nullable(),
  reason: z.string().nullable(),
  faults: z.array(FaultCount),
  replay: z.string().nullable(),
  ms: z.number().nullable(),
});
export type MatchRow = z.infer<typeof MatchRow>;

export const MatchPage = z.object({
  matches: z.array(MatchRow),
  offset: z.number().int(),
  limit: z.number().int(),
  hasMore: z.boolean(),
});
export type MatchPage = z.infer<typeof MatchPage>;

/** One frame of a match as the viewer receives it (turn numbers may skip when frames are thinned). */
export const TurnFrame = z.object({
  turn: z.number().int().nonnegative(),
  frame: z.unknown(),
  /** When the server emitted it (ms since epoch), for measuring delivery. */
  ts: z.number().optional(),
});
export type TurnFrame = z.infer<typeof TurnFrame>;

export const DiffPayload = z.object({
  player: z.string(),
  round: z.number().int(),
  diff: z.string(),
  /** Size of the whole diff; `diff` is cut at the API's limit when larger. */
  bytes: z.number().int(),
  truncated: z.boolean(),
});
export type DiffPayload = z.infer<typeof DiffPayload>;

export const TrajectoryPayload = z.object({
  player: z.string(),
  round: z.number().int(),
  steps: z.array(TrajectoryStep),
});
export type TrajectoryPayload = z.infer<typeof TrajectoryPayload>;

export const GroupBy = z.enum(['player', 'agent']);
export type GroupBy = z.infer<typeof GroupBy>;

/** One finished round across tournaments, as the index returns it: the leaderboard fit's input. */
export const RoundResult = z.object({
  tournamentId: z.string(),
  arena: z.string(),
  round: z.number().int(),
  simWins: z.record(z.string(), z.number().int()),
  players: z.array(PlayerInfo),
});
export type RoundResult = z.infer<typeof RoundResult>;

/** A fit's comparison graph: entities that met are joined. More than one component means ratings
 *  of different components are not comparable (only the fit's prior places them). */
export const ComparisonGraph = z.object({
  /** Largest first; members sorted. */
  components: z.array(z.array(z.string())),
  /** Suggested pairings, one per component after the first, each joining it to component 0. */
  bridges: z.array(z.object({ a: z.string(), b: z.string(), joins: z.tuple([z.number().int(), z.number().int()]) })),
});
export type ComparisonGraph = z.infer<typeof ComparisonGraph>;

/** One rated entity (a player, or an agent:model) of a Bradley–Terry fit on the Elo scale. */
export const RatedEntry = z.object({
  id: z.string(),
  rating: z.number(),
  lo: z.number(),
  hi: z.number(),
  /** Pairwise round outcomes the fit used. */
  games: z.number().int(),
  wins: z.number().int(),
  draws: z.number().int(),
  losses: z.number().int(),
  /** Index into the graph's components: compare ratings only within one component. */
  component: z.number().int(),
});
export type RatedEntry = z.infer<typeof RatedEntry>;

/** Head-to-head score shares, row vs column (draws count ½); null where the two never met. */
export const WinRateMatrix = z.object({
  ids: z.array(z.string()),
  rate: z.array(z.array(z.number().nullable())),
  games: z.array(z.array(z.number().int())),
});
export type WinRateMatrix = z.infer<typeof WinRateMatrix>;

export const LeaderboardEntry = RatedEntry.extend({
  /** Sims (matches) played in rounds ≥ 1. */
  matches: z.number().int(),
});
export type LeaderboardEntry = z.infer<typeof LeaderboardEntry>;

export const LeaderboardPayload = z.object({
  by: GroupBy,
  arena: z.string().nullable(),
  /** Arenas with at least one tournament, for the filter. */
  arenas: z.array(z.string()),
  rounds: z.number().int(),
  rows: z.array(LeaderboardEntry),
  graph: ComparisonGraph,
  matrix: WinRateMatrix,
  /** Bradley–Terry point ratings refitted on the first `rounds` rounds (oldest first). */
  history: z.array(
    z.object({ rounds: z.number().int(), label: z.string(), ratings: z.record(z.string(), z.number()) }),
  ),
});
export type LeaderboardPayload = z.infer<typeof LeaderboardPayload>;

/** One arena's fit within a campaign. */
export const CampaignArenaBoard = z.object({
  arena: z.string(),
  rounds: z.number().int(),
  rows: z.array(RatedEntry),
  graph: ComparisonGraph,
});
export type CampaignArenaBoard = z.infer<typeof CampaignArenaBoard>;

export const CampaignEntry = RatedEntry.extend({
  /** Σ edit cost of this entity over the campaign's tournaments, in USD. */
  spendUsd: z.number(),
  /** (rating − 1200) / spendUsd: Elo points above the campaign mean per dollar; null when nothing was spent. */
  ratingPerDollar: z.number().nullable(),
});
export type CampaignEntry = z.infer<typeof CampaignEntry>;

/** GET /api/leaderboard?campaign=<name> and `codearena leaderboard --campaign <name> --json`. */
export const CampaignLeaderboardPayload = z.object({
  campaign: z.string(),
  by: GroupBy,
  /** The one arena asked for, or null for all of the campaign's arenas. */
  arena: z.string().nullable(),
  tournaments: z.number().int(),
  arenas: z.array(CampaignArenaBoard),
  /** Across arenas, every arena weighing the same. */
  unified: z.object({
    rounds: z.number().int(),
    rows: z.array(CampaignEntry),
    graph: ComparisonGraph,
    /** Likelihood weight of one pairwise outcome of each arena. */
    arenaWeights: z.record(z.string(), z.number()),
  }),
  /** Spend per agent:model (as `--by agent` groups), whatever `by` is. */
  spendByModel: z.array(z.object({ model: z.string(), spendUsd: z.number(), edits: z.number().int() })),
});
export type CampaignLeaderboardPayload = z.infer<typeof CampaignLeaderboardPayload>;

/** A ladder as listed by GET /api/ladders (README "Ladders"); `name` is its folder's name. */
export const LadderSummary = z.object({
  name: LadderName,
  arena: z.string(),
  rungs: z.number().int(),
  /** Sims each pair plays. */
  sims: z.number().int(),
  /** Pairs played under the current spec, of rungs·(rungs−1)/2. */
  pairsPlayed: z.number().int(),
  pairsTotal: z.number().int(),
  climbs: z.number().int(),
  /** When its ladder.json was last written (ms since the epoch). */
  madeAt: z.number(),
});
export type LadderSummary = z.infer<typeof LadderSummary>;

export const LadderList = z.object({ ladders: z.array(LadderSummary) });
export type LadderList = z.infer<typeof LadderList>;

/** GET /api/ladders/<name>: rungs strongest first (games = sims played), the pairwise matrix in
 *  that order, and every climb, newest first. Codebase paths stay on the server. */
export const LadderPayload = LadderSummary.extend({
  seed: z.number().int(),
  rows: z.array(RatedEntry),
  matrix: WinRateMatrix,
  climbList: z.array(LadderClimb),
});
export type LadderPayload = z.infer<typeof LadderPayload>;

export const ArenaInfo = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  players: z.object({ min: z.number(), max: z.number() }),
});
export type ArenaInfo = z.infer<typeof ArenaInfo>;

export const ApiError = z.object({
  error: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

// ---- live socket protocol (socket.io) ------------------------------------------------------
// A viewer watches a tournament from a seq: it receives every durable event after it, in order,
// backlog first, then the live tail; after a reconnect it watches again from the last seq it
// holds, so nothing is missed or repeated. Frames are not durable (they carry the seq of the
// event before them): a viewer watches a match from a turn instead, and previews are sampled.

export const SocketEvents = {
  /** client → server, with ack: WatchTournament → WatchAck */
  watchTournament: 'watch:tournament',
  unwatchTournament: 'unwatch:tournament',
  /** client → server, with ack: WatchMatch → WatchMatchAck */
  watchMatch: 'watch:match',
  unwatchMatch: 'unwatch:match',
  /** server → client: EventBatch */
  events: 'events',
  /** server → client, with ack (flow control: the next batch waits for it): FrameBatch */
  frames: 'frames',
  /** server → client: Preview (latest frame of each live match, a few per second) */
  preview: 'preview',
} as const;

export const WatchTournament = z.object({
  tournamentId: TournamentId,
  /** Last seq the viewer holds; -1 for none. */
  since: z.number().int().min(-1),
  /** Also send sampled previews of live matches. */
  previews: z.boolean().optional(),
});
export type WatchTournament = z.infer<typeof WatchTournament>;

export const WatchMatch = z.object({
  tournamentId: TournamentId,
  matchId: MatchId,
  /** First turn the viewer lacks. */
  fromTurn: z.number().int().min(0),
});
export type WatchMatch = z.infer<typeof WatchMatch>;

export const WatchAck = z.union([
  z.object({ ok: z.literal(true), live: z.boolean() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type WatchAck = z.infer<typeof WatchAck>;

/** live: frames stream; finished: read the replay; pending: not started yet (frames follow);
 *  elsewhere: running in another process (frames arrive with the replay when it ends). */
export const MatchState = z.enum(['live', 'finished', 'pending', 'elsewhere']);
export type MatchState = z.infer<typeof MatchState>;

export const WatchMatchAck = z.union([
  z.object({ ok: z.literal(true), state: MatchState }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type WatchMatchAck = z.infer<typeof WatchMatchAck>;

export const EventBatch = z.object({
  tournamentId: z.string(),
  events: z.array(Event),
  /** Part of the catch-up sent when the watch began (not the live tail). */
  backlog: z.boolean().optional(),
});
export type EventBatch = z.infer<typeof EventBatch>;

export const FrameBatch = z.object({
  tournamentId: z.string(),
  matchId: z.string(),
  round: z.number().int(),
  frames: z.array(TurnFrame),
  /** Holds frames played before the watch began (catch-up, not live). */
  backlog: z.boolean().optional(),
});
export type FrameBatch = z.infer<typeof FrameBatch>;

export const Preview = z.object({
  tournamentId: z.string(),
  matchId: z.string(),
  round: z.number().int(),
  turn: z.number().int(),
  frame: z.unknown(),
});
export type Preview = z.infer<typeof Preview>;

/** A campaign's tournament in the campaign view: its place in the matrix and where it stands
 *  (`queued` until its run folder's log begins). */
export const CampaignCell = z.object({
  index: z.number().int(),
  runId: z.string(),
  arena: z.string(),
  players: z.array(z.string()),
  repeat: z.number().int(),
  status: z.enum(['queued', 'running', 'interrupted', 'finished', 'aborted']),
  winner: z.string().nullable(),
  /** Rounds finished (round 0 included) and configured (after round 0). */
  roundsDone: z.number().int(),
  totalRounds: z.number().int(),
});
export type CampaignCell = z.infer<typeof CampaignCell>;

export const CampaignSummary = z.object({
  name: z.string(),
  createdAt: z.number(),
  tournaments: z.number().int(),
  counts: z.object({
    queued: z.number().int(),
    running: z.number().int(),
    interrupted: z.number().int(),
    finished: z.number().int(),
    aborted: z.number().int(),
  }),
});
export type CampaignSummary = z.infer<typeof CampaignSummary>;

export const CampaignList = z.object({ campaigns: z.array(CampaignSummary) });
export type CampaignList = z.infer<typeof CampaignList>;

export const CampaignDetail = CampaignSummary.extend({ cells: z.array(CampaignCell) });
export type CampaignDetail = z.infer<typeof CampaignDetail>;
