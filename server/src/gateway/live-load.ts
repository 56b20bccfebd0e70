// How many socket.io viewers one live match holds here, and how late frames and events reach
// them. The gateway runs in this process and plays a synthetic match at BattleSnake's real
// pace (about 300 turns/s on this machine, ~1 KB frames); N viewers run in child processes, each
// watching the tournament and the match, and report delivery and latency. Bounded: N grows
// 1 → 1000 and stops early once viewers fall behind.
//   npx tsx server/src/gateway/live-load.ts [maxClients]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io } from 'socket.io-client';
import { SocketEvents, type Event, type FrameBatch } from '@codearena/protocol';
import { EventBus } from '../bus/event-bus.ts';
import { StoreIndex } from '../store/index-db.ts';
import { startGateway } from './server.ts';

const TURNS_PER_S = 300;
const SECONDS = 3;
const MATCH = 'r0-s0';

async function main(maxClients: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'codearena-load-'));
  const store = new StoreIndex(join(dir, 'codearena.sqlite'));
  const gw = await startGateway({ store, port: 0, webDist: join(dir, 'none') });
  process.stdout.write(
    `live match: ${TURNS_PER_S} turns/s for ${SECONDS} s (${TURNS_PER_S * SECONDS} frames); viewers in separate processes\n`,
  );
  process.stdout.write('viewers  all frames  frame latency p50 / p95 / max   event latency p50 / max   server CPU\n');
  try {
    for (const n of [1, 10, 100, 250, 500, 1000].filter((x) => x <= maxClients)) {
      const r = await round(gw.port, n, (id) => gw.live(id));
      const ok = r.complete === n;
      process.stdout.write(
        `${String(n).padStart(7)}  ${`${r.complete}/${n}`.padStart(10)}  ${`${r.frame.p50} / ${r.frame.p95} / ${r.frame.max} ms`.padStart(30)}  ${`${r.event.p50} / ${r.event.max} ms`.padStart(24)}  ${`${r.cpuPct}%`.padStart(10)}\n`,
      );
      if (!ok || r.frame.p95 > 2000) break;
    }
  } finally {
    await gw.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Report {
  complete: number;
  frame: { p50: number; p95: number; max: number };
  event: { p50: number; max: number };
  cpuPct: number;
}

async function round(port: number, n: number, live: (id: string) => (e: Event) => void): Promise<Report> {
  const id = `load-${n}`;
  const bus = new EventBus(id);
  bus.subscribe(live(id));
  bus.emit({ type: 'round.started', round: 0 });
  // Viewers in up to 4 processes (100 each), as browsers would be: not on the server's event loop.
  const procs = Math.min(4, Math.ceil(n / 100));
  const children = Array.from({ length: procs }, (_, k) => {
    const count = Math.floor(n / procs) + (k < n % procs ? 1 : 0);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--viewers', String(port), String(count), id],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const c = { child, out: '' };
    child.stdout.on('data', (d: Buffer) => (c.out += d.toString()));
    return c;
  });
  await until(() => children.every((c) => c.out.includes('ready')), 60_000);
  const cpu0 = process.cpuUsage();
  const t0 = Date.now();
  bus.emit({ type: 'match.started', round: 0, matchId: MATCH, sim: 0, seed: 1, players: ['a', 'b', 'c'] });
  const total = TURNS_PER_S * SECONDS;
  for (let turn = 0; turn < total;) {
    // Keep to the pace: as many turns as are due by now.
    const due = Math.min(total, Math.floor(((Date.now() - t0) / 1000) * TURNS_PER_S) + 1);
    for (; turn < due; turn++)
      bus.emit({ type: 'match.frame', round: 0, matchId: MATCH, turn, frame: syntheticFrame(turn) });
    if (turn % 100 === 0) bus.emit({ type: 'validation', round: 0, player: 'a', ok: true, detail: `turn ${turn}` });
    await new Promise((r) => setTimeout(r, 2));
  }
  bus.emit({
    type: 'match.finished',
    round: 0,
    matchId: MATCH,
    sim: 0,
    seed: 1,
    players: ['a', 'b', 'c'],
    ranks: { a: 1, b: 2, c: 3 },
    winner: 'a',
    turns: total - 1,
    reason: 'load test',
    faults: [],
    replay: '',
    ms: Date.now() - t0,
  });
  const used = process.cpuUsage(cpu0);
  const wall = Date.now() - t0;
  await until(() => children.every((c) => c.out.includes('{')), 60_000);
  const parts = children.map((c) => {
    c.child.kill();
    return JSON.parse(c.out.slice(c.out.indexOf('{'))) as { complete: number; frameLat: number[]; eventLat: number[] };
  });
  const frames = parts.flatMap((p) => p.frameLat);
  const events = parts.flatMap((p) => p.eventLat);
  return {
    complete: parts.reduce((a, p) => a + p.complete, 0),
    frame: { p50: pct(frames, 0.5), p95: pct(frames, 0.95), max: pct(frames, 1) },
    event: { p50: pct(events, 0.5), max: pct(events, 1) },
    cpuPct: Math.round(((used.user + used.system) / 1000 / wall) * 100),
  };
}

/** The viewer side: n sockets, each watching the tournament and the match. */
async function viewers(port: number, n: number, id: string): Promise<void> {
  const frameLat: number[] = [];
  const eventLat: number[] = [];
  const turns = new Array<number>(n).fill(0);
  const done = new Array<boolean>(n).fill(false);
  const total = TURNS_PER_S * SECONDS;
  const sockets = await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const s = io(`http://127.0.0.1:${port}`, { transports: ['websocket'], forceNew: true, reconnection: false });
      await new Promise<void>((ok, fail) => (s.once('connect', () => ok()), s.once('connect_error', fail)));
      s.on(SocketEvents.frames, (b: FrameBatch, ack: () => void) => {
        ack();
        const now = Date.now();
        for (const f of b.frames) {
          if (f.turn === turns[i]) turns[i]!++;
          if (i % Math.max(1, Math.floor(n / 10)) === 0 && f.ts) frameLat.push(now - f.ts);
        }
      });
      s.on(SocketEvents.events, (b: { events: Event[]; backlog?: boolean }) => {
        const now = Date.now();
        for (const e of b.events) {
          if (!b.backlog) eventLat.push(now - e.ts);
          if (e.type === 'match.finished') done[i] = true;
        }
      });
      await s.emitWithAck(SocketEvents.watchTournament, { tournamentId: id, since: -1 });
      await s.emitWithAck(SocketEvents.watchMatch, { tournamentId: id, matchId: MATCH, fromTurn: 0 });
      return s;
    }),
  );
  process.stdout.write('ready\n');
  await until(() => done.every(Boolean) && turns.every((t) => t === total), 30_000).catch(() => {});
  process.stdout.write(
    `${JSON.stringify({ complete: turns.filter((t) => t === total).length, frameLat, eventLat })}\n`,
  );
  for (const s of sockets) s.disconnect();
}

const pct = (xs: number[], q: number) =>
  xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]! : 0;

async function until(cond: () => boolean, ms: number): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** About the size of a 3-snake BattleSnake frame in mid-game. */
function syntheticFrame(turn: number) {
  const body = (x: number) => Array.from({ length: 8 }, (_, k) => ({ x, y: (turn + k) % 11 }));
  return {
    turn,
    width: 11,
    height: 11,
    food: [
      { x: 2, y: 3 },
      { x: 8, y: 9 },
      { x: 5, y: 5 },
    ],
    snakes: ['a', 'b', 'c'].map((id, k) => ({ id, body: body(2 + 3 * k), health: 100 - (turn % 100), alive: true })),
  };
}

if (process.argv[2] === '--viewers') await viewers(Number(process.argv[3]), Number(process.argv[4]), process.argv[5]!);
else await main(Number(process.argv[2] ?? 1000));
