// Head-to-head table for the leaderboard: each row player's score share against each column
// player (draws count ½), null where they never met.
import type { PairResult } from './elo.ts';

export type WinRateMatrix = { ids: string[]; rate: (number | null)[][]; games: number[][] };

/** `order` fixes the row/column order (e.g. leaderboard order); other players follow, sorted. */
export function winRateMatrix(results: readonly PairResult[], order: readonly string[] = []): WinRateMatrix {
  const seen = new Set(results.flatMap((r) => [r.a, r.b]));
  const ids = [...new Set([...order, ...[...seen].sort()])];
  const pos = new Map(ids.map((id, i) => [id, i]));
  const score = ids.map(() => ids.map(() => 0));
  const games = ids.map(() => ids.map(() => 0));
  for (const { a, b, score: sc } of results) {
    const i = pos.get(a)!,
      j = pos.get(b)!;
    score[i]![j]! += sc;
    score[j]![i]! += 1 - sc;
    games[i]![j]! += 1;
    games[j]![i]! += 1;
  }
  const rate = games.map((row, i) => row.map((g, j) => (g > 0 ? score[i]![j]! / g : null)));
  return { ids, rate, games };
}
