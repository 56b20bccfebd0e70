// The index in the suite's real PostgreSQL (pg.fixture.ts) against the SQLite index: the same
// logs give the same answers from every reader; a reindex equals live ingest; a database that
// goes away mid-run is reported once and never thrown into the tournament.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { type Event, TournamentConfig, matchIdOf } from '@codearena/protocol';
import { UsageError } from '../cli/preflight.ts';
import { freshDatabase } from '../pg/pg.fixture.ts';
import { tournamentEvents } from './events.fixture.ts';
import { StoreIndex } from './index-db.ts';
import { type IndexReader, SqliteIndex } from './index-interfaces.ts';
import { openIndex } from './open-index.ts';
import { PgIndex } from './pg-index.ts';
import { RunFolder } from './run-folder.ts';
import { type LeaseHandle, acquireLease } from './run-lease.ts';

const root = mkdtempSync(join(tmpdir(), 'codearena-pgindex-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const database = async () => {
  const db = await freshDatabase();
  cleanups.push(db.drop);
  return db.url;
};
const openPg = async (url: string) => {
  const index = await PgIndex.open(url, { create: true });
  cleanups.push(() => index.close());
  return index;
};

/** Three run folders as tournaments leave them: one finished (of campaign "camp", its config
 *  written), one cut off with no process (interrupted), one cut off whose process holds its
 *  lease (running); each event log on disk, in the order it was logged. */
function runs(): { dirs: string[]; logs: Event[][]; lease: LeaseHandle } {
  const dirs = ['fin', 'cut', 'held'].map((n) => join(mkdtempSync(join(root, 'run-')), n));
  const cutOff = (es: Event[]) => es.slice(0, es.findIndex((e) => e.type === 'tournament.finished') - 3);
  const logs = [
    tournamentEvents({ id: 'camp-r0', runDir: dirs[0]!, t0: 1000 }).map((e) =>
      e.type === 'tournament.started' ? { ...e, campaign: 'camp' } : e,
    ),
    cutOff(tournamentEvents({ id: 't-cut', runDir: dirs[1]!, arena: 'corewar', t0: 2000 })),
    cutOff(tournamentEvents({ id: 't-held', runDir: dirs[2]!, t0: 3000 })),
  ];
  logs.forEach((events, i) => {
    const folder = new RunFolder(dirs[i]!);
    if (i === 0)
      folder.writeConfig(
        TournamentConfig.parse({
          arena: { id: 'battlesnake' },
          tournament: { rounds: 2 },
          players: [
            { name: 'alice', agent: { kind: 'noop' } },
            { name: 'bob', agent: { kind: 'noop' } },
          ],
        }),
      );
    const log = folder.openLog();
    for (const e of events) log.append(e);
    log.close();
  });
  const lease = acquireLease(new RunFolder(dirs[2]!));
  cleanups.push(() => lease.release());
  return { dirs, logs, lease };
}

const campaignRecord = {
  name: 'camp',
  specHash: 'h',
  createdAt: 5,
  jobs: [0, 1].map((i) => ({
    index: i,
    runId: `camp-r${i}`,
    arena: 'battlesnake',
    players: ['alice', 'bob'],
    repeat: i,
  })),
};

/** Everything every reader answers about these runs. */
async function answers(r: IndexReader) {
  const ids = ['camp-r0', 't-cut', 't-held', 'nope'];
  return {
    list: await r.listTournaments(),
    tournaments: await Promise.all(ids.map((id) => r.getTournament(id))),
    results: await r.roundResults(),
    byArena: await r.roundResults({ arena: 'corewar' }),
    byCampaign: await r.roundResults({ campaign: 'camp' }),
    byBoth: await r.roundResults({ arena: 'corewar', campaign: 'camp' }),
    matches: await Promise.all(ids.map((id) => r.matches(id))),
    page: await r.matches('camp-r0', { round: 2, limit: 1, offset: 1 }),
    match: await r.match('camp-r0', matchIdOf({ round: 1, sim: 1 })),
    noMatch: await r.match('camp-r0', 'm-none'),
    edits: await Promise.all(ids.map((id) => r.edits(id))),
    campaigns: await r.campaigns(),
    campaign: await r.campaign('camp'),
    noCampaign: await r.campaign('nope'),
  };
}

describe('PgIndex', () => {
  it('answers every reader exactly as the SQLite index does for the same logs, live or reindexed', async () => {
    const { dirs, logs } = runs();
    const sqlite = new SqliteIndex(new StoreIndex(':memory:'));
    cleanups.push(() => sqlite.close());
    const live = await openPg(await database());
    for (const index of [sqlite, live]) {
      for (const events of logs) for (const e of events) index.ingest(e);
    }
    sqlite.store.registerCampaign(campaignRecord);
    await live.registerCampaign(campaignRecord);
    // Replays change nothing (each event writes only its columns).
    for (const e of logs[0]!) live.ingest(e);
    await live.flush();

    const expected = await answers(sqlite);
    // The fixture covers what it claims: all three statuses, a queued cell, the campaign filter.
    expect(expected.list.map((t) => [t.id, t.status])).toEqual([
      ['t-held', 'running'],
      ['t-cut', 'interrupted'],
      ['camp-r0', 'finished'],
    ]);
    expect(expected.campaign?.cells.map((c) => c.status)).toEqual(['finished', 'queued']);
    expect(expected.byCampaign.length).toBeGreaterThan(0);
    expect(expected.tournaments[0]?.config).not.toBeNull();
    expect(await answers(live)).toEqual(expected);

    const rebuilt = await openPg(await database());
    for (const dir of dirs) rebuilt.reindex(dir);
    await rebuilt.registerCampaign(campaignRecord);
    expect(await answers(rebuilt)).toEqual(expected);
    // A reindex over rows already there replaces them with the same.
    rebuilt.reindex(dirs[0]!);
    expect(await answers(rebuilt)).toEqual(expected);
    expect(live.failedWrites + rebuilt.failedWrites).toBe(0);
  });

  it('never throws into the tournament when the database goes away mid-run, and says so once', async () => {
    const { logs } = runs();
    const url = await database();
    const index = await openPg(url);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    cleanups.push(() => stderr.mockRestore());
    const events = logs[0]!;
    for (const e of events.slice(0, 10)) index.ingest(e);
    await index.flush();
    expect((await index.listTournaments()).map((t) => t.id)).toEqual(['camp-r0']);

    // The database is dropped under it: every connection is terminated.
    const admin = new pg.Client({ connectionString: process.env.CODEARENA_TEST_PG_URL });
    await admin.connect();
    await admin.query(`drop database ${new URL(url).pathname.slice(1)} with (force)`);
    await admin.end();

    for (const e of events.slice(10)) expect(() => index.ingest(e)).not.toThrow();
    expect(() => index.reindex(join(root, 'no-such-run'))).not.toThrow();
    await index.flush();
    const told = stderr.mock.calls.map((c) => String(c[0])).filter((s) => s.includes('could not write the index'));
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/run folder keeps every event/);
    expect(index.failedWrites).toBeGreaterThan(1);
  });

  it('readers refuse a database without an index, and a newer schema, with exit 3', async () => {
    const url = await database();
    const err = await openIndex(url).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).exitCode).toBe(3);
    expect((err as UsageError).message).toMatch(/no codearena index in .*--store first/);

    await (await PgIndex.open(url, { create: true })).close();
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`update codearena_index.meta set version = 99`);
    await c.end();
    const newer = await openIndex(url, { create: true }).catch((e: unknown) => e);
    expect((newer as UsageError).exitCode).toBe(3);
    expect((newer as UsageError).message).toMatch(/schema version 99, newer than/);

    const refused = await openIndex('postgres://nobody@127.0.0.1:1/x').catch((e: unknown) => e);
    expect((refused as UsageError).exitCode).toBe(3);
    expect((refused as UsageError).message).toMatch(/cannot reach PostgreSQL/);
  });
});
