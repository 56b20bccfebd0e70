// A ladder's rungs ranked: the Bradley–Terry fit with bootstrap intervals (the leaderboard's own,
// on the Elo scale) over every sim of every pair played, and the pairwise win matrix.
import type { LadderFile, LadderPair, LadderSpec, LadderStanding } from '@codearena/protocol';
import { type PairResult, bootstrapBT, winRateMatrix, type WinRateMatrix } from '../rating/index.ts';

/** Bootstrap resamples and seed: the same pairs give the same intervals. */
const SAMPLES = 500;

/** Each sim of each pair as one outcome (a tie is half a win each), pairs in a fixed order: the
 *  bootstrap resamples by position, so the same pairs give the same intervals however they were
 *  listed (the CLI has them in play order, the web view in file order). */
export function simResults(pairs: readonly LadderPair[]): PairResult[] {
  const sorted = [...pairs].sort((x, y) => x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
  return sorted.flatMap((p) =>
    p.winners.map((w): PairResult => ({ a: p.a, b: p.b, score: w === p.a ? 1 : w === p.b ? 0 : 0.5 })),
  );
}

/** Pairs played under this ladder's current spec (same codebase contents, sims, seed; both rungs
 *  in it); the others are stale. */
export function currentPairs(ladder: LadderFile, pairs: readonly LadderPair[]): LadderPair[] {
  const hash = new Map(ladder.rungs.map((r) => [r.name, r.hash]));
  return pairs.filter(
    (p) =>
      p.sims === ladder.sims &&
      p.seed === ladder.seed &&
      hash.get(p.a) === p.hashes[0] &&
      hash.get(p.b) === p.hashes[1] &&
      p.winners.length === p.sims,
  );
}

/** Rungs by rating, strongest first (ties by name, so the order is stable). */
export function ladderStandings(ladder: LadderSpec, pairs: readonly LadderPair[]): LadderStanding[] {
  const rows = bootstrapBT(simResults(pairs), {
    players: ladder.rungs.map((r) => r.name),
    samples: SAMPLES,
    seed: `ladder/${ladder.name}/${ladder.seed}`,
  });
  return rows
    .map(({ id, rating, lo, hi, wins, draws, losses }) => ({ name: id, rating, lo, hi, wins, draws, losses }))
    .sort((x, y) => y.rating - x.rating || x.name.localeCompare(y.name));
}

/** Win rates row vs column, rows and columns in `order` (the standings'). */
export function ladderMatrix(pairs: readonly LadderPair[], order: readonly string[]): WinRateMatrix {
  return winRateMatrix(simResults(pairs), order);
}
