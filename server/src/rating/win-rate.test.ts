import { describe, expect, it } from 'vitest';
import { winRateMatrix } from './index.ts';
import type { PairResult } from './index.ts';

const results: PairResult[] = [
  { a: 'b', b: 'a', score: 0 },
  { a: 'a', b: 'b', score: 1 },
  { a: 'a', b: 'b', score: 0.5 },
  { a: 'c', b: 'b', score: 1 },
];

describe('winRateMatrix', () => {
  it("gives the row player's score share, draws ½, null where players never met", () => {
    const m = winRateMatrix(results);
    expect(m.ids).toEqual(['a', 'b', 'c']);
    expect(m.games).toEqual([
      [0, 3, 0],
      [3, 0, 1],
      [0, 1, 0],
    ]);
    expect(m.rate[0]![1]).toBeCloseTo(2.5 / 3, 12);
    expect(m.rate[1]![0]).toBeCloseTo(0.5 / 3, 12);
    expect(m.rate[1]![2]).toBe(0);
    expect(m.rate[2]![1]).toBe(1);
    expect(m.rate[0]![2]).toBeNull();
    expect(m.rate[1]![1]).toBeNull();
  });

  it('follows a given order, appending players it did not name', () => {
    const m = winRateMatrix(results, ['c', 'a']);
    expect(m.ids).toEqual(['c', 'a', 'b']);
    expect(m.rate[0]![2]).toBe(1);
    expect(m.games[1]![2]).toBe(3);
  });
});
