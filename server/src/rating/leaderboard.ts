// The canonical leaderboard: a Bradley–Terry fit over every round outcome in the store
// (rounds ≥ 1; round 0 is the starting-code baseline), by player name or by agent/model.
import type { ComparisonGraph, GroupBy, PlayerInfo, RatedEntry, RoundResult } from '@codearena/protocol';
import { bootstrapBT, type WeightedResult } from './bradley-terry.ts';
import { comparisonGraph, componentIndex } from './components.ts';
import { pairwiseFromWins, type PairResult } from './elo.ts';
import { winRateMatrix, type WinRateMatrix } from './win-rate.ts';

export const groupKey = (p: PlayerInfo, by: GroupBy): string =>
  by === 'player' ? p.name : p.model ? `${p.agent}:${p.model}` : p.agent;

export interface Leaderboard {
  by: GroupBy;
  rows: RatedEntry[];
  graph: ComparisonGraph;
  matrix: WinRateMatrix;
  rounds: number;
}

export type FitSettings = { samples?: number; seed?: number };

/** One round's pairwise outcomes between entities (round < 1 gives none). */
export function roundPairs(r: RoundResult, by: GroupBy): PairResult[] {
  if (r.round < 1) return [];
  const key = new Map(r.players.map((p) => [p.name, groupKey(p, by)]));
  const pairs: PairResult[] = [];
  for (const pr of pairwiseFromWins(r.simWins)) {
    const a = key.get(pr.a) ?? pr.a;
    const b = key.get(pr.b) ?? pr.b;
    if (a !== b) pairs.push({ a, b, score: pr.score }); // two players of one model: no information
  }
  return pairs;
}

/**
 * The fit with its comparison graph: rows carry their component and are listed component by
 * component (largest first), by rating within one, because ratings are only comparable there.
 */
export function fitWithGraph(
  pairs: readonly WeightedResult[],
  opts: FitSettings = {},
): { rows: RatedEntry[]; graph: ComparisonGraph } {
  // The bootstrap draws outcomes by position: in a canonical order, the same outcomes give the
  // same intervals however the index happened to order them (tournaments finishing in another
  // order on other workers, a reindex).
  const canonical = [...pairs].sort(byOutcome);
  const graph = comparisonGraph(canonical);
  const component = componentIndex(graph);
  const rows = bootstrapBT(canonical, { samples: opts.samples ?? 500, seed: opts.seed ?? 1 })
    .map((r) => ({ ...r, component: component.get(r.id) ?? 0 }))
    .sort((x, y) => x.component - y.component); // stable: rating order within a component
  return { rows, graph };
}

export function buildLeaderboard(results: readonly RoundResult[], by: GroupBy, opts: FitSettings = {}): Leaderboard {
  const counted = results.filter((r) => r.round >= 1);
  const pairs = counted.flatMap((r) => roundPairs(r, by));
  const { rows, graph } = fitWithGraph(pairs, opts);
  return {
    by,
    rows,
    graph,
    matrix: winRateMatrix(
      pairs,
      rows.map((r) => r.id),
    ),
    rounds: counted.length,
  };
}

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
function byOutcome(x: WeightedResult, y: WeightedResult): number {
  return (
    cmp(x.stratum ?? '', y.stratum ?? '') ||
    cmp(x.a, y.a) ||
    cmp(x.b, y.b) ||
    x.score - y.score ||
    (x.weight ?? 1) - (y.weight ?? 1)
  );
}
