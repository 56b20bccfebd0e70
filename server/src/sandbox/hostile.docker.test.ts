// Hostile codebases against the real sandbox: each attack is contained, shows up as a
// recorded fault (or, for the prober, as no fault at all), and the match still finishes.
import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getArena } from '../arenas.ts';
import { createBotClient } from '../compete/bot-client.ts';
import { type PlayerRuntime, openRuntime } from '../compete/runtime.ts';
import { playSeries } from '../compete/series.ts';
import { FIXTURE_BOTS } from '../paths.ts';
import { listContainers, removeContainers } from './cleanup.ts';
import { createSandbox } from './sandbox.ts';

const { arena, starter } = getArena('battlesnake');
const runId = `test-hostile-${process.pid}`;
const limits = { memoryMb: 256, cpus: 1, pids: 64 };
const bot = (name: string) => join(FIXTURE_BOTS, name);
/**
 * Turn deadline: generous, so the opponent is never late, even on a busy machine, and a fault
 * is the hostile bot's doing; only the bot that never answers is played at a short one.
 */
const PATIENT_MS = 30_000;

afterAll(async () => {
  await removeContainers(runId);
});

async function versus(hostile: string, opponent = starter, deadlineMs = PATIENT_MS) {
  const rts: PlayerRuntime[] = [];
  try {
    rts.push(await openRuntime('hostile', bot(hostile), { mode: 'docker', arena, runId, limits, role: 'test' }));
    rts.push(await openRuntime('opponent', opponent, { mode: 'docker', arena, runId, limits, role: 'test' }));
    const s = await playSeries({
      arena,
      args: arena.parseArgs({}),
      players: rts,
      sims: 1,
      concurrency: 1,
      seedParts: ['hostile', hostile],
      deadlineMs,
    });
    return s;
  } finally {
    await Promise.all(rts.map((r) => r.dispose()));
  }
}
const faultsOf = (s: Awaited<ReturnType<typeof versus>>, player: string) =>
  s.results.flatMap((r) => r.result.faults).filter((f) => f.player === player);

describe('hostile bots are contained', () => {
  it('finds no network, no Docker socket, no root, no capabilities, no writable code, no opponent code', async () => {
    const s = await versus('prober', bot('secret'));
    expect(faultsOf(s, 'hostile')).toEqual([]);
    expect(s.results[0]!.result.turns).toBeGreaterThan(0);
  });

  it('the prober does report a breach when the sandbox is weakened (its code mounted writable)', async () => {
    // A copy anyone may write, mounted read-write: the one protection removed.
    const dir = mkdtempSync(join(tmpdir(), 'prober-'));
    cpSync(bot('prober'), dir, { recursive: true });
    chmodSync(dir, 0o777);
    const sb = await createSandbox({
      image: arena.manifest.image,
      runId,
      role: 'test',
      limits,
      mounts: [{ host: dir, container: '/code', readOnly: false }],
    });
    try {
      const c = createBotClient(await sb.spawn(['./run'], { cwd: '/code' }));
      const r = await c.request({ type: 'move' }, 10_000);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.fault.detail).toContain('BREACH: write own codebase');
      await c.close();
    } finally {
      await sb.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a fork bomb hits the pids cap; the match finishes and the opponent is unharmed', async () => {
    const s = await versus('forkbomb');
    expect(s.results).toHaveLength(1);
    expect(faultsOf(s, 'opponent')).toEqual([]);
  });

  it('memory exhaustion is killed by the memory cap and recorded as a crash', async () => {
    const s = await versus('memhog');
    expect(faultsOf(s, 'hostile').map((f) => f.kind)).toContain('crash');
    expect(faultsOf(s, 'opponent')).toEqual([]);
  });

  it('an endless stdout line is cut at the reply cap', async () => {
    const s = await versus('flooder');
    expect(faultsOf(s, 'hostile').map((f) => f.kind)).toContain('output_limit');
  });

  it('a bot that never answers gets timeouts and its snake repeats its last move', async () => {
    // Its first turn costs the wall-clock cap of a 200 ms CPU budget (1.2 s), the next ones 200 ms
    // each; the opponent, timed by its CPU time, is never late however busy the machine.
    const s = await versus('silent', starter, 200);
    const f = faultsOf(s, 'hostile');
    expect(f.map((x) => x.kind)).toEqual(['timeout']);
    expect(s.results[0]!.result.winner).toBe('opponent');
  });

  it('garbage replies are bad_output / invalid_move faults', async () => {
    const s = await versus('garbage');
    const kinds = new Set(faultsOf(s, 'hostile').map((f) => f.kind));
    expect(kinds.has('bad_output') || kinds.has('invalid_move')).toBe(true);
  });

  it('a crashing bot is a crash fault with its last words', async () => {
    const s = await versus('crasher');
    const f = faultsOf(s, 'hostile');
    expect(f[0]?.kind).toBe('crash');
    expect(f[0]?.detail).toContain('crashing on purpose');
  });

  it('leaves no containers behind', async () => {
    expect(await listContainers(runId)).toEqual([]);
  });
});
