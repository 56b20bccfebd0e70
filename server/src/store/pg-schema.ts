// PostgreSQL schema of the index: the same tables and columns as schema.ts (SQLite), in their
// own schema `codearena_index` (the queue's tables share the database) that every connection
// puts first on its search_path, so index-sql.ts runs unchanged. Text sorts bytewise (COLLATE
// "C") as in SQLite, so both dialects list in the same order.

export const PG_INDEX_SCHEMA = 'codearena_index';

/** Step i brings the index from version i to i + 1. Append only; never edit a shipped step. */
export const PG_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE tournaments (
    id          text COLLATE "C" PRIMARY KEY,
    name        text COLLATE "C" NOT NULL,
    arena       text COLLATE "C" NOT NULL,
    status      text NOT NULL,
    seed        bigint NOT NULL,
    rounds      integer NOT NULL,
    created_at  double precision NOT NULL,
    finished_at double precision,
    winner      text COLLATE "C",
    run_dir     text NOT NULL,
    config_json text,
    campaign    text COLLATE "C"
  );
  CREATE INDEX tournaments_by_arena ON tournaments (arena, created_at);
  CREATE INDEX tournaments_by_campaign ON tournaments (campaign, created_at);

  -- rowid: insertion order, named like SQLite's implicit column so the shared queries sort by it.
  CREATE TABLE players (
    tournament_id text COLLATE "C" NOT NULL,
    name          text COLLATE "C" NOT NULL,
    agent         text NOT NULL,
    model         text,
    rowid         bigint GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (tournament_id, name)
  );

  CREATE TABLE rounds (
    tournament_id  text COLLATE "C" NOT NULL,
    round          integer NOT NULL,
    winner         text,
    sim_wins_json  text NOT NULL,
    ties           integer NOT NULL,
    sims           integer NOT NULL,
    forfeited_json text NOT NULL,
    PRIMARY KEY (tournament_id, round)
  );

  CREATE TABLE matches (
    tournament_id text COLLATE "C" NOT NULL,
    match_id      text COLLATE "C" NOT NULL,
    round         integer NOT NULL,
    sim           integer NOT NULL,
    seed          bigint NOT NULL,
    players_json  text NOT NULL,
    ranks_json    text,
    winner        text,
    turns         integer,
    reason        text,
    faults_json   text,
    replay        text,
    ms            double precision,
    PRIMARY KEY (tournament_id, match_id)
  );
  CREATE INDEX matches_by_round ON matches (tournament_id, round, sim);

  CREATE TABLE ratings (
    tournament_id text COLLATE "C" NOT NULL,
    round         integer NOT NULL,
    player        text COLLATE "C" NOT NULL,
    rating        double precision NOT NULL,
    PRIMARY KEY (tournament_id, round, player)
  );

  CREATE TABLE edits (
    tournament_id text COLLATE "C" NOT NULL,
    round         integer NOT NULL,
    player        text COLLATE "C" NOT NULL,
    "exit"        text NOT NULL,
    steps         integer NOT NULL,
    cost_usd      double precision NOT NULL,
    ms            double precision NOT NULL,
    "commit"      text NOT NULL,
    files         integer NOT NULL,
    insertions    integer NOT NULL,
    deletions     integer NOT NULL,
    PRIMARY KEY (tournament_id, round, player)
  );

  CREATE TABLE campaigns (
    name       text COLLATE "C" PRIMARY KEY,
    created_at double precision NOT NULL
  );
  CREATE TABLE campaign_jobs (
    campaign     text COLLATE "C" NOT NULL,
    idx          integer NOT NULL,
    run_id       text COLLATE "C" NOT NULL,
    arena        text NOT NULL,
    players_json text NOT NULL,
    "repeat"     integer NOT NULL,
    PRIMARY KEY (campaign, idx)
  );
  `,
  // 2: as SQLite's step 4: a climb's rung tournaments carry their ladder and why they stopped.
  `
  ALTER TABLE tournaments ADD COLUMN ladder text COLLATE "C";
  ALTER TABLE tournaments ADD COLUMN stopped text;
  `,
];

export const PG_SCHEMA_VERSION = PG_MIGRATIONS.length;
