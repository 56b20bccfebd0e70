// `codearena bench` (npm run bench): throughput measured in one run, reported as ratios so the
// figures hold on a noisy shared machine. BattleSnake: the starter (Python) against the
// JavaScript reference bot, sandboxed vs bare host processes, and concurrency 2 vs 1.
import { getArena } from '../arenas.ts';
import { bold, dim, table } from './format.ts';
import { type MatchRun, playMatch } from './match.ts';
import { requireDocker } from './preflight.ts';

export async function benchCommand(o: { sims: number }): Promise<void> {
  const entry = getArena('battlesnake');
  await requireDocker([entry.arena.manifest.image]);
  const dirs = [entry.starter, entry.bots['reference-js']!];
  const measure = async (label: string, mode: 'docker' | 'host', concurrency: number) => {
    await playMatch('battlesnake', dirs, { sims: 2, seed: 99, concurrency, mode }); // warm-up: caches, JIT
    const r = await playMatch('battlesnake', dirs, { sims: o.sims, seed: 7, concurrency, mode });
    process.stderr.write(dim(`  ${label}: ${o.sims} sims in ${(r.ms / 1000).toFixed(2)} s\n`));
    return r;
  };
  process.stderr.write(`${bold('bench')}: battlesnake, starter (python) vs reference-js, ${o.sims} sims each\n`);
  const host1 = await measure('host processes, concurrency 1', 'host', 1);
  const box1 = await measure('sandboxed, concurrency 1', 'docker', 1);
  const box2 = await measure('sandboxed, concurrency 2', 'docker', 2);
  const simsPerS = (r: MatchRun) => r.sims / (r.ms / 1000);
  const turnsPerS = (r: MatchRun) => r.turns / (r.ms / 1000);
  const rows = [
    ['host processes (no sandbox), c=1', simsPerS(host1).toFixed(2), turnsPerS(host1).toFixed(0)],
    ['sandboxed, c=1', simsPerS(box1).toFixed(2), turnsPerS(box1).toFixed(0)],
    ['sandboxed, c=2', simsPerS(box2).toFixed(2), turnsPerS(box2).toFixed(0)],
  ];
  process.stdout.write(`${table(['setup', 'sims/s', 'turns/s'], rows, [1, 2])}\n\n`);
  process.stdout.write(`sandboxed / host (c=1):      ${(simsPerS(box1) / simsPerS(host1)).toFixed(2)}× sims/s\n`);
  process.stdout.write(`concurrency 2 / 1 (sandbox): ${(simsPerS(box2) / simsPerS(box1)).toFixed(2)}× sims/s\n`);
  process.stdout.write(dim('(turns/s counts game turns, each one a request to every living snake; the official CLI with two HTTP bots does ≈ 850 turns/s here)\n'));
}
