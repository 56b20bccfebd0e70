// Every SQL statement of the index, prepared once per connection, and the row shapes they read.
import type Database from 'better-sqlite3';
import { TOURNAMENT_TABLES } from './schema.ts';

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

export type Statements = ReturnType<typeof prepare>;

export function prepare(db: Database.Database) {
  const s = (sql: string): Database.Statement => db.prepare(sql);
  return {
    // Only columns this event owns are updated on conflict, so a late replay of
    // tournament.started cannot turn a finished tournament back into a running one.
    start:
      s(`INSERT INTO tournaments (id, name, arena, status, seed, rounds, created_at, run_dir, config_json, campaign)
              VALUES (@id, @name, @arena, 'running', @seed, @rounds, @at, @runDir, @config, @campaign)
              ON CONFLICT (id) DO UPDATE SET name = excluded.name, arena = excluded.arena, seed = excluded.seed,
                rounds = excluded.rounds, created_at = excluded.created_at, run_dir = excluded.run_dir,
                config_json = COALESCE(excluded.config_json, config_json), campaign = excluded.campaign`),
    player: s(`INSERT OR REPLACE INTO players (tournament_id, name, agent, model) VALUES (@id, @name, @agent, @model)`),
    finish: s(`UPDATE tournaments SET status = @status, finished_at = @at, winner = @winner WHERE id = @id`),
    // A resume sets a stopped tournament running again; one logged before a later finish (an
    // event replayed out of order) changes nothing.
    resume: s(`UPDATE tournaments SET status = 'running', finished_at = NULL, winner = NULL
               WHERE id = @id AND (finished_at IS NULL OR finished_at <= @at)`),
    edit: s(`INSERT OR REPLACE INTO edits (tournament_id, round, player, "exit", steps, cost_usd, ms, "commit", files, insertions, deletions)
             VALUES (@id, @round, @player, @exit, @steps, @cost, @ms, @commit, @files, @ins, @del)`),
    // A start never overwrites a finished match's result.
    matchStarted: s(`INSERT INTO matches (tournament_id, match_id, round, sim, seed, players_json)
                     VALUES (@id, @match, @round, @sim, @seed, @players) ON CONFLICT DO NOTHING`),
    matchFinished: s(`INSERT OR REPLACE INTO matches
                        (tournament_id, match_id, round, sim, seed, players_json, ranks_json, winner, turns, reason, faults_json, replay, ms)
                      VALUES (@id, @match, @round, @sim, @seed, @players, @ranks, @winner, @turns, @reason, @faults, @replay, @ms)`),
    round: s(`INSERT OR REPLACE INTO rounds (tournament_id, round, winner, sim_wins_json, ties, sims, forfeited_json)
              VALUES (@id, @round, @winner, @wins, @ties, @sims, @forfeited)`),
    rating: s(
      `INSERT OR REPLACE INTO ratings (tournament_id, round, player, rating) VALUES (@id, @round, @player, @rating)`,
    ),

    listTournaments: s(`SELECT * FROM tournaments ORDER BY created_at DESC, id`),
    getTournament: s(`SELECT * FROM tournaments WHERE id = ?`),
    playersOf: s(`SELECT * FROM players WHERE tournament_id = ? ORDER BY rowid`),
    roundsOf: s(`SELECT * FROM rounds WHERE tournament_id = ? ORDER BY round`),
    ratingsOf: s(`SELECT round, player, rating FROM ratings WHERE tournament_id = ? ORDER BY round, player`),
    allPlayers: s(`SELECT p.* FROM players p JOIN tournaments t ON t.id = p.tournament_id
                   WHERE (@arena IS NULL OR t.arena = @arena) AND (@campaign IS NULL OR t.campaign = @campaign)
                   ORDER BY p.rowid`),
    roundResults: s(`SELECT r.*, t.arena FROM rounds r JOIN tournaments t ON t.id = r.tournament_id
                     WHERE (@arena IS NULL OR t.arena = @arena) AND (@campaign IS NULL OR t.campaign = @campaign)
                     ORDER BY t.created_at, t.id, r.round`),
    match: s(`SELECT * FROM matches WHERE tournament_id = @id AND match_id = @match`),
    matches: s(`SELECT * FROM matches WHERE tournament_id = @id AND (@round IS NULL OR round = @round)
                ORDER BY round, sim, match_id LIMIT @limit OFFSET @offset`),
    edits: s(`SELECT * FROM edits WHERE tournament_id = ? ORDER BY round, player`),
    campaign: s(`INSERT INTO campaigns (name, created_at) VALUES (@name, @at) ON CONFLICT (name) DO NOTHING`),
    campaignJob: s(`INSERT OR REPLACE INTO campaign_jobs (campaign, idx, run_id, arena, players_json, repeat)
                    VALUES (@campaign, @idx, @runId, @arena, @players, @repeat)`),
    listCampaigns: s(`SELECT * FROM campaigns ORDER BY created_at DESC, name`),
    getCampaign: s(`SELECT * FROM campaigns WHERE name = ?`),
    // Each cell with its tournament's row once its log has begun (LEFT JOIN: queued before).
    campaignCells: s(`SELECT j.idx, j.run_id, j.arena, j.players_json, j.repeat, t.id, t.status, t.winner, t.rounds,
                        t.run_dir, (SELECT COUNT(*) FROM rounds r WHERE r.tournament_id = j.run_id) AS rounds_done
                      FROM campaign_jobs j LEFT JOIN tournaments t ON t.id = j.run_id
                      WHERE j.campaign = ? ORDER BY j.idx`),
    deletes: [
      ...TOURNAMENT_TABLES.map((t) => s(`DELETE FROM ${t} WHERE tournament_id = ?`)),
      s(`DELETE FROM tournaments WHERE id = ?`),
    ],
  };
}
