// The plain WebSocket stream for programs: JSON lines, backlog then tail, resume by seq.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { Event } from '@codearena/protocol';
import { StoreIndex } from '../store/index-db.ts';
import { rawUpgrade, upgradeThenReset } from './raw-http.fixture.ts';
import { startRun } from './run.fixture.ts';
import { type Gateway, startGateway } from './server.ts';

let dir: string;
let store: StoreIndex;
let gw: Gateway;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'codearena-stream-'));
  store = new StoreIndex(join(dir, 'codearena.sqlite'));
  gw = await startGateway({ store, port: 0, webDist: join(dir, 'no-web') });
  // A tournament of its own for the tests of hostile clients.
  startRun(dir, store, 't-stream-2', [gw.live('t-stream-2')]);
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
    if (Date.now() - t0 > 30_000) throw new Error('timed out');
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
    expect(a.lines.map((e) => e.type)).toEqual([
      'round.started',
      'match.started',
      'match.finished',
      'tournament.finished',
    ]);
    expect(b.lines.filter((e) => e.type === 'match.frame').map((e) => (e as { turn: number }).turn)).toEqual([
      0, 1, 2, 3,
    ]);
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

  it('answers hostile upgrade requests with an HTTP error, never a crash', async () => {
    const host = 'Host: 127.0.0.1';
    const cases: [string, number][] = [
      ['http://[', 400],
      ['http://127.0.0.1/stream?tournament=t-stream', 400],
      ['*', 400],
      ['//', 404],
      ['//stream', 404],
      ['/nope', 404],
      ['/stream/../socket.io/?EIO=4&transport=websocket', 404],
      ['/stream?tournament=%E0%A4%A', 400],
    ];
    for (const [target, status] of cases) {
      const r = await rawUpgrade(gw.port, target, [host]);
      expect([target, r.status]).toEqual([target, status]);
    }
    // Clients that reset the connection while being refused (the refusal then fails to write).
    for (let i = 0; i < 40; i++) await upgradeThenReset(gw.port, i % 2 ? '/nope' : '//', [host], i % 4 < 2);
    expect((await rawUpgrade(gw.port, '/stream?tournament=t-stream-2', [host])).status).toBe(101);
  });

  it('drops a client that breaks the WebSocket protocol, and keeps serving others', async () => {
    const a = open('tournament=t-stream-2');
    await a.opened;
    const closed = new Promise<number>((ok) => a.ws.once('close', (code) => ok(code)));
    a.ws.send('x'.repeat(10_000)); // over the 4 KB a client may send
    expect(await closed).toBe(1009);
    const b = open('tournament=t-stream-2');
    await b.opened;
    await until(() => b.lines.length > 0);
    b.ws.close();
  });

  it('checks Host and Origin exactly', async () => {
    const at = (extra: string[]) => rawUpgrade(gw.port, '/stream?tournament=t-stream-2', extra).then((r) => r.status);
    expect(await at(['Host: 127.evil.example'])).toBe(403);
    expect(await at([`Host: 127.evil.example:${gw.port}`, `Origin: http://127.evil.example:${gw.port}`])).toBe(403);
    expect(await at([`Host: localhost.evil.example:${gw.port}`])).toBe(403);
    const host = `Host: 127.0.0.1:${gw.port}`;
    expect(await at([host, 'Origin: http://127.0.0.1:1'])).toBe(403);
    expect(await at([host, 'Origin: http://localhost:' + gw.port])).toBe(403);
    expect(await at([host, 'Origin: null'])).toBe(403);
    expect(await at([host, `Origin: ftp://127.0.0.1:${gw.port}`])).toBe(403);
    expect(await at([host, `Origin: http://127.0.0.1:${gw.port}`])).toBe(101);
    expect(await at([`Host: [::1]:${gw.port}`, `Origin: http://[::1]:${gw.port}`])).toBe(101);
    expect(await at([host])).toBe(101);
  });

  it('with a token: a cookie that is not valid URL encoding is refused with 401', async () => {
    const g = await startGateway({ store, port: 0, token: 'tok', webDist: join(dir, 'no-web') });
    try {
      const r = await rawUpgrade(g.port, '/stream?tournament=t-stream-2', [
        'Host: 127.0.0.1',
        'Cookie: codearena_token=%E0%A4%A',
      ]);
      expect(r.status).toBe(401);
      expect(
        (await rawUpgrade(g.port, '/stream?tournament=t-stream-2', ['Host: 127.0.0.1', 'Cookie: codearena_token=tok']))
          .status,
      ).toBe(101);
    } finally {
      await g.close();
    }
  });
});
