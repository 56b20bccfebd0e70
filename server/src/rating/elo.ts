// Live Elo after each round (DESIGN.md "Ratings"). elo-rating supplies the expected-score
// curve; its own `calculate` knows only win/loss and truncates changes to integers, so the
// update itself lives here, where draws score ½.
import EloRating from 'elo-rating';

/** One head-to-head outcome; `score` is from a's point of view (1 win, ½ draw, 0 loss). */
export type PairResult = { a: string; b: string; score: 1 | 0.5 | 0 };

/**
 * Applies all `results` at once: every expected score is taken from the pre-update ratings,
 * so the order of pairs inside one round cannot change anyone's rating. `k` applies per pair
 * (a player in a 4-player round takes up to three steps). Players absent from `ratings`
 * start at `initial`; the input is not modified.
 */
export function eloUpdate(
  ratings: Readonly<Record<string, number>>,
  results: readonly PairResult[],
  k = 32,
  initial = 1200,
): Record<string, number> {
  const before = (id: string): number => ratings[id] ?? initial;
  const delta = new Map<string, number>();
  const add = (id: string, d: number): void => void delta.set(id, (delta.get(id) ?? 0) + d);
  for (const { a, b, score } of results) {
    if (a === b) throw new RangeError(`eloUpdate: player ${a} cannot play itself`);
    // Called as a method: elo-rating's expected() reads `this.ratingDifference`.
    const expectedA = EloRating.expected(before(a), before(b));
    add(a, k * (score - expectedA));
    add(b, k * (expectedA - score)); // b's score is 1 - score and its expectation 1 - expectedA
  }
  const out: Record<string, number> = { ...ratings };
  for (const [id, d] of delta) out[id] = before(id) + d;
  return out;
}

/** Every pair of players once (i < j in key order), scored by `aBeatsB` (>0 win, 0 draw, <0 loss). */
function allPairs(values: Readonly<Record<string, number>>, aBeatsB: (a: number, b: number) => number): PairResult[] {
  const ids = Object.keys(values);
  const out: PairResult[] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i]!,
        b = ids[j]!;
      const cmp = aBeatsB(values[a]!, values[b]!);
      out.push({ a, b, score: cmp > 0 ? 1 : cmp < 0 ? 0 : 0.5 });
    }
  }
  return out;
}

/** One multi-player outcome (rank 1 best, equal ranks tie) as pairwise results. */
export function pairwiseFromRanks(ranks: Readonly<Record<string, number>>): PairResult[] {
  return allPairs(ranks, (ra, rb) => rb - ra);
}

/** Per-player win counts (e.g. sims won in a round; more is better) as pairwise results. */
export function pairwiseFromWins(wins: Readonly<Record<string, number>>): PairResult[] {
  return allPairs(wins, (wa, wb) => wa - wb);
}
