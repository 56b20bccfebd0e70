import { describe, expect, it } from 'vitest';
import type { RoundResult } from '@codearena/protocol';
import { comparisonGraph } from './components.ts';
import { buildLeaderboard } from './leaderboard.ts';

const met = (a: string, b: string, n = 1) => Array.from({ length: n }, () => ({ a, b }));

describe('comparisonGraph', () => {
  it('is one component when everyone is linked, with nothing to suggest', () => {
    const g = comparisonGraph([...met('a', 'b'), ...met('b', 'c'), ...met('c', 'd')]);
    expect(g.components).toEqual([['a', 'b', 'c', 'd']]);
    expect(g.bridges).toEqual([]);
  });

  it('names every component, largest first, and joins each to the largest through its busiest members', () => {
    const g = comparisonGraph([
      ...met('gpt', 'o3', 2),
      ...met('o3', 'mini', 5), // o3: 7 games, the busiest of the big part
      ...met('sonnet', 'opus', 3),
      ...met('opus', 'haiku', 1), // opus: 4 games
      ...met('x', 'y', 1), // a tie: the first by name
    ]);
    expect(g.components).toEqual([
      ['gpt', 'mini', 'o3'],
      ['haiku', 'opus', 'sonnet'],
      ['x', 'y'],
    ]);
    // k components need k − 1 pairings at least; this is a star on the largest.
    expect(g.bridges).toEqual([
      { a: 'o3', b: 'opus', joins: [0, 1] },
      { a: 'o3', b: 'x', joins: [0, 2] },
    ]);
    // Playing the suggested pairs joins the graph.
    expect(
      comparisonGraph([...met('gpt', 'o3'), ...met('sonnet', 'opus'), ...met('x', 'y'), ...g.bridges]).components,
    ).toHaveLength(1);
  });

  it('lists entities without games as their own components', () => {
    expect(comparisonGraph(met('a', 'b'), ['c']).components).toEqual([['a', 'b'], ['c']]);
  });
});

const round = (tournamentId: string, wins: Record<string, number>): RoundResult => ({
  tournamentId,
  arena: 'battlesnake',
  round: 1,
  simWins: wins,
  players: Object.keys(wins).map((name) => ({ name, agent: 'noop', model: null })),
});

describe('buildLeaderboard on a split store', () => {
  it('reports the components, marks each row with its part and suggests the bridge', () => {
    const lb = buildLeaderboard(
      [round('t1', { a: 3, b: 1 }), round('t2', { c: 2, d: 0 }), round('t3', { c: 1, d: 1 })],
      'player',
      { samples: 20 },
    );
    expect(lb.graph.components).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(lb.graph.bridges).toEqual([{ a: 'a', b: 'c', joins: [0, 1] }]);
    expect(lb.rows.map((r) => [r.id, r.component])).toEqual([
      ['a', 0],
      ['b', 0],
      ['c', 1],
      ['d', 1],
    ]);
  });
});
