// `codearena bench`, Hold'em section: hands/s of the rules alone (in-process random players),
// and of the Python starter against the JavaScript reference bot as bare host processes and
// sandboxed (concurrency 1 and 2), all measured in this run.
import { getArena } from '../arenas.ts';
import { playLocal } from '../compete/local-play.ts';
import { bold, dim, table } from './format.ts';
import { type MatchRun, playMatch } from './match.ts';
import { openCost } from './bench-open-cost.ts';

export async function benchPoker(o: { sims: number }): Promise<void> {
  const entry = getArena('poker');
  const { hands } = entry.arena.parseArgs({}) as { hands: number };
  // A sim is ~0.6 s of 60 hands: half the BattleSnake count keeps a measurement of seconds.
  const sims = Math.max(2, Math.ceil(o.sims / 2));
  const pair = [entry.starter, entry.bots['reference-js']!];
  process.stderr.write(`${bold('bench')}: poker, ${sims} sims of ${hands} hands per measurement\n`);
  const measure = async (mode: 'docker' | 'host', concurrency: number) => {
    await playMatch('poker', pair, { sims: 1, seed: 99, concurrency, mode }); // warm-up
    const r = await playMatch('poker', pair, { sims, seed: 7, concurrency, mode });
    process.stderr.write(
      dim(
        `  starter vs reference-js, ${mode === 'host' ? 'host processes' : 'sandboxed'}, concurrency ${concurrency}: ${sims} sims in ${(r.ms / 1000).toFixed(2)} s\n`,
      ),
    );
    return r;
  };
  const handsPerS = (r: MatchRun) => (r.sims * hands) / (r.ms / 1000);
  const actionsPerS = (r: MatchRun) => r.turns / (r.ms / 1000);
  const host1 = await measure('host', 1);
  const box1 = await measure('docker', 1);
  const box2 = await measure('docker', 2);
  const rows = [
    ['starter vs reference-js, host processes (no sandbox), c=1', host1],
    ['starter vs reference-js, sandboxed, c=1', box1],
    ['starter vs reference-js, sandboxed, c=2', box2],
  ].map(([label, r]) => [label as string, handsPerS(r as MatchRun).toFixed(1), actionsPerS(r as MatchRun).toFixed(0)]);
  process.stdout.write(`\n${table(['poker setup', 'hands/s', 'actions/s'], rows, [1, 2])}\n\n`);
  process.stdout.write(`sandboxed / host (c=1):      ${(handsPerS(box1) / handsPerS(host1)).toFixed(2)}× hands/s\n`);
  process.stdout.write(dim(`${openCost(box1, host1)}\n`));
  process.stdout.write(`concurrency 2 / 1 (sandbox): ${(handsPerS(box2) / handsPerS(box1)).toFixed(2)}× hands/s\n`);
  for (const n of [2, 6])
    process.stdout.write(
      `engine alone (rules through the turn loop, ${n} in-process players, random legal actions): ${(await engineHandsPerSecond(n)).toFixed(0)} hands/s\n`,
    );
}

/** Rules speed through the turn loop with in-process players (random legal actions): every
 *  observation built and every reply sent through JSON as over the wire; no processes. */
export async function engineHandsPerSecond(players: number, seconds = 1): Promise<number> {
  const { arena } = getArena('poker');
  const ids = Array.from({ length: players }, (_, i) => `p${i}`);
  const args = arena.parseArgs({});
  let hands = 0;
  const t0 = performance.now();
  for (let g = 0; performance.now() - t0 < seconds * 1000; g++) {
    const { state } = await playLocal(arena, { players: ids, seed: `bench-poker/${g}`, args });
    hands += (state as { handsPlayed: number }).handsPlayed;
  }
  return hands / ((performance.now() - t0) / 1000);
}
