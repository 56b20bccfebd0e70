// The live hub through real socket.io on loopback: backlog then tail, resume by seq after a
// reconnect (no gaps, no duplicates), match frames from a turn, previews, and a tournament
// running in another process followed through its log.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { type Event, type FrameBatch, type Preview, SocketEvents } from '@codearena/protocol';
import { StoreIndex } from '../store/index-db.ts';
import { rawRequest, rawUpgrade } from './raw-http.fixture.ts';
import { PLAYERS, startRun } from './run.fixture.ts';
import { type Gateway, startGateway } from './server.ts';

let dir: string;
let store: StoreIndex;
let gw: Gateway;
const sockets: Socket[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'codearena-hub-'));
  store = new StoreIndex(join(dir, 'codearena.sqlite'));
  gw = await startGateway({
    store,
    port: 0,
    webDist: join(dir, 'no-web'),
    pollMs: 20,
    hub: { frameIntervalMs: 10, previewIntervalMs: 20 },
  });
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});
afterAll(async () => {
  await gw.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const origin = () => `http://127.0.0.1:${gw.port}`;

async function client(): Promise<Socket> {
  const s = connect(origin(), { transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(s);
  await new Promise<void>((ok, fail) => {
    s.once('connect', () => ok());
    s.once('connect_error', fail);
  });
  return s;
}

/** Collects the durable events a socket receives for a tournament. */
function collect(s: Socket, id: string): Event[] {
  const got: Event[] = [];
  s.on(SocketEvents.events, (b: { tournamentId: string; events: Event[] }) => {
    if (b.tournamentId === id) got.push(...b.events);
  });
  return got;
}

const watch = (s: Socket, tournamentId: string, since: number, previews = false) =>
  s.emitWithAck(SocketEvents.watchTournament, { tournamentId, since, previews }) as Promise<{
    ok: boolean;
    error?: string;
  }>;

const until = async (cond: () => boolean, ms = 30_000) => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
};

const seqs = (events: Event[]) => events.map((e) => e.seq);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('socket.io hub', () => {
  it('sends a late viewer the backlog, then the live tail, in order and once', async () => {
    const run = startRun(dir, store, 't-live-1', [gw.live('t-live-1')]);
    run.bus.emit({ type: 'round.started', round: 0 });
    run.playMatch(0, 0, 'alice');
    const s = await client();
    const got = collect(s, 't-live-1');
    expect(await watch(s, 't-live-1', -1)).toEqual({ ok: true, live: true });
    await until(() => got.length === 4);
    run.playMatch(0, 1, 'bob');
    run.finish();
    await until(() => got.at(-1)?.type === 'tournament.finished');
    expect(seqs(got)).toEqual(range(0, got.length - 1));
    expect(got.some((e) => e.type === 'match.frame')).toBe(false);
  });

  it('resumes after a reconnect from the last seq held: nothing missed, nothing repeated', async () => {
    const run = startRun(dir, store, 't-live-2', [gw.live('t-live-2')]);
    const s1 = await client();
    const first = collect(s1, 't-live-2');
    await watch(s1, 't-live-2', -1);
    run.bus.emit({ type: 'round.started', round: 0 });
    await until(() => first.length === 2);
    s1.disconnect();
    // Events emitted while the viewer is away.
    run.playMatch(0, 0, 'alice');
    run.playMatch(0, 1, 'alice');
    const s2 = await client();
    const second = collect(s2, 't-live-2');
    await watch(s2, 't-live-2', first.at(-1)!.seq);
    run.bus.emit({
      type: 'round.finished',
      round: 0,
      simWins: { alice: 2, bob: 0 },
      ties: 0,
      sims: 2,
      winner: 'alice',
      forfeited: [],
    });
    run.finish();
    await until(() => second.at(-1)?.type === 'tournament.finished');
    expect(seqs([...first, ...second])).toEqual(range(0, first.length + second.length - 1));
  });

  it('streams a live match from a turn: buffered frames, then live ones, batched, acked', async () => {
    const run = startRun(dir, store, 't-live-3', [gw.live('t-live-3')]);
    const { bus } = run;
    bus.emit({ type: 'match.started', round: 0, matchId: 'r0-s0', sim: 0, seed: 1, players: [...PLAYERS] });
    for (let t = 0; t < 10; t++) bus.emit({ type: 'match.frame', round: 0, matchId: 'r0-s0', turn: t, frame: { t } });
    const s = await client();
    const turns: number[] = [];
    let batches = 0;
    s.on(SocketEvents.frames, (b: FrameBatch, ack: () => void) => {
      batches++;
      turns.push(...b.frames.map((f) => f.turn));
      ack();
    });
    const ack = await s.emitWithAck(SocketEvents.watchMatch, {
      tournamentId: 't-live-3',
      matchId: 'r0-s0',
      fromTurn: 4,
    });
    expect(ack).toEqual({ ok: true, state: 'live' });
    for (let t = 10; t < 200; t++) bus.emit({ type: 'match.frame', round: 0, matchId: 'r0-s0', turn: t, frame: { t } });
    await until(() => turns.at(-1) === 199);
    expect(turns).toEqual(range(4, 199));
    expect(batches).toBeLessThan(196); // batched, not one message per frame
    // Resuming from a turn after a reconnect.
    const s2 = await client();
    const again: number[] = [];
    s2.on(SocketEvents.frames, (b: FrameBatch, ack: () => void) => {
      again.push(...b.frames.map((f) => f.turn));
      ack();
    });
    await s2.emitWithAck(SocketEvents.watchMatch, { tournamentId: 't-live-3', matchId: 'r0-s0', fromTurn: 150 });
    await until(() => again.at(-1) === 199);
    expect(again).toEqual(range(150, 199));
    run.finish();
    const s3 = await client();
    expect(
      await s3.emitWithAck(SocketEvents.watchMatch, { tournamentId: 't-live-3', matchId: 'r0-s0', fromTurn: 0 }),
    ).toEqual({ ok: true, state: 'finished' });
  });

  it('samples previews of live matches for tournament viewers', async () => {
    const run = startRun(dir, store, 't-live-4', [gw.live('t-live-4')]);
    const s = await client();
    const previews: Preview[] = [];
    s.on(SocketEvents.preview, (p: Preview) => previews.push(p));
    await watch(s, 't-live-4', -1, true);
    run.bus.emit({ type: 'match.started', round: 0, matchId: 'r0-s0', sim: 0, seed: 1, players: [...PLAYERS] });
    for (let t = 0; t < 100; t++)
      run.bus.emit({ type: 'match.frame', round: 0, matchId: 'r0-s0', turn: t, frame: { t } });
    await until(() => previews.length > 0);
    expect(previews.length).toBeLessThan(5);
    expect(previews.at(-1)!.turn).toBe(99);
    run.finish();
  });

  it('follows a tournament running in another process through its events.jsonl', async () => {
    // Another process: its own bus, log and index connection; nothing reaches the gateway's bus.
    const other = new StoreIndex(join(dir, 'codearena.sqlite'));
    const run = startRun(dir, other, 't-elsewhere');
    run.bus.emit({ type: 'round.started', round: 0 });
    const s = await client();
    const got = collect(s, 't-elsewhere');
    expect(await watch(s, 't-elsewhere', -1)).toEqual({ ok: true, live: false });
    await until(() => got.length === 2);
    run.playMatch(0, 0, 'bob');
    expect(
      await s.emitWithAck(SocketEvents.watchMatch, { tournamentId: 't-elsewhere', matchId: 'r0-s1', fromTurn: 0 }),
    ).toEqual({ ok: true, state: 'pending' });
    run.bus.emit({ type: 'match.started', round: 0, matchId: 'r0-s1', sim: 1, seed: 1, players: [...PLAYERS] });
    await until(() => got.length === 5);
    expect(
      await s.emitWithAck(SocketEvents.watchMatch, { tournamentId: 't-elsewhere', matchId: 'r0-s1', fromTurn: 0 }),
    ).toEqual({ ok: true, state: 'elsewhere' });
    run.finish();
    other.close();
    await until(() => got.at(-1)?.type === 'tournament.finished');
    expect(seqs(got)).toEqual(range(0, got.length - 1));
  });

  it('rejects bad watch requests with a reason', async () => {
    const s = await client();
    expect(await watch(s, 'no-such-run', -1)).toEqual({ ok: false, error: 'no tournament no-such-run' });
    const bad = (await s.emitWithAck(SocketEvents.watchTournament, { tournamentId: '../x', since: 'a' })) as {
      ok: boolean;
      error: string;
    };
    expect(bad.ok).toBe(false);
    expect(bad.error).toMatch(/tournamentId/);
    expect(bad.error).toMatch(/since/);
  });

  it('asks sockets for the token when the server has one', async () => {
    const g = await startGateway({ store, port: 0, token: 'tok', webDist: join(dir, 'no-web') });
    try {
      const attempt = (headers: Record<string, string>) => {
        const s = connect(`http://127.0.0.1:${g.port}`, {
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
          extraHeaders: headers,
        });
        sockets.push(s);
        return new Promise<boolean>(
          (ok) => (s.once('connect', () => ok(true)), s.once('connect_error', () => ok(false))),
        );
      };
      expect(await attempt({})).toBe(false);
      expect(await attempt({ Authorization: 'Bearer nope' })).toBe(false);
      expect(await attempt({ Authorization: 'Bearer tok' })).toBe(true);
      expect(await attempt({ Cookie: 'codearena_token=tok' })).toBe(true);
    } finally {
      for (const s of sockets.splice(0)) s.disconnect();
      await g.close();
    }
  });

  it('refuses sockets from other origins', async () => {
    const s = connect(origin(), {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { Origin: 'http://evil.example' },
    });
    sockets.push(s);
    const err = await new Promise<Error>((ok) => s.once('connect_error', ok));
    expect(err).toBeInstanceOf(Error);
  });

  it('caps the watches of one socket and removes every one of them on disconnect', async () => {
    const ids = ['t-cap-0', 't-cap-1', 't-cap-2', 't-cap-3', 't-cap-4', 't-cap-5'];
    const feeds = ids.map((id) => gw.registry.createLive(id)); // as gw.live(id) does
    const subscribers = () => feeds.reduce((n, f) => n + f.subscribers, 0);
    const s = await client();
    type Ack = { ok: boolean; error?: string };
    const watchMatch = (m: string, tournamentId = 't-cap-0') =>
      s.emitWithAck(SocketEvents.watchMatch, { tournamentId, matchId: m, fromTurn: 0 }) as Promise<Ack>;
    const acks: Ack[] = [];
    for (let i = 0; i < 12; i++) acks.push(await watchMatch(`r0-s${i}`));
    expect(acks.filter((a) => a.ok)).toHaveLength(8);
    expect(acks.slice(8).every((a) => !a.ok && /at most 8 matches/.test(a.error!))).toBe(true);
    expect(subscribers()).toBe(8);
    // Watching a watched match again replaces its watch; unwatching frees a place.
    expect((await watchMatch('r0-s3')).ok).toBe(true);
    s.emit(SocketEvents.unwatchMatch, { tournamentId: 't-cap-0', matchId: 'r0-s3' });
    expect((await watchMatch('r0-s99')).ok).toBe(true);
    expect((await watchMatch('r0-s100')).ok).toBe(false);
    // A flood without acks changes nothing.
    for (let i = 0; i < 5000; i++)
      s.emit(SocketEvents.watchMatch, { tournamentId: 't-cap-1', matchId: `r1-s${i}`, fromTurn: 0 });
    expect((await watchMatch('r2-s0', 't-cap-1')).ok).toBe(false);
    expect(subscribers()).toBe(8);
    const tournamentAcks: Ack[] = [];
    for (const id of ids) tournamentAcks.push((await watch(s, id, -1)) as Ack);
    expect(tournamentAcks.map((a) => a.ok)).toEqual([true, true, true, true, false, false]);
    expect(tournamentAcks[4]!.error).toMatch(/at most 4 tournaments/);
    expect(subscribers()).toBe(12);
    s.disconnect();
    await until(() => subscribers() === 0);
  });

  it('survives hostile event payloads and keeps the socket working', async () => {
    const s = await client();
    const hostile = [
      null,
      1,
      'x',
      [],
      { tournamentId: { toString: 1, valueOf: 1 }, matchId: { toString: 1, valueOf: 1 } },
      { tournamentId: 't-x', matchId: [1] },
    ];
    for (const p of hostile) {
      s.emit(SocketEvents.unwatchMatch, p);
      s.emit(SocketEvents.unwatchTournament, p);
      s.emit(SocketEvents.watchMatch, p);
      s.emit(SocketEvents.watchTournament, p);
      s.emit(SocketEvents.watchMatch, p, 'not a function');
    }
    const bad = (await s.emitWithAck(SocketEvents.watchMatch, {
      tournamentId: 't-x',
      matchId: 'r0-s0',
      fromTurn: 1e300,
    })) as { ok: boolean };
    expect(bad.ok).toBe(false);
    gw.live('t-hostile');
    expect(await watch(s, 't-hostile', -1)).toEqual({ ok: true, live: true });
    expect(s.connected).toBe(true);
  });

  it('checks the Host of socket.io handshakes exactly', async () => {
    const handshake = (host: string) =>
      rawRequest(gw.port, ['GET /socket.io/?EIO=4&transport=polling HTTP/1.1', `Host: ${host}`]).then((r) => r.status);
    expect(await handshake('127.evil.example')).toBe(403);
    expect(await handshake(`127.0.0.1.evil.example:${gw.port}`)).toBe(403);
    expect(await handshake(`localhost:${gw.port}`)).toBe(200);
    // engine.io refuses an upgrade with 400 and the reason.
    const upgrade = (extra: string[]) =>
      rawUpgrade(gw.port, '/socket.io/?EIO=4&transport=websocket', extra).then((r) => `${r.status} ${r.body}`);
    expect(await upgrade([`Host: 127.evil.example:${gw.port}`, `Origin: http://127.evil.example:${gw.port}`])).toMatch(
      /^400 .*localhost only/,
    );
    expect(await upgrade([`Host: 127.0.0.1:${gw.port}`, 'Origin: http://127.0.0.1:1'])).toMatch(/^400 .*cross-origin/);
    expect(await upgrade([`Host: 127.0.0.1:${gw.port}`, `Origin: http://127.0.0.1:${gw.port}`])).toMatch(/^101 /);
  });

  it('with a token: a cookie that is not valid URL encoding is refused, not a crash', async () => {
    const g = await startGateway({ store, port: 0, token: 'tok', webDist: join(dir, 'no-web') });
    try {
      const cookie = 'Cookie: codearena_token=%E0%A4%A';
      const polling = await rawRequest(g.port, [
        'GET /socket.io/?EIO=4&transport=polling HTTP/1.1',
        'Host: 127.0.0.1',
        cookie,
      ]);
      expect(polling.status).toBe(403);
      expect(polling.body).toMatch(/token/);
      const upgrade = await rawUpgrade(g.port, '/socket.io/?EIO=4&transport=websocket', ['Host: 127.0.0.1', cookie]);
      expect(`${upgrade.status} ${upgrade.body}`).toMatch(/^400 .*token/);
      expect(
        (
          await rawUpgrade(g.port, '/socket.io/?EIO=4&transport=websocket', [
            'Host: 127.0.0.1',
            'Cookie: codearena_token=tok',
          ])
        ).status,
      ).toBe(101);
    } finally {
      await g.close();
    }
  });
});
