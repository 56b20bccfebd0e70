// The JSON API and access rules over a real store and run folder, through real HTTP.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DiffPayload,
  LeaderboardPayload,
  MatchPage,
  Replay,
  TournamentDetail,
  TournamentList,
  TrajectoryPayload,
} from '@codearena/protocol';
import { StoreIndex } from '../store/index-db.ts';
import { rawRequest } from './raw-http.fixture.ts';
import { RunFolder } from '../store/run-folder.ts';
import { killContenders, killedHolder } from '../store/run-lease.fixture.ts';
import { playFullRun, startRun } from './run.fixture.ts';
import { type Gateway, GatewayConfigError, startGateway } from './server.ts';

let dir: string;
let store: StoreIndex;
let gw: Gateway;
let base: string;
const ID = '20260101-000000-fixture-0001';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'codearena-api-'));
  store = new StoreIndex(join(dir, 'codearena.sqlite'));
  playFullRun(dir, store, ID);
  const web = join(dir, 'web');
  mkdirSync(join(web, 'assets'), { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(web, 'assets', 'app-1.js'), 'console.log(1)');
  gw = await startGateway({ store, port: 0, webDist: web });
  base = gw.url.replace(/\/$/, '');
});
afterAll(async () => {
  await gw.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = async (path: string, init?: RequestInit) => {
  const res = await fetch(`${base}${path}`, init);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: body as Record<string, unknown>, headers: res.headers };
};

/** node:http, because fetch does not let a caller set Host. */
function rawGet(
  port: number,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('JSON API', () => {
  it('lists tournaments with players, progress and round wins', async () => {
    const r = await get('/api/tournaments');
    expect(r.status).toBe(200);
    const list = TournamentList.parse(r.body);
    expect(list.total).toBe(1);
    const t = list.tournaments[0]!;
    expect(t).toMatchObject({
      id: ID,
      name: 'fixture',
      arena: 'battlesnake',
      status: 'finished',
      roundsDone: 2,
      winner: 'bob',
    });
    expect(t.players.map((p) => p.name)).toEqual(['alice', 'bob']);
    expect(t.roundWins).toEqual({ alice: 0, bob: 1 });
    expect(TournamentList.parse((await get('/api/tournaments?status=running')).body).total).toBe(0);
  });

  it('answers one tournament with rounds, ratings and edits', async () => {
    const d = TournamentDetail.parse((await get(`/api/tournaments/${ID}`)).body);
    expect(d.rounds.map((r) => [r.round, r.winner])).toEqual([
      [0, null],
      [1, 'bob'],
    ]);
    expect(d.rounds[1]!.ratings).toEqual({ alice: 1184, bob: 1216 });
    expect(d.edits.map((e) => [e.player, e.exit])).toEqual([
      ['alice', 'unchanged'],
      ['bob', 'submitted'],
    ]);
  });

  it('pages matches and filters them by round', async () => {
    const page = MatchPage.parse((await get(`/api/tournaments/${ID}/matches?limit=3`)).body);
    expect(page.matches.map((m) => m.matchId)).toEqual(['r0-s0', 'r0-s1', 'r1-s0']);
    expect(page.hasMore).toBe(true);
    const rest = MatchPage.parse((await get(`/api/tournaments/${ID}/matches?limit=3&offset=3`)).body);
    expect(rest.matches.map((m) => m.matchId)).toEqual(['r1-s1']);
    expect(rest.hasMore).toBe(false);
    const r1 = MatchPage.parse((await get(`/api/tournaments/${ID}/matches?round=1`)).body);
    expect(r1.matches.every((m) => m.round === 1 && m.winner === 'bob')).toBe(true);
  });

  it('serves a replay with every frame', async () => {
    const r = await get(`/api/tournaments/${ID}/matches/r1-s0/replay`);
    expect(r.status).toBe(200);
    const replay = Replay.parse(r.body);
    expect(replay.frames).toHaveLength(6);
    expect(replay.winner).toBe('bob');
  });

  it('serves diffs and trajectories per player and round', async () => {
    const diff = DiffPayload.parse((await get(`/api/tournaments/${ID}/players/bob/rounds/1/diff`)).body);
    expect(diff.diff).toContain('+  "aggression": 3');
    expect(diff.truncated).toBe(false);
    const traj = TrajectoryPayload.parse((await get(`/api/tournaments/${ID}/players/alice/rounds/1/trajectory`)).body);
    expect(traj.steps.map((s) => s.action)).toEqual(['cat params.json']);
  });

  it('hands out durable events after a seq, in pages', async () => {
    const all = (await get(`/api/tournaments/${ID}/events`)).body as {
      events: { seq: number; type: string }[];
      lastSeq: number;
      hasMore: boolean;
    };
    expect(all.events.map((e) => e.seq)).toEqual(all.events.map((_, i) => i));
    expect(all.events.some((e) => e.type === 'match.frame')).toBe(false);
    const tail = (await get(`/api/tournaments/${ID}/events?since=10&limit=2`)).body as typeof all;
    expect(tail.events.map((e) => e.seq)).toEqual([11, 12]);
    expect(tail.hasMore).toBe(true);
    expect(tail.lastSeq).toBe(all.lastSeq);
  });

  it('fits the leaderboard with intervals, matrix, history and match counts', async () => {
    const lb = LeaderboardPayload.parse((await get('/api/leaderboard')).body);
    expect(lb.rounds).toBe(1);
    expect(lb.rows.map((r) => r.id)).toEqual(['bob', 'alice']);
    expect(lb.rows[0]!.lo).toBeLessThanOrEqual(lb.rows[0]!.rating + 1e-6);
    expect(lb.rows[0]!.matches).toBe(2);
    expect(lb.matrix.ids).toEqual(['bob', 'alice']);
    expect(lb.history).toHaveLength(1);
    expect(lb.arenas).toEqual(['battlesnake']);
    const byAgent = LeaderboardPayload.parse((await get('/api/leaderboard?by=agent&arena=battlesnake')).body);
    expect(byAgent.rows.map((r) => r.id).sort()).toEqual(['llm:scripted-1', 'noop']);
    expect(LeaderboardPayload.parse((await get('/api/leaderboard?arena=corewar')).body).rows).toEqual([]);
  });

  it('refuses bad input with 4xx and a message naming the problem', async () => {
    const cases: [string, number, RegExp][] = [
      ['/api/tournaments/nope', 404, /no tournament nope/],
      ['/api/tournaments/..%2Fetc', 400, /tournament id/],
      ['/api/tournaments?limit=0', 400, /limit/],
      ['/api/tournaments?limit=abc', 400, /limit/],
      [`/api/tournaments/${ID}/matches?round=-1`, 400, /round/],
      [`/api/tournaments/${ID}/matches/r9-s9/replay`, 404, /no match r9-s9/],
      [`/api/tournaments/${ID}/players/carol/rounds/1/diff`, 404, /no player carol.*alice, bob/],
      [`/api/tournaments/${ID}/players/bob/rounds/x/diff`, 400, /round/],
      [`/api/tournaments/${ID}/players/bob/rounds/0/diff`, 404, /no diff/],
      ['/api/leaderboard?by=team', 400, /by/],
      ['/api/nothing', 404, /no API route/],
    ];
    for (const [path, status, message] of cases) {
      const r = await get(path);
      expect([path, r.status]).toEqual([path, status]);
      expect(String(r.body.error)).toMatch(message);
    }
    const post = await get('/api/tournaments', { method: 'POST' });
    expect(post.status).toBe(405);
  });
});

describe('interrupted tournaments', () => {
  afterEach(killContenders);

  it('a running tournament whose process was killed is listed, filtered and shown as interrupted', async () => {
    const id = '20260101-000000-fixture-0002';
    const run = startRun(dir, store, id);
    run.bus.emit({ type: 'round.started', round: 0 });
    run.playMatch(0, 0, 'alice');
    const list = async (q = '') => TournamentList.parse((await get(`/api/tournaments${q}`)).body).tournaments;
    expect((await list('?status=running')).map((t) => t.id)).toEqual([id]);
    // The process dies: its lease is left behind, naming a process that no longer exists.
    run.log.close();
    run.lease.release();
    await killedHolder(new RunFolder(run.runDir));

    expect((await list()).find((t) => t.id === id)).toMatchObject({ status: 'interrupted', roundsDone: 0 });
    expect((await list('?status=interrupted')).map((t) => t.id)).toEqual([id]);
    expect(await list('?status=running')).toEqual([]);
    expect(TournamentDetail.parse((await get(`/api/tournaments/${id}`)).body).status).toBe('interrupted');
    store.removeTournament(id);
  });
});

describe('web app files', () => {
  it('serves index.html for app routes and hashed assets with long caching', async () => {
    const page = await get(`/t/${ID}/m/r1-s0`);
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('<title>app</title>');
    const asset = await get('/assets/app-1.js');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await get('/assets/missing.js')).status).toBe(404);
  });
});

describe('access', () => {
  it('answers only requests addressed to localhost when bound to loopback without a token', async () => {
    const r = await rawGet(gw.port, '/api/health', { Host: 'attacker.example' });
    expect(r.status).toBe(403);
    expect(r.body).toMatch(/localhost only/);
    expect((await rawGet(gw.port, '/api/health', { Host: `localhost:${gw.port}` })).status).toBe(200);
  });

  it('refuses Host names that only look like loopback (DNS rebinding), accepts exact loopback names', async () => {
    const status = async (host: string) =>
      (await rawRequest(gw.port, ['GET /api/health HTTP/1.1', `Host: ${host}`])).status;
    const refused = [
      '127.evil.example',
      `127.evil.example:${gw.port}`,
      '127.0.0.1.evil.example',
      'localhost.evil.example',
      'evil.example',
      '127.0.0.256',
      '127.1',
      '127.0.0.01',
      '0x7f.0.0.1',
      '[::1].evil.example',
      '[::2]',
      'localhost:80x',
      'localhost:',
      '',
    ];
    for (const host of refused) expect([host, await status(host)]).toEqual([host, 403]);
    const accepted = [
      'localhost',
      `localhost:${gw.port}`,
      '127.0.0.1',
      `127.0.0.1:${gw.port}`,
      '127.8.9.10:1',
      '[::1]',
      `[::1]:${gw.port}`,
      'LOCALHOST',
    ];
    for (const host of accepted) expect([host, await status(host)]).toEqual([host, 200]);
    // No Host header at all (HTTP/1.0 allows that) is refused too.
    expect((await rawRequest(gw.port, ['GET /api/health HTTP/1.0'])).status).toBe(403);
  });

  it('answers request targets that are not a path with 400 and keeps serving', async () => {
    const cases: [string, number][] = [
      ['http://[', 400],
      ['http://evil.example/api/health', 400],
      ['*', 400],
      // A target starting with // is a path of this server, never another host.
      ['//', 200],
      ['//evil.example/x', 200],
      ['//api/health', 200],
    ];
    for (const [target, status] of cases) {
      const r = await rawRequest(gw.port, [`GET ${target} HTTP/1.1`, 'Host: 127.0.0.1']);
      expect([target, r.status]).toEqual([target, status]);
      if (status === 200) expect(r.body).toContain('<title>app</title>');
    }
    expect((await get('/api/health')).status).toBe(200);
  });

  it('refuses to bind another address without a token', async () => {
    await expect(startGateway({ store, host: '0.0.0.0', port: 0 })).rejects.toThrow(GatewayConfigError);
    await expect(startGateway({ store, host: '0.0.0.0', port: 0 })).rejects.toThrow(/--token/);
  });

  it('with a token: 401 without it; accepted as bearer, query or the cookie a page visit sets', async () => {
    const g = await startGateway({ store, port: 0, token: 's3cret', webDist: join(dir, 'web') });
    try {
      const b = `http://127.0.0.1:${g.port}`;
      expect(g.url).toContain('?token=s3cret');
      const none = await fetch(`${b}/api/health`);
      expect(none.status).toBe(401);
      expect(((await none.json()) as { error: string }).error).toMatch(/token/);
      expect((await fetch(`${b}/api/health`, { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
      expect((await fetch(`${b}/api/health`, { headers: { Authorization: 'Bearer s3cret' } })).status).toBe(200);
      expect((await fetch(`${b}/api/health?token=s3cret`)).status).toBe(200);
      const visit = await fetch(`${b}/leaderboard?token=s3cret`, { redirect: 'manual' });
      expect(visit.status).toBe(302);
      expect(visit.headers.get('location')).toBe('/leaderboard');
      const cookie = visit.headers.get('set-cookie')!;
      expect(cookie).toMatch(/HttpOnly/);
      expect((await fetch(`${b}/api/health`, { headers: { Cookie: cookie.split(';')[0]! } })).status).toBe(200);
      // A cookie that is not valid URL encoding is a wrong token, not a server error.
      for (const path of ['/api/health', '/leaderboard']) {
        const r = await rawRequest(g.port, [
          `GET ${path} HTTP/1.1`,
          'Host: 127.0.0.1',
          'Cookie: codearena_token=%E0%A4%A',
        ]);
        expect([path, r.status]).toEqual([path, 401]);
      }
      // With a token the Host check is off: the address may be any name of this machine.
      expect((await rawGet(g.port, '/api/health', { Authorization: 'Bearer s3cret', Host: 'arena.lan' })).status).toBe(
        200,
      );
    } finally {
      await g.close();
    }
  });

  it('redirects after a token visit only to a path of this server', async () => {
    const g = await startGateway({ store, port: 0, token: 's3cret', webDist: join(dir, 'web') });
    try {
      const cases: [string, string][] = [
        ['/.//evil.example/x?token=s3cret', '/evil.example/x'],
        ['//evil.example/x?token=s3cret', '/evil.example/x'],
        ['/.///evil.example?token=s3cret&a=1', '/evil.example?a=1'],
        ['/\\evil.example/x?token=s3cret', '/evil.example/x'],
        ['/./\\/evil.example?token=s3cret', '/evil.example'],
        ['/t/run-1?token=s3cret', '/t/run-1'],
      ];
      for (const [target, location] of cases) {
        const r = await rawRequest(g.port, [`GET ${target} HTTP/1.1`, 'Host: 127.0.0.1']);
        expect([target, r.status, r.headers.location]).toEqual([target, 302, location]);
        // Resolved against the page, the target stays on this server.
        expect(new URL(r.headers.location!, `http://127.0.0.1:${g.port}/`).origin).toBe(`http://127.0.0.1:${g.port}`);
      }
    } finally {
      await g.close();
    }
  });
});
