// The gateway as its own failure domain: under `run --serve` it is a child process fed with the
// bus's events. Hostile requests that used to end the whole process are refused there; a gateway
// process that crashes or hangs anyway is replaced on the same port with every live event
// replayed, while the "tournament" (this test's bus) goes on.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { io as connect, type Socket } from 'socket.io-client';
import { type Event, type FrameBatch, SocketEvents } from '@codearena/protocol';
import { ROOT } from '../paths.ts';
import { StoreIndex } from '../store/index-db.ts';
import { rawRequest, rawUpgrade } from './raw-http.fixture.ts';
import { PLAYERS, startRun } from './run.fixture.ts';
import { GatewayConfigError } from './server.ts';
import { GatewayProcess } from './supervisor.ts';

let dir: string;
let store: StoreIndex;
const gateways: GatewayProcess[] = [];
const sockets: Socket[] = [];
const logs: string[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'codearena-supervisor-'));
  store = new StoreIndex(join(dir, 'codearena.sqlite'));
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  for (const g of gateways.splice(0)) await g.close();
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(extra: Partial<Parameters<typeof GatewayProcess.start>[0]> = {}): Promise<GatewayProcess> {
  const g = await GatewayProcess.start({
    index: store.path,
    port: 0,
    webDist: join(dir, 'no-web'),
    pollMs: 20,
    hub: { frameIntervalMs: 10, previewIntervalMs: 20 },
    restartDelayMs: 10,
    log: (line) => logs.push(line),
    ...extra,
  });
  gateways.push(g);
  return g;
}

const nextReady = (g: GatewayProcess) => new Promise<number>((ok) => g.once('ready', ok));

const until = async (cond: () => boolean, what: string, ms = 30_000) => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

/** A socket.io viewer of one tournament and one of its matches, with everything it received. */
async function viewer(port: number, headers: Record<string, string>, tournamentId: string, matchId: string) {
  const s = connect(`http://127.0.0.1:${port}`, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: headers,
  });
  sockets.push(s);
  await new Promise<void>((ok, fail) => (s.once('connect', () => ok()), s.once('connect_error', fail)));
  const events: Event[] = [];
  const turns: number[] = [];
  s.on(SocketEvents.events, (b: { events: Event[] }) => events.push(...b.events));
  s.on(SocketEvents.frames, (b: FrameBatch, ack: () => void) => {
    turns.push(...b.frames.map((f) => f.turn));
    ack();
  });
  expect(await s.emitWithAck(SocketEvents.watchTournament, { tournamentId, since: -1 })).toEqual({
    ok: true,
    live: true,
  });
  expect(await s.emitWithAck(SocketEvents.watchMatch, { tournamentId, matchId, fromTurn: 0 })).toEqual({
    ok: true,
    state: 'live',
  });
  return { s, events, turns };
}

/** Gateway processes this test process runs now. */
function gatewayChildren(): number[] {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p) && alive(Number(p)))
    .filter((p) => {
      try {
        return (
          new RegExp(`^PPid:\\s+${process.pid}$`, 'm').test(readFileSync(`/proc/${p}/status`, 'utf8')) &&
          readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('child-entry.mjs')
        );
      } catch {
        return false;
      }
    })
    .map(Number);
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
/** Running (a zombie waiting for its parent to reap it counts as gone). */
function alive(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

describe('gateway process', () => {
  it('refuses hostile requests without dying; when it dies anyway the tournament goes on and viewers resume', async () => {
    const g = await start({ token: 'tok' });
    const auth = { Authorization: 'Bearer tok' };
    const run = startRun(dir, store, 't-sup-1', [g.live('t-sup-1')]);
    const { bus } = run;
    bus.emit({ type: 'round.started', round: 0 });
    bus.emit({ type: 'match.started', round: 0, matchId: 'r0-s0', sim: 0, seed: 1, players: [...PLAYERS] });
    for (let t = 0; t < 10; t++) bus.emit({ type: 'match.frame', round: 0, matchId: 'r0-s0', turn: t, frame: { t } });
    const first = await viewer(g.port, auth, 't-sup-1', 'r0-s0');
    await until(() => first.turns.length === 10 && first.events.length === 3, 'the first viewer');
    const pid = g.pid!;

    // The requests of finding 3 (and friends): each used to end the process serving them.
    const cookie = 'Cookie: codearena_token=%E0%A4%A';
    expect((await rawUpgrade(g.port, '//', ['Host: 127.0.0.1'])).status).toBe(404);
    expect((await rawUpgrade(g.port, 'http://[', ['Host: 127.0.0.1'])).status).toBe(400);
    expect((await rawUpgrade(g.port, '/stream?tournament=t-sup-1', ['Host: 127.0.0.1', cookie])).status).toBe(401);
    expect(
      (await rawRequest(g.port, ['GET /socket.io/?EIO=4&transport=polling HTTP/1.1', 'Host: 127.0.0.1', cookie]))
        .status,
    ).toBe(403);
    expect(
      (await rawUpgrade(g.port, '/socket.io/?EIO=4&transport=websocket', ['Host: 127.0.0.1', cookie])).status,
    ).toBe(400);
    first.s.emit(SocketEvents.unwatchMatch, { tournamentId: { toString: 1, valueOf: 1 }, matchId: 'x' });
    const ws = new WebSocket(`ws://127.0.0.1:${g.port}/stream?tournament=t-sup-1`, { headers: auth });
    await new Promise((ok) => ws.once('open', ok));
    const dropped = new Promise((ok) => ws.once('close', ok));
    ws.send('x'.repeat(10_000));
    await dropped;
    expect(await first.s.emitWithAck(SocketEvents.watchTournament, { tournamentId: 't-sup-1', since: 2 })).toEqual({
      ok: true,
      live: true,
    });
    expect([g.pid, g.restarts]).toEqual([pid, 0]);

    // Now the gateway process dies outright, in the middle of a live match.
    const back = nextReady(g);
    process.kill(pid, 'SIGKILL');
    // The tournament goes on while it is down (and while it restarts).
    for (let t = 10; t < 20; t++) bus.emit({ type: 'match.frame', round: 0, matchId: 'r0-s0', turn: t, frame: { t } });
    bus.emit({ type: 'validation', round: 0, player: 'alice', ok: true, detail: 'emitted while the gateway was down' });
    const newPid = await back;
    expect(newPid).not.toBe(pid);
    expect(g.restarts).toBe(1);
    expect(logs.join('\n')).toMatch(/gateway process died \(SIGKILL\); restarting it on port \d+/);

    // A viewer of the new process gets every durable event and every frame, as if nothing happened.
    const second = await viewer(g.port, auth, 't-sup-1', 'r0-s0');
    for (let t = 20; t < 30; t++) bus.emit({ type: 'match.frame', round: 0, matchId: 'r0-s0', turn: t, frame: { t } });
    run.finish();
    await until(
      () => second.turns.at(-1) === 29 && second.events.at(-1)?.type === 'tournament.finished',
      'the second viewer',
    );
    expect(second.turns).toEqual(range(0, 29));
    expect(second.events.map((e) => e.seq)).toEqual(range(0, second.events.length - 1));
    expect(second.events.some((e) => e.type === 'validation')).toBe(true);
  });

  it('replaces a gateway process that stops answering', async () => {
    // The hang clock runs from the spawn: on a busy machine a fresh gateway process takes seconds
    // to start, and must not be judged hung for that. 20 s is what the stopped one costs here.
    const g = await start({ pingMs: 50, hangMs: 20_000 });
    const pid = g.pid!;
    const back = nextReady(g);
    process.kill(pid, 'SIGSTOP');
    const newPid = await back;
    expect(newPid).not.toBe(pid);
    await until(() => !alive(pid), 'the hung process to go');
    expect((await rawRequest(g.port, ['GET /api/health HTTP/1.1', 'Host: 127.0.0.1'])).status).toBe(200);
    expect(logs.join('\n')).toMatch(/no sign of life/);
  });

  it('ignores Ctrl-C meant for the CLI, and goes away with its parent', async () => {
    const g = await start();
    const pid = g.pid!;
    process.kill(pid, 'SIGINT');
    // The answer comes after the signal was delivered: the process that got it still serves.
    expect((await rawRequest(g.port, ['GET /api/health HTTP/1.1', 'Host: 127.0.0.1'])).status).toBe(200);
    expect([g.pid, g.restarts]).toEqual([pid, 0]);

    const parent = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./supervisor-parent.fixture.ts', import.meta.url)), store.path],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    parent.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await until(() => /gateway pid \d+/.test(out), 'the fixture parent');
    const child = Number(/gateway pid (\d+)/.exec(out)![1]);
    expect(alive(child)).toBe(true);
    const parentGone = new Promise((ok) => parent.once('exit', ok));
    parent.kill('SIGKILL');
    await parentGone;
    await until(() => !alive(child), 'the orphaned gateway process to exit');
  });

  it('fails to start with a config error naming the port, and leaves no process behind', async () => {
    const taken = createServer();
    await new Promise<void>((ok) => taken.listen(0, '127.0.0.1', ok));
    const port = (taken.address() as { port: number }).port;
    try {
      const err = await start({ port }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(GatewayConfigError);
      expect(String(err)).toMatch(new RegExp(`port ${port} .*in use`));
      expect(gatewayChildren()).toEqual([]);
    } finally {
      taken.close();
    }
  });

  it('closes its process on close()', async () => {
    const g = await start();
    const pid = g.pid!;
    expect(gatewayChildren()).toEqual([pid]);
    await g.close();
    gateways.splice(gateways.indexOf(g), 1);
    expect(alive(pid)).toBe(false);
    expect(gatewayChildren()).toEqual([]);
  });
});
