// The shipped warriors (starter and reference bots) as pMARS plays them: `pmars -b -r 50 -F 2345
// a b` places the second warrior with pMARS's own position generator and alternates who moves
// first; replaying the same 50 battles here must give the same wins, losses and ties.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pmarsSeries } from './pmars-series.ts';
import { DEFAULT_SETTINGS as S } from './settings.ts';
import { asm } from './test-support.ts';

const ARENA = join(dirname(fileURLToPath(import.meta.url)), '..');
const warrior = (dir: string) => asm(readFileSync(join(ARENA, dir, 'warrior.red'), 'utf8'));

const series = (a: string, b: string, rounds: number, fixed: number) =>
  pmarsSeries(warrior(a), warrior(b), S, rounds, fixed).score;

describe('shipped warriors against each other, as in pMARS', () => {
  it.each([
    // a, b, pMARS's "Results:" for a: wins, losses, ties
    ['bots/dwarf', 'bots/imp', [11, 0, 39]],
    ['bots/imp', 'bots/imp', [0, 0, 50]],
    ['starter', 'bots/dwarf', [23, 4, 23]],
    ['bots/paper', 'bots/stone', [31, 15, 4]],
    ['bots/scanner', 'bots/paper', [1, 28, 21]],
    ['starter', 'bots/scanner', [20, 11, 19]],
    ['bots/stone', 'bots/scanner', [24, 22, 4]],
    ['starter', 'bots/paper', [16, 13, 21]],
    ['bots/scanner', 'bots/imp', [1, 0, 49]],
    ['bots/scanner', 'bots/dwarf', [22, 23, 5]],
  ] as const)('%s vs %s over 50 battles', (a, b, expected) => {
    expect(series(a, b, 50, 2345)).toEqual(expected);
  });

  it('an imp never kills (it only turns others into imps) and never dies to an imp', () => {
    expect(series('bots/imp', 'bots/imp', 10, 777)).toEqual([0, 0, 10]);
  });
});
