// The canonical leaderboard: a Bradley–Terry fit over every round outcome in the store
// (rounds ≥ 1; round 0 is the starting-code baseline), by player name or by agent/model.
import type { GroupBy, PlayerInfo, RoundResult } from '@codearena/protocol';
import { bootstrapBT, type LeaderboardRow } from './bradley-terry.ts';
import { pairwiseFromWins, type PairResult } from './elo.ts';
import { winRateMatrix, type WinRateMatrix } from './win-rate.ts';

export const groupKey = (p: PlayerInfo, by: GroupBy): string =>
  by === 'player' ? p.name : p.model ? `${p.agent}:${p.model}` : p.agent;

export interface Leaderboard {
  by: GroupBy;
  rows: LeaderboardRow[];
  matrix: WinRateMatrix;
  rounds: number;
}

export function buildLeaderboard(
  results: readonly RoundResult[],
  by: GroupBy,
  opts: { samples?: number; seed?: number } = {},
): Leaderboard {
  const pairs: PairResult[] = [];
  let rounds = 0;
  for (const r of results) {
    if (r.round < 1) continue;
    rounds++;
    const key = new Map(r.players.map((p) => [p.name, groupKey(p, by)]));
    for (const pr of pairwiseFromWins(r.simWins)) {
      const a = key.get(pr.a) ?? pr.a;
      const b = key.get(pr.b) ?? pr.b;
      if (a !== b) pairs.push({ a, b, score: pr.score }); // two players of one model: no information
    }
  }
  const rows = bootstrapBT(pairs, { samples: opts.samples ?? 500, seed: opts.seed ?? 1 });
  return {
    by,
    rows,
    matrix: winRateMatrix(
      pairs,
      rows.map((r) => r.id),
    ),
    rounds,
  };
}
