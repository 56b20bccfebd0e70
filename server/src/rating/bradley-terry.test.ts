import { describe, expect, it } from 'vitest';
import { createRng } from '@codearena/protocol';
import { bootstrapBT, fitBradleyTerry } from './index.ts';
import type { LeaderboardRow, PairResult } from './index.ts';

/** Games between players of known Elo strength, decided by the Bradley–Terry/Elo curve. */
function simulate(truth: Readonly<Record<string, number>>, games: number, seed: string): PairResult[] {
  const rng = createRng(seed);
  const ids = Object.keys(truth);
  const out: PairResult[] = [];
  for (let g = 0; g < games; g++) {
    const i = rng.int(ids.length);
    const j = (i + 1 + rng.int(ids.length - 1)) % ids.length;
    const a = ids[i]!,
      b = ids[j]!;
    const pA = 1 / (1 + 10 ** ((truth[b]! - truth[a]!) / 400));
    out.push({ a, b, score: rng.next() < pA ? 1 : 0 });
  }
  return out;
}

const repeat = (n: number, r: PairResult): PairResult[] => Array.from({ length: n }, () => r);
const byId = (rows: LeaderboardRow[]) => Object.fromEntries(rows.map((r) => [r.id, r]));

const truth = { ann: 1000, bob: 1100, cat: 1250, dan: 1400, eve: 1450 };

describe('fitBradleyTerry', () => {
  it('recovers the order and gaps of players with known strengths', () => {
    const fit = fitBradleyTerry(simulate(truth, 4000, 'recover'));
    const ids = Object.keys(truth) as (keyof typeof truth)[];
    expect(Object.keys(fit).sort((x, y) => fit[x]! - fit[y]!)).toEqual(ids);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const tMean = mean(Object.values(truth)),
      fMean = mean(Object.values(fit));
    expect(fMean).toBeCloseTo(1200, 9); // centred on 1200
    for (const id of ids) expect(Math.abs(fit[id]! - fMean - (truth[id] - tMean))).toBeLessThan(35);
  });

  it('matches the closed form for two players, shrunk a little by the prior', () => {
    // 75–25 alone would give a gap of 400·log10(3) = 190.85; the virtual draw pulls it in.
    const fit = fitBradleyTerry([
      ...repeat(75, { a: 'a', b: 'b', score: 1 }),
      ...repeat(25, { a: 'a', b: 'b', score: 0 }),
    ]);
    const gap = fit.a! - fit.b!;
    expect(gap).toBeLessThan(190.85);
    expect(gap).toBeGreaterThan(185);
    expect(fit.a! + fit.b!).toBeCloseTo(2400, 9);
  });

  it('keeps an undefeated player finite', () => {
    const fit = fitBradleyTerry([
      ...repeat(20, { a: 'champ', b: 'x', score: 1 }),
      ...repeat(20, { a: 'y', b: 'champ', score: 0 }),
      ...repeat(5, { a: 'x', b: 'y', score: 0.5 }),
    ]);
    expect(Number.isFinite(fit.champ)).toBe(true);
    expect(fit.champ! - fit.x!).toBeGreaterThan(300);
    expect(fit.x).toBeCloseTo(fit.y!, 6);
  });

  it('counts a draw as half a win to each side', () => {
    const split = fitBradleyTerry([
      { a: 'a', b: 'b', score: 1 },
      { a: 'a', b: 'b', score: 0 },
      { a: 'a', b: 'c', score: 1 },
    ]);
    const drawn = fitBradleyTerry([
      { a: 'a', b: 'b', score: 0.5 },
      { a: 'b', b: 'a', score: 0.5 },
      { a: 'a', b: 'c', score: 1 },
    ]);
    for (const id of ['a', 'b', 'c']) expect(drawn[id]).toBeCloseTo(split[id]!, 9);
  });

  it('is unchanged by swapping sides (complementing the score) or reordering results', () => {
    const results = simulate(truth, 600, 'symmetry');
    const swapped = results.map(({ a, b, score }) => ({ a: b, b: a, score: (1 - score) as 0 | 1 }));
    const base = fitBradleyTerry(results);
    for (const other of [fitBradleyTerry(swapped), fitBradleyTerry([...results].reverse())]) {
      for (const id of Object.keys(base)) expect(other[id]).toBeCloseTo(base[id]!, 8);
    }
  });

  it('rates listed players without results at the prior', () => {
    const fit = fitBradleyTerry([], { players: ['p', 'q'] });
    expect(fit).toEqual({ p: 1200, q: 1200 });
  });
});

describe('bootstrapBT', () => {
  const results = simulate(truth, 800, 'boot');

  it('gives a sorted table whose intervals contain the point estimate', () => {
    const rows = bootstrapBT(results, { samples: 300, seed: 1 });
    // dan and eve are only 50 apart: 800 games need not separate them, so check the sort only.
    expect(rows.map((r) => r.id).sort()).toEqual(Object.keys(truth));
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.rating).toBeGreaterThanOrEqual(rows[i]!.rating);
    const fit = fitBradleyTerry(results);
    for (const r of rows) {
      expect(r.rating).toBeCloseTo(fit[r.id]!, 9);
      expect(r.lo).toBeLessThan(r.rating);
      expect(r.hi).toBeGreaterThan(r.rating);
    }
  });

  it("reports each player's record", () => {
    const rows = byId(
      bootstrapBT(
        [
          { a: 'a', b: 'b', score: 1 },
          { a: 'b', b: 'a', score: 1 },
          { a: 'a', b: 'c', score: 0.5 },
        ],
        { samples: 10, seed: 1 },
      ),
    );
    expect(rows.a).toMatchObject({ games: 3, wins: 1, draws: 1, losses: 1 });
    expect(rows.b).toMatchObject({ games: 2, wins: 1, draws: 0, losses: 1 });
    expect(rows.c).toMatchObject({ games: 1, wins: 0, draws: 1, losses: 0 });
  });

  it('narrows the intervals with more data', () => {
    const small = byId(bootstrapBT(simulate(truth, 400, 'narrow'), { samples: 300, seed: 2 }));
    const large = byId(bootstrapBT(simulate(truth, 6400, 'narrow'), { samples: 300, seed: 2 }));
    for (const id of Object.keys(truth)) {
      // 16× the games: width should fall by about 4×; demand at least 2.5×.
      expect((large[id]!.hi - large[id]!.lo) * 2.5).toBeLessThan(small[id]!.hi - small[id]!.lo);
    }
  });

  it('widens with the level and is reproducible from its seed', () => {
    const a = bootstrapBT(results, { samples: 200, seed: 'same' });
    expect(bootstrapBT(results, { samples: 200, seed: 'same' })).toEqual(a);
    expect(bootstrapBT(results, { samples: 200, seed: 'other' })).not.toEqual(a);
    const wide = byId(bootstrapBT(results, { samples: 200, seed: 'same', level: 0.99 }));
    for (const r of a) {
      expect(wide[r.id]!.lo).toBeLessThanOrEqual(r.lo);
      expect(wide[r.id]!.hi).toBeGreaterThanOrEqual(r.hi);
    }
  });

  it('handles no results, and rejects bad options', () => {
    expect(bootstrapBT([], { seed: 1 })).toEqual([]);
    expect(bootstrapBT([], { seed: 1, players: ['solo'] })).toEqual([
      { id: 'solo', rating: 1200, lo: 1200, hi: 1200, games: 0, wins: 0, draws: 0, losses: 0 },
    ]);
    expect(() => bootstrapBT(results, { seed: 1, level: 1 })).toThrow(RangeError);
    expect(() => bootstrapBT(results, { seed: 1, samples: 2.5 })).toThrow(RangeError);
  });

  it('handles 1,000 resamples of 5,000 results among 10 players (speed: see npm run bench)', () => {
    const ten = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`p${i}`, 1000 + 50 * i]));
    const rows = bootstrapBT(simulate(ten, 5000, 'speed'), { samples: 1000, seed: 3 });
    expect(rows).toHaveLength(10);
    expect(rows[0]!.id).toBe('p9');
  });
});

describe('weights and strata', () => {
  it('counts an outcome of weight k as k copies of it', () => {
    const weighted = fitBradleyTerry([
      { a: 'a', b: 'b', score: 1, weight: 3 },
      { a: 'a', b: 'b', score: 0, weight: 1 },
    ]);
    const copies = fitBradleyTerry([...repeat(3, { a: 'a', b: 'b', score: 1 }), { a: 'a', b: 'b', score: 0 }]);
    expect(weighted.a).toBeCloseTo(copies.a!, 9);
    expect(() => fitBradleyTerry([{ a: 'a', b: 'b', score: 1, weight: 0 }])).toThrow(/weight must be a positive/);
  });

  it('resamples each stratum on its own, so a stratum never grows or shrinks', () => {
    // Two strata of identical outcomes: every stratified resample is the data itself.
    const results = [
      ...repeat(10, { a: 'a', b: 'b', score: 1 as const }).map((r) => ({ ...r, stratum: 'x' })),
      ...repeat(10, { a: 'a', b: 'b', score: 0 as const }).map((r) => ({ ...r, stratum: 'y' })),
    ];
    const [top] = bootstrapBT(results, { samples: 100, seed: 3 });
    expect(top!.hi - top!.lo).toBeLessThan(1e-6);
    const [loose] = bootstrapBT(
      results.map(({ stratum: _, ...r }) => r),
      { samples: 100, seed: 3 },
    );
    expect(loose!.hi - loose!.lo).toBeGreaterThan(50);
  });
});
