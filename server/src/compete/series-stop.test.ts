// playSeries' stopping hook on real sims (CoreWar reference warriors on the host engine): the
// sims that count are the deciding prefix by index, whatever order the sims finish in; sims
// played past it are reported, not counted; sims in play when it decides are stopped.
import { describe, expect, it } from 'vitest';
import { getArena } from '../arenas.ts';
import type { MatchResult } from './match-runner.ts';
import { openRuntime } from './runtime.ts';
import { SequentialStop } from './sequential.ts';
import { playSeries } from './series.ts';

const { arena, bots } = getArena('corewar');
const RULE = { alpha: 0.05, beta: 0.05, margin: 0.2 };

/** Yields to the event loop `n` times: lets later sims overtake earlier ones (no clock involved). */
const yieldTimes = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise<void>((r) => setImmediate(r));
};

async function series(concurrency: number, reorder: boolean) {
  const names = ['paper', 'scanner'];
  const players = await Promise.all(
    names.map((n) =>
      openRuntime(n, bots[n]!, {
        mode: 'host',
        arena,
        runId: 'sprt-series',
        limits: { memoryMb: 256, cpus: 1, pids: 64 },
        role: n,
      }),
    ),
  );
  const stop = new SequentialStop(names, RULE);
  const finishOrder: number[] = [];
  try {
    const r = await playSeries({
      arena,
      args: arena.parseArgs({}),
      players,
      sims: 200,
      concurrency,
      seedParts: ['sprt-series', 5],
      deadlineMs: arena.manifest.turnDeadlineMs,
      decide: (sim: number, m: MatchResult) => stop.record(sim, m.winner)?.sims ?? null,
      // Even sims end late: at concurrency 3 odd ones finish first.
      onMatchEnd: async (sim) => {
        if (reorder && sim % 2 === 0) await yieldTimes(50);
        finishOrder.push(sim);
      },
    });
    return { r, finishOrder, decision: stop.decision };
  } finally {
    await Promise.all(players.map((p) => p.dispose()));
  }
}

describe('playSeries with a stopping hook', () => {
  it('counts the deciding prefix by sim index at any concurrency and completion order', async () => {
    const one = await series(1, false);
    const three = await series(3, true);
    expect(one.decision?.winner).toBe('paper');
    expect(one.r.decidedAt).toBe(one.decision!.sims);
    expect(three.decision).toEqual(one.decision);
    expect(three.r.decidedAt).toBe(one.r.decidedAt);
    const view = (x: typeof one) => x.r.results.map((s) => [s.sim, s.seed, s.result.winner]);
    expect(view(three)).toEqual(view(one));
    expect(three.r.standings).toEqual(one.r.standings);
    expect(one.r.uncounted).toEqual([]);
    // The reordering did happen, and sims past the prefix that had finished are only reported.
    expect(three.finishOrder).not.toEqual([...three.finishOrder].sort((a, b) => a - b));
    expect(three.r.uncounted!.length).toBeGreaterThan(0);
    for (const sim of three.r.uncounted!) expect(sim).toBeGreaterThanOrEqual(three.r.decidedAt!);
    expect(three.r.aborted).toBe(false);
  });
});
