// `codearena bench`, sections for process arenas measured the same way (Halite, RobotRumble):
// sims/s of the starter against a reference bot as bare host processes and sandboxed, and of the
// rules alone with in-process players (the arena's sampleMove), all in this run.
import { getArena } from '../arenas.ts';
import { playLocal } from '../compete/local-play.ts';
import { bold, dim, table } from './format.ts';
import { type MatchRun, playMatch } from './match.ts';
import { openCost } from './bench-open-cost.ts';

export async function benchProcessArena(id: string, bot: string, o: { sims: number }): Promise<void> {
  const entry = getArena(id);
  const sims = Math.max(2, Math.ceil(o.sims / 2));
  const pair = [entry.starter, entry.bots[bot]!];
  process.stderr.write(`${bold('bench')}: ${id}, starter vs ${bot}, ${sims} sims per measurement\n`);
  const measure = async (mode: 'docker' | 'host') => {
    await playMatch(id, pair, { sims: 1, seed: 99, concurrency: 1, mode }); // warm-up
    const r = await playMatch(id, pair, { sims, seed: 7, concurrency: 1, mode });
    process.stderr.write(
      dim(`  ${mode === 'host' ? 'host processes' : 'sandboxed'}: ${sims} sims in ${(r.ms / 1000).toFixed(2)} s\n`),
    );
    return r;
  };
  const simsPerS = (r: MatchRun) => r.sims / (r.ms / 1000);
  const turnsPerS = (r: MatchRun) => r.turns / (r.ms / 1000);
  const host = await measure('host');
  const box = await measure('docker');
  const rows = [
    [`starter vs ${bot}, host processes (no sandbox)`, host],
    [`starter vs ${bot}, sandboxed`, box],
  ].map(([label, r]) => [label as string, simsPerS(r as MatchRun).toFixed(2), turnsPerS(r as MatchRun).toFixed(0)]);
  process.stdout.write(`\n${table([`${id} setup`, 'sims/s', 'turns/s'], rows, [1, 2])}\n\n`);
  process.stdout.write(`sandboxed / host: ${(simsPerS(box) / simsPerS(host)).toFixed(2)}× sims/s\n`);
  process.stdout.write(dim(`${openCost(box, host)}\n`));
  process.stdout.write(
    `rules alone (the turn loop, 2 in-process players, sampled moves): ${(await rulesSimsPerSecond(id)).toFixed(1)} sims/s\n`,
  );
}

async function rulesSimsPerSecond(id: string, seconds = 1): Promise<number> {
  const { arena } = getArena(id);
  const args = arena.parseArgs({});
  let sims = 0;
  const t0 = performance.now();
  for (; performance.now() - t0 < seconds * 1000; sims++)
    await playLocal(arena, { players: ['a', 'b'], seed: `bench-${id}/${sims}`, args });
  return sims / ((performance.now() - t0) / 1000);
}
