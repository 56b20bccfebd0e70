// The index's statements, written once for both dialects (SQLite and PostgreSQL both speak
// `INSERT … ON CONFLICT … DO UPDATE` and `excluded.`), with `@name` parameters that each dialect
// binds its own way; and what each event writes: which statement, with which row.
import type { CampaignRecord, Event } from '@codearena/protocol';
import { TOURNAMENT_TABLES } from './schema.ts';

export type SqlValue = string | number | null;
export type Row = Record<string, SqlValue>;

const q = (c: string): string => `"${c}"`;
const params = (cols: readonly string[]): string => cols.map((c) => `@${c}`).join(', ');

/**
 * Inserts a row keyed on `key`; on conflict updates only `update` (the columns the event owns,
 * default every non-key column), keeping the stored value of the `coalesce` ones when the new
 * value is null. `update: []` keeps the stored row as it is.
 */
function upsert(
  table: string,
  key: readonly string[],
  columns: readonly string[],
  o: { update?: readonly string[]; coalesce?: readonly string[] } = {},
): string {
  const all = [...key, ...columns];
  const update = o.update ?? columns;
  const set = [
    ...update.map((c) => `${q(c)} = excluded.${q(c)}`),
    ...(o.coalesce ?? []).map((c) => `${q(c)} = COALESCE(excluded.${q(c)}, ${table}.${q(c)})`),
  ];
  return (
    `INSERT INTO ${table} (${all.map(q).join(', ')}) VALUES (${params(all)}) ON CONFLICT ` +
    (set.length ? `(${key.map(q).join(', ')}) DO UPDATE SET ${set.join(', ')}` : 'DO NOTHING')
  );
}

const MATCH_KEY = ['tournament_id', 'match_id'] as const;
const MATCH_START = ['round', 'sim', 'seed', 'players_json'] as const;
const MATCH_RESULT = ['ranks_json', 'winner', 'turns', 'reason', 'faults_json', 'replay', 'ms'] as const;

export const WRITES = {
  // Only columns this event owns are updated on conflict, so a late replay of
  // tournament.started cannot turn a finished tournament back into a running one.
  start: upsert(
    'tournaments',
    ['id'],
    ['name', 'arena', 'status', 'seed', 'rounds', 'created_at', 'run_dir', 'config_json', 'campaign', 'ladder'],
    {
      update: ['name', 'arena', 'seed', 'rounds', 'created_at', 'run_dir', 'campaign', 'ladder'],
      coalesce: ['config_json'],
    },
  ),
  player: upsert('players', ['tournament_id', 'name'], ['agent', 'model']),
  finish: `UPDATE tournaments SET status = @status, finished_at = @finished_at, winner = @winner, stopped = @stopped
           WHERE id = @id`,
  // A resume sets a stopped tournament running again; one logged before a later finish (an
  // event replayed out of order) changes nothing.
  resume: `UPDATE tournaments SET status = 'running', finished_at = NULL, winner = NULL, stopped = NULL
           WHERE id = @id AND (finished_at IS NULL OR finished_at <= @at)`,
  edit: upsert(
    'edits',
    ['tournament_id', 'round', 'player'],
    ['exit', 'steps', 'cost_usd', 'ms', 'commit', 'files', 'insertions', 'deletions'],
  ),
  // A start never overwrites a finished match's result.
  matchStarted: upsert('matches', MATCH_KEY, MATCH_START, { update: [] }),
  matchFinished: upsert('matches', MATCH_KEY, [...MATCH_START, ...MATCH_RESULT]),
  round: upsert('rounds', ['tournament_id', 'round'], ['winner', 'sim_wins_json', 'ties', 'sims', 'forfeited_json']),
  rating: upsert('ratings', ['tournament_id', 'round', 'player'], ['rating']),
  campaign: upsert('campaigns', ['name'], ['created_at'], { update: [] }),
  campaignJob: upsert('campaign_jobs', ['campaign', 'idx'], ['run_id', 'arena', 'players_json', 'repeat']),
} as const;
export type WriteName = keyof typeof WRITES;

/** Deletes every row of tournament @id (before a reindex). */
export const DELETES: readonly string[] = [
  ...TOURNAMENT_TABLES.map((t) => `DELETE FROM ${t} WHERE tournament_id = @id`),
  `DELETE FROM tournaments WHERE id = @id`,
];

// A parameter that may be null is CAST where it is tested for null: PostgreSQL must know its
// type there. Players keep the order they were listed in: SQLite's rowid, and a PostgreSQL identity column
// of the same name (pg-schema.ts), both grow with each insert.
export const READS = {
  listTournaments: `SELECT * FROM tournaments ORDER BY created_at DESC, id`,
  getTournament: `SELECT * FROM tournaments WHERE id = @id`,
  playersOf: `SELECT * FROM players WHERE tournament_id = @id ORDER BY rowid`,
  roundsOf: `SELECT * FROM rounds WHERE tournament_id = @id ORDER BY round`,
  ratingsOf: `SELECT round, player, rating FROM ratings WHERE tournament_id = @id ORDER BY round, player`,
  // The leaderboard's reads: a ladder climb's rung tournaments (t.ladder set) are not entrants.
  allPlayers: `SELECT p.* FROM players p JOIN tournaments t ON t.id = p.tournament_id
               WHERE (CAST(@arena AS TEXT) IS NULL OR t.arena = @arena) AND (CAST(@campaign AS TEXT) IS NULL OR t.campaign = @campaign)
                 AND t.ladder IS NULL
               ORDER BY p.rowid`,
  roundResults: `SELECT r.*, t.arena FROM rounds r JOIN tournaments t ON t.id = r.tournament_id
                 WHERE (CAST(@arena AS TEXT) IS NULL OR t.arena = @arena) AND (CAST(@campaign AS TEXT) IS NULL OR t.campaign = @campaign)
                   AND t.ladder IS NULL
                 ORDER BY t.created_at, t.id, r.round`,
  match: `SELECT * FROM matches WHERE tournament_id = @id AND match_id = @match`,
  matches: `SELECT * FROM matches WHERE tournament_id = @id AND (CAST(@round AS INTEGER) IS NULL OR round = @round)
            ORDER BY round, sim, match_id LIMIT @limit OFFSET @offset`,
  edits: `SELECT * FROM edits WHERE tournament_id = @id ORDER BY round, player`,
  listCampaigns: `SELECT * FROM campaigns ORDER BY created_at DESC, name`,
  getCampaign: `SELECT * FROM campaigns WHERE name = @name`,
  // Each cell with its tournament's row once its log has begun (LEFT JOIN: queued before).
  campaignCells: `SELECT j.idx, j.run_id, j.arena, j.players_json, j."repeat", t.id, t.status, t.winner, t.rounds,
                    t.run_dir, (SELECT COUNT(*) FROM rounds r WHERE r.tournament_id = j.run_id) AS rounds_done
                  FROM campaign_jobs j LEFT JOIN tournaments t ON t.id = j.run_id
                  WHERE j.campaign = @name ORDER BY j.idx`,
} as const;
export type ReadName = keyof typeof READS;

/** A page of a tournament's matches. */
export interface MatchQuery {
  round?: number;
  /** default 100 */
  limit?: number;
  offset?: number;
}

/** The parameters of READS.matches. */
export const matchPage = (id: string, query: MatchQuery): Row => ({
  id,
  round: query.round ?? null,
  limit: query.limit ?? 100,
  offset: query.offset ?? 0,
});

export interface Write {
  write: WriteName;
  row: Row;
}

/**
 * What one event writes to the index. Idempotent: rows are keyed on natural keys and each event
 * only writes the columns it owns, so replaying any event, in any number, leaves the same index.
 * `configJson` is the run's config.json for `tournament.started` (null when absent).
 */
export function eventWrites(e: Event, configJson: string | null): Write[] {
  const id = e.tournamentId;
  switch (e.type) {
    case 'tournament.started':
      return [
        {
          write: 'start',
          row: {
            id,
            name: e.name,
            arena: e.arena,
            status: 'running',
            seed: e.seed,
            rounds: e.rounds,
            created_at: e.ts,
            run_dir: e.runDir,
            config_json: configJson,
            campaign: e.campaign ?? null,
            ladder: e.ladder ?? null,
          },
        },
        ...e.players.map((p): Write => ({
          write: 'player',
          row: { tournament_id: id, name: p.name, agent: p.agent, model: p.model },
        })),
      ];
    case 'edit.finished':
      return [
        {
          write: 'edit',
          row: {
            tournament_id: id,
            round: e.round,
            player: e.player,
            exit: e.exit,
            steps: e.steps,
            cost_usd: e.costUsd,
            ms: e.ms,
            commit: e.commit,
            files: e.diff.files,
            insertions: e.diff.insertions,
            deletions: e.diff.deletions,
          },
        },
      ];
    case 'match.started':
    case 'match.finished': {
      const start = {
        tournament_id: id,
        match_id: e.matchId,
        round: e.round,
        sim: e.sim,
        seed: e.seed,
        players_json: JSON.stringify(e.players),
      };
      if (e.type === 'match.started') return [{ write: 'matchStarted', row: start }];
      return [
        {
          write: 'matchFinished',
          row: {
            ...start,
            ranks_json: JSON.stringify(e.ranks),
            winner: e.winner,
            turns: e.turns,
            reason: e.reason,
            faults_json: JSON.stringify(e.faults),
            replay: e.replay,
            ms: e.ms,
          },
        },
      ];
    }
    case 'round.finished':
      return [
        {
          write: 'round',
          row: {
            tournament_id: id,
            round: e.round,
            winner: e.winner,
            sim_wins_json: JSON.stringify(e.simWins),
            ties: e.ties,
            sims: e.sims,
            forfeited_json: JSON.stringify(e.forfeited),
          },
        },
      ];
    case 'rating.updated':
      return Object.entries(e.ratings).map(([player, rating]) => ({
        write: 'rating',
        row: { tournament_id: id, round: e.round, player, rating },
      }));
    case 'tournament.finished':
      return [
        {
          write: 'finish',
          row: { id, status: e.status, finished_at: e.ts, winner: e.winner, stopped: e.stopped ?? null },
        },
      ];
    case 'tournament.resumed':
      return [{ write: 'resume', row: { id, at: e.ts } }];
    // The log holds these; nothing queried needs them indexed.
    case 'round.started':
    case 'edit.step':
    case 'validation':
    case 'match.frame':
    case 'fault':
      return [];
  }
}

/** What registering a campaign's matrix writes (idempotent: its tournaments show as queued until they begin). */
export function campaignWrites(record: CampaignRecord): Write[] {
  return [
    { write: 'campaign', row: { name: record.name, created_at: record.createdAt } },
    ...record.jobs.map((j): Write => ({
      write: 'campaignJob',
      row: {
        campaign: record.name,
        idx: j.index,
        run_id: j.runId,
        arena: j.arena,
        players_json: JSON.stringify(j.players),
        repeat: j.repeat,
      },
    })),
  ];
}
