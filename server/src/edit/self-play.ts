// The agent's self-play: sandboxed sims of a candidate codebase against copies of a baseline,
// with as many seats as the tournament has players and the same seeds on every call of one
// edit phase (common random numbers), so candidates are compared on the same games.
import type { Arena, EditContext, SelfPlayResult } from '@codearena/protocol';
import { type PlayerRuntime, type RuntimeMode, openRuntime } from '../compete/runtime.ts';
import { playSeries } from '../compete/series.ts';
import type { SandboxLimits } from '../sandbox/limits.ts';

export interface SelfPlayOptions {
  runId: string;
  round: number;
  player: string;
  arena: Arena;
  arenaArgs: unknown;
  seed: number;
  /** Players per sim in the tournament. */
  seats: number;
  mode: RuntimeMode;
  limits: SandboxLimits;
  deadlineMs: number;
}

export function selfPlayFor(o: SelfPlayOptions): EditContext['selfPlay'] {
  return async (candidateDir, baselineDir, sims): Promise<SelfPlayResult> => {
    const opts = { mode: o.mode, arena: o.arena, runId: o.runId, limits: o.limits, role: `selfplay:${o.player}` };
    const seats = Math.min(o.arena.manifest.players.max, Math.max(2, o.seats));
    const runtimes: PlayerRuntime[] = [];
    try {
      runtimes.push(await openRuntime('candidate', candidateDir, opts));
      // One container holds the baseline; each extra seat is another bot process in it.
      const base = await openRuntime('baseline', baselineDir, opts);
      runtimes.push(base);
      for (let s = 2; s < seats; s++) runtimes.push({ ...base, name: `baseline-${s}`, dispose: async () => {} });
      const { standings } = await playSeries({
        arena: o.arena,
        args: o.arenaArgs,
        players: runtimes,
        sims,
        concurrency: 1,
        seedParts: [o.seed, 'selfplay', o.round, o.player],
        deadlineMs: o.deadlineMs,
        engineHost: { runId: o.runId, role: `selfplay:${o.player}`, cpus: o.limits.cpus },
      });
      const c = standings[0]!;
      return { sims, seats, wins: c.wins, losses: c.losses, ties: c.ties, faults: c.faults };
    } finally {
      await Promise.all(runtimes.map((r) => r.dispose()));
    }
  };
}
