// An engine arena's sims through the match runner (playSeries → engine session), on RoboCode's
// real engine in Docker: hostile robots are their own seat's faults and the series goes on; the
// same seed gives the same battle whatever the engine played before; a container that dies in
// mid-battle is infrastructure (voided, replayed, scored as if nothing happened); Ctrl-C leaves
// nothing behind; a codebase the engine cannot build forfeits its sims.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getArena } from '../arenas.ts';
import { arenaDir } from '../paths.ts';
import { docker } from '../sandbox/docker-client.ts';
import { listContainers, removeContainers } from '../sandbox/cleanup.ts';
import { type PlayerRuntime, openRuntime } from './runtime.ts';
import { type SeriesOptions, playSeries } from './series.ts';

const runId = `test-engine-session-${process.pid}`;
const { arena } = getArena('robocode');
const fixture = (...p: string[]) => join(arenaDir('robocode'), 'src', 'fixtures', ...p);
/** Small and short battles: what is tested is the runner, not Robocode. */
const args = arena.parseArgs({ rounds: 1, width: 400, height: 400 });
const limits = { memoryMb: 512, cpus: 1, pids: 128 };

afterAll(async () => {
  await removeContainers(runId);
});

async function series(
  codebases: [string, string][],
  o: Partial<SeriesOptions> & { sims: number },
): Promise<Awaited<ReturnType<typeof playSeries>>> {
  const players: PlayerRuntime[] = [];
  try {
    for (const [name, dir] of codebases)
      players.push(await openRuntime(name, dir, { mode: 'docker', arena, runId, limits, role: 'test' }));
    return await playSeries({
      arena,
      args,
      players,
      concurrency: 1,
      seedParts: ['engine-session'],
      deadlineMs: 1000,
      engineHost: { runId, role: 'test', cpus: 1 },
      ...o,
    });
  } finally {
    await Promise.all(players.map((p) => p.dispose()));
  }
}

describe('engine sessions (RoboCode)', () => {
  it('five hostile robots in one melee: each is a fault of its own seat, the honest robot wins, the next battle plays', async () => {
    const hostile = ['loop', 'exit', 'threads', 'hog', 'files'];
    const s = await series(
      [...hostile.map((h): [string, string] => [h, fixture('hostile', h)]), ['walker', fixture('plain', 'walker')]],
      { sims: 2 },
    );
    expect(s.results).toHaveLength(2);
    for (const { result } of s.results) {
      expect(result.winner).toBe('walker');
      expect(result.faults.filter((f) => f.player === 'walker')).toEqual([]);
      for (const h of hostile) {
        const faults = result.faults.filter((f) => f.player === h);
        expect(faults.length, `${h}: ${JSON.stringify(result.faults)}`).toBeGreaterThan(0);
        for (const f of faults) expect(['crash', 'timeout']).toContain(f.kind);
      }
    }
  });

  const duel: [string, string][] = [
    ['spinner', fixture('plain', 'spinner')],
    ['walker', fixture('plain', 'walker')],
  ];

  // Both draw random numbers every round (seeded from their start positions).
  const random: [string, string][] = [
    ['starter', join(arenaDir('robocode'), 'starter')],
    ['orbiter', join(arenaDir('robocode'), 'bots', 'orbiter')],
  ];

  it('the same seed gives the same battle, frame for frame, in a fresh engine as after other battles', async () => {
    const all = await series(random, { sims: 3, keepFrames: true });
    const alone = await series(random, { sims: 3, simIds: [2], keepFrames: true });
    const a = all.results.find((r) => r.sim === 2)!.result;
    const b = alone.results[0]!.result;
    expect(b.frames.length).toBeGreaterThan(10);
    // A robot over its time budget skips turns by the machine's load; the reasons say so.
    expect(JSON.stringify(b.frames) === JSON.stringify(a.frames), `${a.reason} | ${b.reason}`).toBe(true);
    expect([b.ranks, b.scores, b.turns]).toEqual([a.ranks, a.scores, a.turns]);
    // The viewer frames name the players in seat order.
    expect((b.frames[0] as { players: string[] }).players).toEqual(['starter', 'orbiter']);
  });

  it('an engine container killed in mid-battle is voided and replayed: the sim scores as if nothing happened', async () => {
    const calm = await series(duel, { sims: 1, keepFrames: true });
    const voids: string[] = [];
    let killed = false;
    const hit = await series(duel, {
      sims: 1,
      keepFrames: true,
      onFrame: () => {
        if (killed) return;
        killed = true;
        void listContainers(runId).then((list) =>
          Promise.all(list.filter((c) => c.role.startsWith('engine:')).map((c) => docker().getContainer(c.id).kill())),
        );
      },
      onVoid: (_sim, _seed, problem) => voids.push(problem),
    });
    expect(voids.length).toBe(1);
    expect(voids[0]).toMatch(/container .* (stopped|unreachable)/);
    const [a, b] = [calm.results[0]!.result, hit.results[0]!.result];
    expect([b.ranks, b.scores, b.turns, b.faults]).toEqual([a.ranks, a.scores, a.turns, []]);
    expect(JSON.stringify(b.frames) === JSON.stringify(a.frames)).toBe(true);
  });

  it('an abort stops the battle in play and leaves no container', async () => {
    const stop = new AbortController();
    const s = await series(duel, { sims: 2, signal: stop.signal, onFrame: () => stop.abort() });
    expect(s.aborted).toBe(true);
    expect(s.results).toEqual([]);
    expect(await listContainers(runId)).toEqual([]);
  });

  it('a codebase the engine cannot build forfeits its sims with the compiler message', async () => {
    const s = await series(
      [
        ['broken', fixture('plain', 'broken')],
        ['walker', fixture('plain', 'walker')],
      ],
      { sims: 1 },
    );
    const r = s.results[0]!.result;
    expect(r.ranks).toEqual({ broken: 2, walker: 1 });
    expect(r.faults).toHaveLength(1);
    expect(r.faults[0]).toMatchObject({ player: 'broken', kind: 'crash' });
    expect(r.faults[0]!.detail).toMatch(/did not build: .*error/);
  });
});
