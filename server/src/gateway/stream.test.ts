// The plain WebSocket stream for programs: JSON lines, backlog then tail, resume by seq.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { Event } from '@codearena/protocol';
import { StoreIndex } from '../store/index-db.ts';
import { startRun } from './run.fixture.ts';
import { type Gateway, startGateway } from './server.ts';

let dir: string;
let store: StoreIndex;
let gw: Gateway;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'codearena-stream-'));
  store = new StoreIndex(join(dir, 'codearena.sqlite'));
  gw = await startGateway({ store, port: 0, webDist: join(dir, 'no-web') });
});
afterAll(async () => {
  await gw.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function open(query: string): { ws: WebSocket; lines: Event[]; opened: Promise<void> } {
  const ws = new WebSocket(`ws://127.0.0.1:${gw.port}/stream?${query}`);
  const lines: Event[] = [];
  ws.on('message', (data: Buffer) => {
    const text = data.toString();
    expect(text.endsWith('\n')).toBe(true);
    lines.push(JSON.parse(text) as Event);
  });
  return { ws, lines, opened: new Promise((ok, fail) => (ws.once('open', () => ok()), ws.once('error', fail))) };
}

const until = async (cond: () => boolean) => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > 3000) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('/stream', () => {
  it('streams the backlog after `since`, then the live tail; frames only when asked', async () => {
    const run = startRun(dir, store, 't-stream', [gw.live('t-stream')]);
    run.bus.emit({ type: 'round.started', round: 0 });
    const a = open('tournament=t-stream&since=0');
    const b = open('tournament=t-stream&frames=1');
    await Promise.all([a.opened, b.opened]);
    await until(() => a.lines.length === 1 && b.lines.length === 2);
    run.playMatch(0, 0, 'alice', 3);
    run.finish();
    await until(() => a.lines.at(-1)?.type === 'tournament.finished' && b.lines.at(-1)?.type === 'tournament.finished');
    expect(a.lines.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(a.lines.map((e) => e.type)).toEqual(['round.started', 'match.started', 'match.finished', 'tournament.finished']);
    expect(b.lines.filter((e) => e.type === 'match.frame').map((e) => (e as { turn: number }).turn)).toEqual([0, 1, 2, 3]);
    a.ws.close();
    b.ws.close();
  });

  it('refuses a bad query or an unknown tournament with an HTTP error', async () => {
    const status = (query: string) =>
      new Promise<number>((ok) => {
        const ws = new WebSocket(`ws://127.0.0.1:${gw.port}/stream?${query}`);
        ws.on('unexpected-response', (_req, res) => ok(res.statusCode ?? 0));
        ws.on('open', () => ok(101));
        ws.on('error', () => {});
      });
    expect(await status('since=3')).toBe(400);
    expect(await status('tournament=t-stream&since=x')).toBe(400);
    expect(await status('tournament=unknown-run')).toBe(404);
  });
});
