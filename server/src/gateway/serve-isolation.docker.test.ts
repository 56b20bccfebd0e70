// `codearena run --serve` (what `npm start` runs) under attack: requests that used to crash the
// whole process hit its web view, then its gateway process is killed outright in mid-tournament.
// The tournament must finish as if nothing happened, and the web view must come back and serve
// all of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect } from 'socket.io-client';
import { type Event, SocketEvents } from '@codearena/protocol';
import { ROOT } from '../paths.ts';
import { listContainers } from '../sandbox/cleanup.ts';
import { rawRequest, rawUpgrade } from './raw-http.fixture.ts';

const BIN = join(ROOT, 'server', 'bin', 'codearena.js');
let dir: string;
let cli: ChildProcess | null = null;
let output = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'codearena-serve-isolation-'));
});
afterAll(async () => {
  if (cli && cli.exitCode === null && cli.signalCode === null) {
    const exited = new Promise((ok) => cli!.once('exit', ok));
    cli.kill('SIGINT');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

const until = async (cond: () => boolean, what: string, ms = 180_000) => {
  const t0 = Date.now();
  while (!cond()) {
    if (cli?.exitCode !== null && cli?.exitCode !== undefined)
      throw new Error(`codearena exited (${cli.exitCode}) while waiting for ${what}:\n${output}`);
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** The gateway processes `codearena` (pid `parent`) runs. */
function gatewayChildren(parent: number): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      if (
        new RegExp(`^PPid:\\s+${parent}$`, 'm').test(status) &&
        !/^State:\s+Z/m.test(status) &&
        cmdline.includes('child-entry.mjs')
      )
        pids.push(Number(name));
    } catch {
      /* gone meanwhile */
    }
  }
  return pids;
}

describe('codearena run --serve', () => {
  it('finishes its tournament while its web view is attacked and its gateway process killed', async () => {
    const cfg = join(dir, 'tiny.yaml');
    writeFileSync(
      cfg,
      'tournament: { name: isolation, rounds: 2, sims_per_round: 4, seed: 4 }\narena: { id: battlesnake }\nplayers:\n  - { name: a, agent: { kind: noop } }\n  - { name: b, agent: { kind: noop } }\n',
    );
    cli = spawn(
      process.execPath,
      [BIN, 'run', cfg, '--serve', '--port', '0', '--token', 'tok', '--runs', join(dir, 'runs')],
      {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    cli.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    cli.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    await until(() => /web view: http:\/\/\S+/.test(output), 'the web view address');
    const url = new URL(/web view: (http:\/\/\S+)/.exec(output)![1]!);
    const port = Number(url.port);
    const runId = url.pathname.split('/').at(-1)!;
    const eventsFile = join(dir, 'runs', runId, 'events.jsonl');
    const host = 'Host: 127.0.0.1';

    // Finding 3's requests, unauthenticated: each one used to end the process, tournament included.
    expect((await rawUpgrade(port, 'http://[', [host])).status).toBe(400);
    expect((await rawUpgrade(port, '//', [host])).status).toBe(404);
    expect(
      (
        await rawRequest(port, [
          'GET /socket.io/?EIO=4&transport=polling HTTP/1.1',
          host,
          'Cookie: codearena_token=%E0%A4%A',
        ])
      ).status,
    ).toBe(403);
    expect((await rawUpgrade(port, '/stream?tournament=x', [host, 'Cookie: codearena_token=%E0%A4%A'])).status).toBe(
      401,
    );

    // Then the gateway process dies (as after a bug no guard caught), in mid-tournament.
    await until(
      () => gatewayChildren(cli!.pid!).length === 1 && existsSync(eventsFile),
      'the gateway process and the tournament',
    );
    const [victim] = gatewayChildren(cli.pid!);
    expect(readFileSync(eventsFile, 'utf8')).not.toContain('"tournament.finished"');
    process.kill(victim!, 'SIGKILL');
    await until(() => /gateway process died \(SIGKILL\)/.test(output), 'the restart notice');
    await until(() => gatewayChildren(cli!.pid!).some((p) => p !== victim), 'a new gateway process');

    // The tournament finishes normally; the new gateway serves all of it, live feed included.
    await until(() => /still serving; Ctrl-C to stop/.test(output), 'the end of the tournament');
    const lines = readFileSync(eventsFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Event);
    expect(lines.at(-1)).toMatchObject({ type: 'tournament.finished', status: 'finished' });
    const detail = await fetch(`http://127.0.0.1:${port}/api/tournaments/${runId}`, {
      headers: { Authorization: 'Bearer tok' },
    });
    expect(detail.status).toBe(200);
    expect(((await detail.json()) as { status: string }).status).toBe('finished');
    const s = connect(`http://127.0.0.1:${port}`, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { Authorization: 'Bearer tok' },
    });
    try {
      const got: Event[] = [];
      s.on(SocketEvents.events, (b: { events: Event[] }) => got.push(...b.events));
      expect(await s.emitWithAck(SocketEvents.watchTournament, { tournamentId: runId, since: -1 })).toEqual({
        ok: true,
        live: true,
      });
      await until(() => got.at(-1)?.type === 'tournament.finished', 'the replayed live feed', 30_000);
      expect(got.map((e) => e.seq)).toEqual(lines.map((e) => e.seq));
    } finally {
      s.disconnect();
    }

    // Ctrl-C: a clean exit, the gateway process gone with it, no container left.
    const gateways = gatewayChildren(cli.pid!);
    const exited = new Promise<number | null>((ok) => cli!.once('exit', (code) => ok(code)));
    cli.kill('SIGINT');
    expect(await exited).toBe(0);
    for (const pid of gateways)
      expect(existsSync(`/proc/${pid}`) && !/State:\s+Z/.test(readFileSync(`/proc/${pid}/status`, 'utf8'))).toBe(false);
    expect(await listContainers(runId)).toEqual([]); // this run's: others may share the daemon
  });
});
