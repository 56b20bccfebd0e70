// The battles `pmars -b -r <rounds> -F <position> a b` plays: the second warrior placed by pMARS's
// own position generator (Park–Miller minimal standard RNG, seeded with position - distance),
// the first warrior moving first in odd rounds and second in even ones. The tests replay such
// series to compare results with pMARS, and the bench to compare speed on the same battles.
import type { Warrior } from './assembler.ts';
import { createBattle, cycleOf, runBattle } from './mars.ts';
import type { Settings } from './settings.ts';

export interface SeriesResult {
  /** For the first warrior: wins, losses, ties (pMARS's "Results:" line). */
  score: [number, number, number];
  /** Instructions executed and cycles elapsed, over all battles. */
  instructions: number;
  cycles: number;
}

const nextSeed = (s: number) => {
  const t = 16807 * (s % 127773) - 2836 * Math.floor(s / 127773);
  return t < 0 ? t + 2147483647 : t;
};

export function pmarsSeries(
  a: Warrior,
  b: Warrior,
  settings: Settings,
  rounds: number,
  fixedPosition: number,
): SeriesResult {
  let seed = fixedPosition - settings.minDistance;
  const score: [number, number, number] = [0, 0, 0];
  let instructions = 0;
  let cycles = 0;
  for (let r = 0; r < rounds; r++) {
    const position = settings.minDistance + (seed % (settings.coreSize + 1 - 2 * settings.minDistance));
    seed = nextSeed(seed);
    const battle = createBattle([a, b], settings, { positions: [0, position], order: r % 2 === 0 ? [0, 1] : [1, 0] });
    runBattle(battle, 2 * settings.maxCycles);
    instructions += battle.executed;
    cycles += cycleOf(battle);
    if (battle.alive === 2) score[2]++;
    else score[battle.deaths[0]!.warrior === 1 ? 0 : 1]++;
  }
  return { score, instructions, cycles };
}
