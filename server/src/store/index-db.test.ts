import { mkdtempSync, rmSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { tournamentEvents } from './events.fixture.ts';
import { StoreIndex } from './index-db.ts';
import { type Event, type EventBody, TournamentConfig } from '@codearena/protocol';
import { EVENTS_FILE, RunFolder } from './run-folder.ts';
import { SCHEMA_VERSION } from './schema.ts';
import { acquireLease } from './run-lease.ts';
import { killContenders, killedHolder } from './run-lease.fixture.ts';

const root = mkdtempSync(join(tmpdir(), 'codearena-index-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = (what: string): string => join(root, `${what}-${n++}`);

/** Every row of every table, in a stable order: two indexes are equal iff their dumps are. */
function dump(dbPath: string): Record<string, unknown[]> {
  const db = new Database(dbPath, { readonly: true });
  try {
    const tables = ['tournaments', 'players', 'rounds', 'matches', 'ratings', 'edits'];
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3`).all()]));
  } finally {
    db.close();
  }
}

const configOf = (arena: string): TournamentConfig =>
  TournamentConfig.parse({
    arena: { id: arena },
    tournament: { rounds: 2 },
    players: [
      { name: 'alice', agent: { kind: 'noop' } },
      { name: 'bob', agent: { kind: 'noop' } },
    ],
  });

/** A run as the tournament produces it: config.json, then every event logged and indexed live;
 *  with `until`, the log stops before the first event of that type (a process that died). */
function liveRun(opts: { id?: string; arena?: string; t0?: number; until?: Event['type'] } = {}) {
  const runDir = fresh('run');
  const dbPath = fresh('db') + '.sqlite';
  const all = tournamentEvents({ ...opts, runDir });
  const events = opts.until
    ? all.slice(
        0,
        all.findIndex((e) => e.type === opts.until),
      )
    : all;
  const folder = new RunFolder(runDir);
  folder.writeConfig(configOf(opts.arena ?? 'battlesnake'));
  const log = folder.openLog();
  const index = new StoreIndex(dbPath);
  for (const e of events) {
    log.append(e);
    index.ingest(e);
  }
  log.close();
  return { runDir, dbPath, folder, events, index };
}

describe('StoreIndex queries after live ingest', () => {
  const { index, runDir, dbPath } = liveRun();

  it('creates the schema, versioned, in WAL mode', () => {
    const db = new Database(dbPath, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('lists tournaments', () => {
    expect(index.listTournaments()).toEqual([
      {
        id: 't-2025-01',
        name: 'smoke',
        arena: 'battlesnake',
        status: 'finished',
        seed: 7,
        totalRounds: 2,
        createdAt: 1_760_000_000_250,
        finishedAt: expect.any(Number),
        winner: 'bob',
        runDir,
        campaign: null,
        ladder: null,
        stopped: null,
      },
    ]);
  });

  it('returns a tournament with config, players, rounds and ratings', () => {
    const t = index.getTournament('t-2025-01');
    expect(t?.config).toEqual(configOf('battlesnake'));
    expect(t?.players).toEqual([
      { name: 'alice', agent: 'noop', model: null },
      { name: 'bob', agent: 'search', model: 'scripted-1' },
    ]);
    expect(t?.rounds).toEqual([
      {
        round: 1,
        winner: null,
        simWins: { alice: 1, bob: 1 },
        ties: 1,
        sims: 2,
        forfeited: [],
        ratings: { alice: 1184, bob: 1216 },
      },
      {
        round: 2,
        winner: 'bob',
        simWins: { alice: 0, bob: 2 },
        ties: 0,
        sims: 2,
        forfeited: [],
        ratings: { alice: 1168, bob: 1232 },
      },
    ]);
    expect(index.getTournament('nope')).toBeUndefined();
  });

  it('pages matches, optionally by round', () => {
    const all = index.matches('t-2025-01');
    expect(all.map((m) => m.matchId)).toEqual(['r1-s0', 'r1-s1', 'r2-s0', 'r2-s1']);
    expect(all[1]).toEqual({
      matchId: 'r1-s1',
      round: 1,
      sim: 1,
      seed: 1001,
      players: ['alice', 'bob'],
      ranks: { bob: 1, alice: 2 },
      winner: 'bob',
      turns: 3,
      reason: 'last snake standing',
      faults: [{ player: 'alice', kind: 'timeout', count: 1, detail: 'no reply in 500 ms' }],
      replay: 'replays/r1-s1.json.gz',
      ms: 841,
    });
    expect(index.matches('t-2025-01', { round: 2 }).map((m) => m.matchId)).toEqual(['r2-s0', 'r2-s1']);
    expect(index.matches('t-2025-01', { limit: 2, offset: 1 }).map((m) => m.matchId)).toEqual(['r1-s1', 'r2-s0']);
  });

  it('returns edits', () => {
    expect(index.edits('t-2025-01')).toContainEqual({
      round: 2,
      player: 'bob',
      exit: 'submitted',
      steps: 1,
      costUsd: 0.0125,
      ms: 1502,
      commit: 'b2'.padEnd(40, '0'),
      files: 1,
      insertions: 2,
      deletions: 1,
    });
  });

  it('returns round results for the leaderboard, filtered by arena', () => {
    const other = liveRun({ id: 't-other', arena: 'corewar', t0: 1_770_000_000_000 });
    other.index.close();
    // Same index file holds both after ingesting the other run's log.
    index.reindex(other.runDir);
    const players = [
      { name: 'alice', agent: 'noop', model: null },
      { name: 'bob', agent: 'search', model: 'scripted-1' },
    ];
    expect(index.roundResults({ arena: 'battlesnake' })).toEqual([
      { tournamentId: 't-2025-01', arena: 'battlesnake', round: 1, simWins: { alice: 1, bob: 1 }, players },
      { tournamentId: 't-2025-01', arena: 'battlesnake', round: 2, simWins: { alice: 0, bob: 2 }, players },
    ]);
    expect(index.roundResults().map((r) => `${r.tournamentId}/${r.round}`)).toEqual([
      't-2025-01/1',
      't-2025-01/2',
      't-other/1',
      't-other/2',
    ]);
    expect(index.roundResults({ arena: 'corewar' })).toHaveLength(2);
    index.removeTournament('t-other');
    expect(index.listTournaments().map((t) => t.id)).toEqual(['t-2025-01']);
  });
});

describe('StoreIndex idempotence and reindexing', () => {
  it('re-ingesting events, in any number, changes nothing', () => {
    const { index, dbPath, events } = liveRun();
    const before = dump(dbPath);
    index.ingestMany(events);
    index.ingestMany([...events].reverse());
    for (const e of events.slice(0, 5)) index.ingest(e);
    index.close();
    expect(dump(dbPath)).toEqual(before);
  });

  it('a late match.started does not erase the finished result', () => {
    const { index, events } = liveRun();
    const started = events.find((e) => e.type === 'match.started')!;
    index.ingest(started);
    expect(index.matches('t-2025-01', { limit: 1 })[0]?.winner).toBe('alice');
    index.close();
  });

  it('shows a running match and tournament before they finish', () => {
    const dbPath = fresh('db') + '.sqlite';
    const runDir = fresh('run');
    const events = tournamentEvents({ runDir });
    const index = new StoreIndex(dbPath);
    const firstFinish = events.findIndex((e) => e.type === 'match.finished');
    index.ingestMany(events.slice(0, firstFinish));
    // This process runs it, as the round loop does.
    const lease = acquireLease(new RunFolder(runDir));
    expect(index.listTournaments()[0]).toMatchObject({ status: 'running', finishedAt: null, winner: null });
    lease.release();
    expect(index.matches('t-2025-01')).toEqual([
      {
        matchId: 'r1-s0',
        round: 1,
        sim: 0,
        seed: 1000,
        players: ['alice', 'bob'],
        ranks: null,
        winner: null,
        turns: null,
        reason: null,
        faults: [],
        replay: null,
        ms: null,
      },
    ]);
    index.close();
  });

  it('reindex from the log equals live ingest', () => {
    const live = liveRun();
    live.index.close();
    const rebuiltPath = fresh('db') + '.sqlite';
    const rebuilt = new StoreIndex(rebuiltPath);
    expect(rebuilt.reindex(live.runDir)).toBe(live.events.filter((e) => e.type !== 'match.frame').length);
    rebuilt.close();
    expect(dump(rebuiltPath)).toEqual(dump(live.dbPath));
  });

  it('reindex replaces stale rows and tolerates a crash-truncated log', () => {
    const live = liveRun();
    // Rows the log does not hold (e.g. from a previous, different run with the same id) vanish.
    live.index.ingest({
      seq: 9999,
      ts: 1,
      tournamentId: 't-2025-01',
      type: 'rating.updated',
      round: 99,
      ratings: { ghost: 1 },
    });
    appendFileSync(join(live.runDir, EVENTS_FILE), '{"seq":10000,"ts":1,"tournamentId":"t-2025-01","type":"rating.upd');
    live.index.reindex(live.runDir);
    live.index.close();
    const fromScratch = fresh('db') + '.sqlite';
    const scratch = new StoreIndex(fromScratch);
    scratch.reindex(live.runDir);
    scratch.close();
    expect(dump(live.dbPath)).toEqual(dump(fromScratch));
    expect(dump(fromScratch).ratings).not.toContainEqual(expect.objectContaining({ player: 'ghost' }));
  });

  it('reopening keeps data; a newer schema version is refused', () => {
    const live = liveRun();
    live.index.close();
    const again = new StoreIndex(live.dbPath);
    expect(again.listTournaments()).toHaveLength(1);
    again.close();
    const db = new Database(live.dbPath);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => new StoreIndex(live.dbPath)).toThrow(/newer than this codearena understands/);
  });

  it('batch-ingests 20,000 matches (as a reindex of a large run does)', () => {
    const events = tournamentEvents({ runDir: fresh('run') });
    const template = events.find((e) => e.type === 'match.finished')!;
    const many = Array.from({ length: 20_000 }, (_, i) => ({ ...template, seq: i, matchId: `m${i}`, sim: i }));
    const index = new StoreIndex(fresh('db') + '.sqlite');
    index.ingest(events[0]!);
    index.ingestMany(many);
    expect(index.matches('t-2025-01', { limit: 1, offset: 19_999 })[0]?.matchId).toBe('m19999');
    index.close();
  });
});

describe('interrupted and resumed tournaments', () => {
  afterEach(killContenders);

  /** A tournament cut off in round 1 (no tournament.finished). */
  const cutOffRun = () => liveRun({ until: 'round.finished' });

  it('a running tournament whose process was killed is interrupted, while it is held it is running', async () => {
    const run = cutOffRun();
    const statuses = () => [run.index.listTournaments()[0]?.status, run.index.getTournament('t-2025-01')?.status];
    const lease = acquireLease(run.folder);
    expect(statuses()).toEqual(['running', 'running']);
    lease.release();
    // Without a lease (a log written before leases, or a process that removed it and died).
    expect(statuses()).toEqual(['interrupted', 'interrupted']);

    await killedHolder(run.folder);
    expect(run.folder.readLease()).not.toBeNull();
    expect(statuses()).toEqual(['interrupted', 'interrupted']);
    // A finished tournament stays finished, whatever its lease says.
    const finished = liveRun();
    expect(finished.index.getTournament('t-2025-01')?.status).toBe('finished');
    finished.index.close();
    run.index.close();
  });

  it('tournament.resumed sets it running again, and the index equals a reindex of the log', () => {
    const run = cutOffRun();
    const all = tournamentEvents({ runDir: run.runDir });
    const rest = all.slice(run.events.length);
    let seq = run.events.length;
    let ts = run.events.at(-1)!.ts;
    const next = (e: EventBody): Event => ({ ...e, seq: seq++, ts: (ts += 1000), tournamentId: 't-2025-01' }) as Event;
    const aborted = next({
      type: 'tournament.finished',
      status: 'aborted',
      reason: 'infrastructure',
      winner: null,
      roundWins: {},
      ratings: {},
    });
    const resumed = next({ type: 'tournament.resumed', attempt: 2, round: 1, edits: [], keptSims: [0, 1] });
    const log = run.folder.openLog();
    const live = (e: Event) => {
      log.append(e);
      run.index.ingest(e);
    };
    live(aborted);
    expect(run.index.getTournament('t-2025-01')).toMatchObject({ status: 'aborted', winner: null });
    live(resumed);
    const lease = acquireLease(run.folder);
    expect(run.index.getTournament('t-2025-01')).toMatchObject({ status: 'running', finishedAt: null, winner: null });
    for (const e of rest) live(next(e));
    lease.release();
    log.close();
    expect(run.index.getTournament('t-2025-01')).toMatchObject({ status: 'finished', winner: 'bob' });
    // A resume replayed late does not reopen the tournament that finished after it.
    run.index.ingest(resumed);
    expect(run.index.getTournament('t-2025-01')?.status).toBe('finished');
    run.index.close();

    const rebuiltPath = fresh('db') + '.sqlite';
    const rebuilt = new StoreIndex(rebuiltPath);
    rebuilt.reindex(run.runDir);
    rebuilt.close();
    expect(dump(rebuiltPath)).toEqual(dump(run.dbPath));
  });
});

describe('campaigns in the index', () => {
  it('shows every cell of a registered campaign: queued until its log begins, then as the tournament stands', () => {
    const dir = mkdtempSync(join(tmpdir(), 'codearena-index-campaign-'));
    try {
      const index = new StoreIndex(':memory:');
      const job = (i: number) => ({
        index: i,
        runId: `camp-r${i}`,
        arena: 'battlesnake',
        players: ['a', 'b'],
        repeat: i,
      });
      index.registerCampaign({ name: 'camp', specHash: 'h', createdAt: 5, jobs: [job(0), job(1), job(2)] });
      index.registerCampaign({ name: 'camp', specHash: 'h', createdAt: 9, jobs: [job(0), job(1), job(2)] }); // idempotent
      const events = (id: string, finished: boolean) =>
        tournamentEvents({ id, runDir: join(dir, id) })
          .filter((e) => finished || e.type !== 'tournament.finished')
          .map((e) => (e.type === 'tournament.started' ? { ...e, campaign: 'camp' } : e));
      index.ingestMany(events('camp-r0', false)); // its process died: no lease, no finish
      index.ingestMany(events('camp-r1', true));
      const c = index.campaign('camp')!;
      expect(c.cells.map((x) => [x.index, x.status, x.winner, x.roundsDone, x.totalRounds])).toEqual([
        [0, 'interrupted', null, 2, 2],
        [1, 'finished', 'bob', 2, 2],
        [2, 'queued', null, 0, 0],
      ]);
      expect(c.counts).toEqual({ queued: 1, running: 0, interrupted: 1, finished: 1, aborted: 0 });
      expect(index.campaigns()).toEqual([{ name: 'camp', createdAt: 5, tournaments: 3, counts: c.counts }]);
      expect(index.listTournaments().map((t) => t.campaign)).toEqual(['camp', 'camp']);
      expect(index.campaign('nope')).toBeUndefined();
      index.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
