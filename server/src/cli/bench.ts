// `codearena bench` (npm run bench): throughput measured in one run, reported as ratios so the
// figures hold on a noisy shared machine. BattleSnake: the starter (Python) against the
// JavaScript reference bot, sandboxed vs bare host processes, and concurrency 2 vs 1. Hold'em
// hands/s: bench-poker.ts. CoreWar battles/s: bench-corewar.ts. RoboCode: bench-robocode.ts.
// Halite and RobotRumble: bench-arena.ts.
// Campaigns: bench-campaign.ts. Sequential stopping (sims used vs a fixed count): bench-sequential.ts.
import { type Rng, createRng } from '@codearena/protocol';
import { getArena } from '../arenas.ts';
import { playLocal } from '../compete/local-play.ts';
import { bootstrapBT, type PairResult } from '../rating/index.ts';
import { bold, dim, table } from './format.ts';
import { benchProcessArena } from './bench-arena.ts';
import { benchCampaign } from './bench-campaign.ts';
import { benchCorewar } from './bench-corewar.ts';
import { benchPoker } from './bench-poker.ts';
import { benchRobocode } from './bench-robocode.ts';
import { benchSequential } from './bench-sequential.ts';
import { openCost } from './bench-open-cost.ts';
import { type MatchRun, playMatch } from './match.ts';
import { requireDocker } from './preflight.ts';

export async function benchCommand(o: { sims: number }): Promise<void> {
  const entry = getArena('battlesnake');
  await requireDocker([entry.arena.manifest.image]);
  const pairs = {
    'starter vs reference-js': [entry.starter, entry.bots['reference-js']!],
    'random vs random': [entry.bots['random']!, entry.bots['random']!],
  };
  const measure = async (pair: keyof typeof pairs, mode: 'docker' | 'host', concurrency: number) => {
    await playMatch('battlesnake', pairs[pair], { sims: 2, seed: 99, concurrency, mode }); // warm-up: caches, JIT
    const r = await playMatch('battlesnake', pairs[pair], { sims: o.sims, seed: 7, concurrency, mode });
    process.stderr.write(
      dim(
        `  ${pair}, ${mode === 'host' ? 'host processes' : 'sandboxed'}, concurrency ${concurrency}: ${o.sims} sims in ${(r.ms / 1000).toFixed(2)} s\n`,
      ),
    );
    return r;
  };
  process.stderr.write(`${bold('bench')}: battlesnake, ${o.sims} sims per measurement\n`);
  const simsPerS = (r: MatchRun) => r.sims / (r.ms / 1000);
  const turnsPerS = (r: MatchRun) => r.turns / (r.ms / 1000);
  const rows: string[][] = [];
  const row = (label: string, r: MatchRun) => rows.push([label, simsPerS(r).toFixed(2), turnsPerS(r).toFixed(0)]);
  const host1 = await measure('starter vs reference-js', 'host', 1);
  const box1 = await measure('starter vs reference-js', 'docker', 1);
  const box2 = await measure('starter vs reference-js', 'docker', 2);
  const rnd1 = await measure('random vs random', 'docker', 1);
  const rnd2 = await measure('random vs random', 'docker', 2);
  row('starter vs reference-js, host processes (no sandbox), c=1', host1);
  row('starter vs reference-js, sandboxed, c=1', box1);
  row('starter vs reference-js, sandboxed, c=2', box2);
  row('random vs random (cheap Python bots), sandboxed, c=1', rnd1);
  row('random vs random (cheap Python bots), sandboxed, c=2', rnd2);
  process.stdout.write(`${table(['setup', 'sims/s', 'turns/s'], rows, [1, 2])}\n\n`);
  process.stdout.write(`sandboxed / host (c=1):      ${(simsPerS(box1) / simsPerS(host1)).toFixed(2)}× sims/s\n`);
  process.stdout.write(dim(`${openCost(box1, host1)}\n`));
  process.stdout.write(`concurrency 2 / 1 (sandbox): ${(simsPerS(box2) / simsPerS(box1)).toFixed(2)}× sims/s\n`);
  process.stdout.write(
    dim(
      '(turns/s counts game turns, each a request to every living snake; peer: the official Battlesnake CLI with two Python HTTP bots, unsandboxed, ≈ 850 turns/s on this machine)\n',
    ),
  );
  process.stdout.write(
    `\nengine alone (rules through the turn loop, 4 in-process snakes, random moves): ${(await engineTurnsPerSecond()).toFixed(0)} turns/s\n`,
  );
  process.stdout.write(`Bradley–Terry, 1000 bootstrap fits of 5000 results, 10 players: ${btSeconds().toFixed(2)} s\n`);
  await benchPoker(o);
  await benchCorewar(o);
  await benchSequential();
  await benchRobocode(o);
  await benchProcessArena('halite', 'overkill', o);
  await benchProcessArena('robotrumble', 'hunter', o);
  await benchCampaign();
}

/** Rules speed through the turn loop with in-process players (random moves): no processes,
 *  no I/O — the ceiling the sandbox and bots are measured against. */
async function engineTurnsPerSecond(): Promise<number> {
  const { arena } = getArena('battlesnake');
  const dirs = ['up', 'down', 'left', 'right'];
  const args = arena.parseArgs({});
  const randomMove = () => (_req: unknown, rng: Rng) => ({ move: dirs[rng.int(4)] });
  let turns = 0;
  const t0 = performance.now();
  for (let g = 0; g < 300; g++) {
    turns += (
      await playLocal(arena, { players: ['a', 'b', 'c', 'd'], seed: `bench-engine/${g}`, args, policy: randomMove })
    ).turns;
  }
  return turns / ((performance.now() - t0) / 1000);
}

function btSeconds(): number {
  const rng = createRng('bench-bt');
  const ids = Array.from({ length: 10 }, (_, i) => `p${i}`);
  const results: PairResult[] = Array.from({ length: 5000 }, () => {
    const a = rng.int(10);
    const b = (a + 1 + rng.int(9)) % 10;
    const p = 1 / (1 + 10 ** (((b - a) * 50) / 400));
    return { a: ids[a]!, b: ids[b]!, score: rng.next() < p ? 1 : 0 };
  });
  const t0 = performance.now();
  bootstrapBT(results, { samples: 1000, seed: 1 });
  return (performance.now() - t0) / 1000;
}
