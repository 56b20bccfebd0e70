// The index's rows as both dialects return them (index-sql.ts READS), and how they become the
// protocol's shapes. Both StoreIndex (SQLite) and PgIndex (PostgreSQL) read through these.
import {
  CampaignCell,
  CampaignDetail,
  type CampaignSummary,
  EditRow,
  MatchRow,
  type PlayerInfo,
  RoundResult,
  RoundRow,
  TournamentRecord,
  TournamentSummary,
} from '@codearena/protocol';
import { RunFolder } from './run-folder.ts';
import { leaseState } from './run-lease.ts';

export interface TournamentDbRow {
  id: string;
  name: string;
  arena: string;
  status: string;
  seed: number;
  rounds: number;
  created_at: number;
  finished_at: number | null;
  winner: string | null;
  run_dir: string;
  config_json: string | null;
  campaign: string | null;
  ladder: string | null;
  stopped: string | null;
}
export interface CampaignDbRow {
  name: string;
  created_at: number;
}
export interface CampaignCellDbRow {
  idx: number;
  run_id: string;
  arena: string;
  players_json: string;
  repeat: number;
  /** The tournament's columns: null while it is queued (its log has not begun). */
  id: string | null;
  status: string | null;
  winner: string | null;
  rounds: number | null;
  run_dir: string | null;
  rounds_done: number;
}
export interface RoundDbRow {
  tournament_id: string;
  round: number;
  winner: string | null;
  sim_wins_json: string;
  ties: number;
  sims: number;
  forfeited_json: string;
}
export interface RatingDbRow {
  round: number;
  player: string;
  rating: number;
}
export interface MatchDbRow {
  match_id: string;
  round: number;
  sim: number;
  seed: number;
  players_json: string;
  ranks_json: string | null;
  winner: string | null;
  turns: number | null;
  reason: string | null;
  faults_json: string | null;
  replay: string | null;
  ms: number | null;
}
export interface PlayerDbRow {
  tournament_id: string;
  name: string;
  agent: string;
  model: string | null;
}
export interface EditDbRow {
  round: number;
  player: string;
  exit: string;
  steps: number;
  cost_usd: number;
  ms: number;
  commit: string;
  files: number;
  insertions: number;
  deletions: number;
}

export const toPlayer = (p: PlayerDbRow): PlayerInfo => ({ name: p.name, agent: p.agent, model: p.model });

/**
 * The log says `running` until `tournament.finished`; whether a process still runs it is told by
 * its run folder's lease, at read time, so the index stays a function of the log alone.
 */
const statusOf = (r: Pick<TournamentDbRow, 'status' | 'run_dir'>): string =>
  r.status === 'running' && leaseState(new RunFolder(r.run_dir)) !== 'held' ? 'interrupted' : r.status;

export function toSummary(r: TournamentDbRow): TournamentSummary {
  return TournamentSummary.parse({
    id: r.id,
    name: r.name,
    arena: r.arena,
    status: statusOf(r),
    seed: r.seed,
    totalRounds: r.rounds,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
    winner: r.winner,
    runDir: r.run_dir,
    campaign: r.campaign,
    ladder: r.ladder,
    stopped: r.stopped,
  });
}

export function toRecord(
  row: TournamentDbRow,
  players: readonly PlayerDbRow[],
  rounds: readonly RoundDbRow[],
  ratingRows: readonly RatingDbRow[],
): TournamentRecord {
  const ratings = new Map<number, Record<string, number>>();
  for (const r of ratingRows) {
    const forRound = ratings.get(r.round) ?? {};
    forRound[r.player] = r.rating;
    ratings.set(r.round, forRound);
  }
  return TournamentRecord.parse({
    ...toSummary(row),
    config: row.config_json === null ? null : (JSON.parse(row.config_json) as unknown),
    players: players.map(toPlayer),
    rounds: rounds.map((r) =>
      RoundRow.parse({
        round: r.round,
        winner: r.winner,
        simWins: JSON.parse(r.sim_wins_json),
        ties: r.ties,
        sims: r.sims,
        forfeited: JSON.parse(r.forfeited_json),
        ratings: ratings.get(r.round) ?? {},
      }),
    ),
  });
}

/** Round rows joined with their tournament's arena, each with the tournament's players. */
export function toRoundResults(
  playerRows: readonly PlayerDbRow[],
  rounds: readonly (RoundDbRow & { arena: string })[],
): RoundResult[] {
  const players = new Map<string, PlayerInfo[]>();
  for (const p of playerRows) {
    const list = players.get(p.tournament_id) ?? [];
    list.push(toPlayer(p));
    players.set(p.tournament_id, list);
  }
  return rounds.map((r) =>
    RoundResult.parse({
      tournamentId: r.tournament_id,
      arena: r.arena,
      round: r.round,
      simWins: JSON.parse(r.sim_wins_json),
      players: players.get(r.tournament_id) ?? [],
    }),
  );
}

export function toMatch(m: MatchDbRow): MatchRow {
  return MatchRow.parse({
    matchId: m.match_id,
    round: m.round,
    sim: m.sim,
    seed: m.seed,
    players: JSON.parse(m.players_json),
    ranks: m.ranks_json === null ? null : JSON.parse(m.ranks_json),
    winner: m.winner,
    turns: m.turns,
    reason: m.reason,
    faults: m.faults_json === null ? [] : JSON.parse(m.faults_json),
    replay: m.replay,
    ms: m.ms,
  });
}

export function toEdit(e: EditDbRow): EditRow {
  return EditRow.parse({
    round: e.round,
    player: e.player,
    exit: e.exit,
    steps: e.steps,
    costUsd: e.cost_usd,
    ms: e.ms,
    commit: e.commit,
    files: e.files,
    insertions: e.insertions,
    deletions: e.deletions,
  });
}

export function toCampaign(row: CampaignDbRow, cellRows: readonly CampaignCellDbRow[]): CampaignDetail {
  const cells = cellRows.map((c) =>
    CampaignCell.parse({
      index: c.idx,
      runId: c.run_id,
      arena: c.arena,
      players: JSON.parse(c.players_json),
      repeat: c.repeat,
      status: c.id === null ? 'queued' : statusOf({ status: c.status!, run_dir: c.run_dir! }),
      winner: c.winner,
      roundsDone: c.rounds_done,
      totalRounds: c.rounds ?? 0,
    }),
  );
  const count = (s: CampaignCell['status']) => cells.filter((c) => c.status === s).length;
  return CampaignDetail.parse({
    name: row.name,
    createdAt: row.created_at,
    tournaments: cells.length,
    counts: {
      queued: count('queued'),
      running: count('running'),
      interrupted: count('interrupted'),
      finished: count('finished'),
      aborted: count('aborted'),
    },
    cells,
  });
}

export function toCampaignSummary(detail: CampaignDetail): CampaignSummary {
  const { cells: _cells, ...summary } = detail;
  return summary;
}
