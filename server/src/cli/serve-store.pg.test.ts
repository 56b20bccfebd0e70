// `codearena serve --store postgres://…`, the real binary: the gateway reads the PostgreSQL index
// every worker writes, and follows a tournament's events in the run folder the index points to.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeaderboardPayload, TournamentList } from '@codearena/protocol';
import { ROOT } from '../paths.ts';
import { freshDatabase } from '../pg/pg.fixture.ts';
import { studyEvents } from '../rating/campaign-events.fixture.ts';
import { PgIndex } from '../store/pg-index.ts';
import { RunFolder } from '../store/run-folder.ts';

const BIN = join(ROOT, 'server', 'bin', 'codearena.js');
let dir: string;
let drop: () => Promise<void>;
let serve: ChildProcess | null = null;
let base: URL;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'codearena-serve-store-'));
  const db = await freshDatabase();
  drop = db.drop;
  // As a worker on another machine leaves it: the run folder on the shared directory, the rows in PostgreSQL.
  const events = studyEvents(join(dir, 'shared'));
  const log = new RunFolder(join(dir, 'shared')).openLog();
  for (const e of events.filter((x) => x.tournamentId === 'study-1')) log.append(e);
  log.close();
  const index = await PgIndex.open(db.url, { create: true });
  for (const e of events) index.ingest(e);
  await index.close();

  serve = spawn('node', [BIN, 'serve', '--store', db.url, '--port', '0'], {
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  serve.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  base = await new Promise<URL>((ok, fail) => {
    serve!.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /web view: (http:\/\/\S+)/.exec(out);
      if (m) ok(new URL(m[1]!));
    });
    serve!.once('exit', (code) => fail(new Error(`codearena serve exited (${code}):\n${out}`)));
  });
});
afterAll(async () => {
  if (serve && serve.exitCode === null && serve.signalCode === null) {
    const exited = new Promise((ok) => serve!.once('exit', ok));
    serve.kill('SIGTERM');
    await exited;
  }
  await drop?.();
  rmSync(dir, { recursive: true, force: true });
});

const get = async <T>(path: string): Promise<T> => {
  const r = await fetch(new URL(path, base));
  expect(r.status).toBe(200);
  return (await r.json()) as T;
};

describe('codearena serve --store postgres://…', () => {
  it('lists the tournaments and rates them from the PostgreSQL index', async () => {
    const list = await get<TournamentList>('/api/tournaments');
    expect(list.total).toBe(4);
    expect(list.tournaments.map((t) => t.id).sort()).toEqual(['solo-1', 'study-1', 'study-2', 'study-3']);
    expect(list.tournaments.find((t) => t.id === 'study-1')?.roundWins).toEqual({ alice: 0, bob: 1 });
    const lb = await get<LeaderboardPayload>('/api/leaderboard');
    expect(lb.rounds).toBe(8);
    expect(lb.rows.map((r) => r.id).sort()).toEqual(['alice', 'bob', 'carol', 'dave', 'zed']);
    const campaign = await get<{ campaign: string; tournaments: number }>('/api/leaderboard?campaign=study');
    expect(campaign).toMatchObject({ campaign: 'study', tournaments: 3 });
  });

  it("serves a tournament's events from the run folder its index row points to", async () => {
    const body = await get<{ events: { tournamentId: string; type: string }[] }>('/api/tournaments/study-1/events');
    expect(body.events[0]).toMatchObject({ tournamentId: 'study-1', type: 'tournament.started' });
    expect(body.events.at(-1)?.type).toBe('tournament.finished');
    expect((await fetch(new URL('/api/tournaments/nope', base))).status).toBe(404);
  });
});
