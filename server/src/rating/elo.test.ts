import { describe, expect, it } from 'vitest';
import { eloUpdate, pairwiseFromRanks, pairwiseFromWins } from './index.ts';

describe('eloUpdate', () => {
  it('moves equal players by k/2 on a win', () => {
    expect(eloUpdate({ a: 1200, b: 1200 }, [{ a: 'a', b: 'b', score: 1 }], 32)).toEqual({ a: 1216, b: 1184 });
  });

  it('moves the favourite down on a draw', () => {
    // E(1400 vs 1200) = 1 / (1 + 10^(-200/400)) = 0.759747 ⇒ Δ = 32 · (0.5 − 0.759747) = −8.3119
    const r = eloUpdate({ hi: 1400, lo: 1200 }, [{ a: 'hi', b: 'lo', score: 0.5 }]);
    expect(r.hi).toBeCloseTo(1391.688, 3);
    expect(r.lo).toBeCloseTo(1208.312, 3);
  });

  it("inherits elo-rating's 400-point cap on the expected-score difference", () => {
    // diff 800 is treated as 400: E = 1/(1 + 10^-1) = 0.909091 ⇒ Δ = 32 · 0.090909 = 2.9091
    const r = eloUpdate({ a: 2000, b: 1200 }, [{ a: 'a', b: 'b', score: 1 }]);
    expect(r.a).toBeCloseTo(2002.909, 3);
    expect(r.b).toBeCloseTo(1197.091, 3);
  });

  it('updates all pairs from the pre-update ratings, whatever their order', () => {
    const start = { a: 1200, b: 1200, c: 1200 };
    const round = [
      { a: 'a', b: 'b', score: 1 as const },
      { a: 'b', b: 'c', score: 1 as const },
    ];
    // b lost one and won one at equal pre-round ratings, so it ends where it started; a
    // sequential update would have b play c at 1184 and gain more than 16.
    expect(eloUpdate(start, round)).toEqual({ a: 1216, b: 1200, c: 1184 });
    expect(eloUpdate(start, [...round].reverse())).toEqual({ a: 1216, b: 1200, c: 1184 });
  });

  it('keeps the rating sum, seeds newcomers at `initial`, keeps bystanders and leaves the input alone', () => {
    const start = { old: 1300, idle: 1111 };
    const r = eloUpdate(start, [{ a: 'old', b: 'new', score: 0 }], 20, 1500);
    expect(start).toEqual({ old: 1300, idle: 1111 });
    expect(r.idle).toBe(1111);
    expect(r.old! + r.new!).toBeCloseTo(1300 + 1500, 9);
    expect(r.new!).toBeGreaterThan(1500);
    expect(r.old!).toBeLessThan(1300);
  });

  it('refuses a self-pairing', () => {
    expect(() => eloUpdate({}, [{ a: 'x', b: 'x', score: 1 }])).toThrow(RangeError);
  });
});

describe('pairwise conversion', () => {
  it('turns ranks (1 best, equal = tie) into every pair', () => {
    expect(pairwiseFromRanks({ x: 1, y: 2, z: 2 })).toEqual([
      { a: 'x', b: 'y', score: 1 },
      { a: 'x', b: 'z', score: 1 },
      { a: 'y', b: 'z', score: 0.5 },
    ]);
    expect(pairwiseFromRanks({ p: 3, q: 1 })).toEqual([{ a: 'p', b: 'q', score: 0 }]);
    expect(pairwiseFromRanks({ solo: 1 })).toEqual([]);
  });

  it('turns win counts (more is better) into every pair', () => {
    expect(pairwiseFromWins({ x: 3, y: 5, z: 3 })).toEqual([
      { a: 'x', b: 'y', score: 0 },
      { a: 'x', b: 'z', score: 0.5 },
      { a: 'y', b: 'z', score: 1 },
    ]);
  });

  it('feeds a 4-player round into Elo', () => {
    const r = eloUpdate({}, pairwiseFromRanks({ w: 1, x: 2, y: 2, z: 4 }));
    expect(r).toEqual({ w: 1248, x: 1200, y: 1200, z: 1152 });
  });
});
