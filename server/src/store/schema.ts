// SQLite schema of the index. The index is derived data (every row comes from a run log), so a
// migration may also be "drop and reindex"; `PRAGMA user_version` records which steps ran.

/** Step i brings a database from user_version i to i + 1. Append only; never edit a shipped step. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE tournaments (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    arena       TEXT NOT NULL,
    status      TEXT NOT NULL,            -- running | finished | aborted
    seed        INTEGER NOT NULL,
    rounds      INTEGER NOT NULL,
    created_at  REAL NOT NULL,            -- ms since epoch, from the tournament.started event
    finished_at REAL,
    winner      TEXT,
    run_dir     TEXT NOT NULL,
    config_json TEXT
  );
  CREATE INDEX tournaments_by_arena ON tournaments (arena, created_at);

  CREATE TABLE players (
    tournament_id TEXT NOT NULL,
    name          TEXT NOT NULL,
    agent         TEXT NOT NULL,
    model         TEXT,
    PRIMARY KEY (tournament_id, name)
  );

  CREATE TABLE rounds (
    tournament_id  TEXT NOT NULL,
    round          INTEGER NOT NULL,
    winner         TEXT,
    sim_wins_json  TEXT NOT NULL,
    ties           INTEGER NOT NULL,
    sims           INTEGER NOT NULL,
    forfeited_json TEXT NOT NULL,
    PRIMARY KEY (tournament_id, round)
  );

  -- A row appears at match.started (result columns NULL) and is completed by match.finished.
  CREATE TABLE matches (
    tournament_id TEXT NOT NULL,
    match_id      TEXT NOT NULL,
    round         INTEGER NOT NULL,
    sim           INTEGER NOT NULL,
    seed          INTEGER NOT NULL,
    players_json  TEXT NOT NULL,
    ranks_json    TEXT,
    winner        TEXT,
    turns         INTEGER,
    reason        TEXT,
    faults_json   TEXT,
    replay        TEXT,
    ms            REAL,
    PRIMARY KEY (tournament_id, match_id)
  );
  CREATE INDEX matches_by_round ON matches (tournament_id, round, sim);

  CREATE TABLE ratings (
    tournament_id TEXT NOT NULL,
    round         INTEGER NOT NULL,
    player        TEXT NOT NULL,
    rating        REAL NOT NULL,
    PRIMARY KEY (tournament_id, round, player)
  );

  CREATE TABLE edits (
    tournament_id TEXT NOT NULL,
    round         INTEGER NOT NULL,
    player        TEXT NOT NULL,
    "exit"        TEXT NOT NULL,
    steps         INTEGER NOT NULL,
    cost_usd      REAL NOT NULL,
    ms            REAL NOT NULL,
    "commit"      TEXT NOT NULL,
    files         INTEGER NOT NULL,
    insertions    INTEGER NOT NULL,
    deletions     INTEGER NOT NULL,
    PRIMARY KEY (tournament_id, round, player)
  );
  `,
  // 2: tournaments know their campaign (leaderboards and views per campaign).
  `
  ALTER TABLE tournaments ADD COLUMN campaign TEXT;
  CREATE INDEX tournaments_by_campaign ON tournaments (campaign, created_at);
  `,
  // 3: a campaign's matrix, registered when it is run or submitted (from campaigns/<name>/
  // campaign.json, which a reindex reads back), so tournaments not begun yet show as queued.
  `
  CREATE TABLE campaigns (
    name       TEXT PRIMARY KEY,
    created_at REAL NOT NULL
  );
  CREATE TABLE campaign_jobs (
    campaign     TEXT NOT NULL,
    idx          INTEGER NOT NULL,
    run_id       TEXT NOT NULL,
    arena        TEXT NOT NULL,
    players_json TEXT NOT NULL,
    repeat       INTEGER NOT NULL,
    PRIMARY KEY (campaign, idx)
  );
  `,
  // 4: a climb's rung tournaments carry their ladder (kept off the leaderboard) and, when their
  // rung was decided before the last round, why they stopped (finished, not aborted).
  `
  ALTER TABLE tournaments ADD COLUMN ladder TEXT;
  ALTER TABLE tournaments ADD COLUMN stopped TEXT;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Tables holding one tournament's rows, for deleting it before a reindex. */
export const TOURNAMENT_TABLES = ['players', 'rounds', 'matches', 'ratings', 'edits'] as const;
