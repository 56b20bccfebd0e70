// `codearena leaderboard --store postgres://…` and `codearena list --store …`, the real binary
// over the suite's PostgreSQL (pg.fixture.ts): the same answers as over the SQLite index of the
// same logs, and a clear exit 3 for a database without an index.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../paths.ts';
import { freshDatabase } from '../pg/pg.fixture.ts';
import { studyEvents } from '../rating/campaign-events.fixture.ts';
import { StoreIndex } from '../store/index-db.ts';
import { PgIndex } from '../store/pg-index.ts';

const BIN = join(ROOT, 'server', 'bin', 'codearena.js');
const cli = (...args: string[]) =>
  spawnSync('node', [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });

let runs: string;
let url: string;
let empty: string;
const drops: (() => Promise<void>)[] = [];
beforeAll(async () => {
  runs = mkdtempSync(join(tmpdir(), 'codearena-store-cli-'));
  const store = new StoreIndex(join(runs, 'codearena.sqlite'));
  store.ingestMany(studyEvents(runs));
  store.close();
  const db = await freshDatabase();
  drops.push(db.drop);
  url = db.url;
  const index = await PgIndex.open(url, { create: true });
  for (const e of studyEvents(runs)) index.ingest(e);
  await index.close();
  const none = await freshDatabase();
  drops.push(none.drop);
  empty = none.url;
});
afterAll(async () => {
  for (const d of drops) await d();
  rmSync(runs, { recursive: true, force: true });
});

describe('--store postgres://…', () => {
  it('leaderboard prints what it prints over the SQLite index of the same logs, whole store and campaign', () => {
    for (const args of [[], ['--campaign', 'study'], ['--campaign', 'study', '--by', 'agent', '--json']]) {
      const pg = cli('leaderboard', '--store', url, ...args);
      expect(pg.stderr).toBe('');
      expect(pg.status).toBe(0);
      expect(pg.stdout).toBe(cli('leaderboard', '--runs', runs, ...args).stdout);
    }
    expect(cli('leaderboard', '--store', url).stdout).toMatch(/Leaderboard[^\n]*8 rounds/);
    // --store wins over --runs.
    expect(cli('leaderboard', '--store', url, '--runs', join(runs, 'elsewhere')).stdout).toMatch(/8 rounds/);
  });

  it('list shows the same tournaments, an interrupted one resumed by its run folder', () => {
    const pg = cli('list', '--store', url, '--json');
    expect(pg.status).toBe(0);
    const sqlite = cli('list', '--runs', runs, '--json');
    const strip = (out: string) =>
      (JSON.parse(out) as { tournaments: { resume: string | null }[] }).tournaments.map((t) => ({
        ...t,
        resume: null,
      }));
    expect(strip(pg.stdout)).toEqual(strip(sqlite.stdout));
    expect(strip(pg.stdout)).toHaveLength(4);
  });

  it('a database without an index is exit 3 naming the fix, and the password is never printed', () => {
    for (const cmd of ['leaderboard', 'list']) {
      const r = cli(cmd, '--store', empty);
      expect(r.status).toBe(3);
      expect(r.stderr).toMatch(/no codearena index in .*--store first/);
      expect(r.stdout).toBe('');
    }
    const refused = cli('leaderboard', '--store', 'postgres://u:secret@127.0.0.1:1/x');
    expect(refused.status).toBe(3);
    expect(refused.stderr).toMatch(/cannot reach PostgreSQL at postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/x/);
    expect(refused.stderr).not.toContain('secret');
  });
});
