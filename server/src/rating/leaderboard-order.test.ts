// The same rounds give the same leaderboard, intervals included, in whatever order the index
// returns them (tournaments of a campaign finish in another order on other workers).
import { describe, expect, it } from 'vitest';
import type { RoundResult } from '@codearena/protocol';
import { buildLeaderboard } from './leaderboard.ts';

const players = ['a', 'b', 'c'].map((name) => ({ name, agent: 'noop', model: null }));
const round = (t: string, r: number, simWins: Record<string, number>): RoundResult => ({
  tournamentId: t,
  arena: 'battlesnake',
  round: r,
  simWins,
  players,
});

describe('leaderboard order', () => {
  it('gives the same ratings and intervals for the same rounds in another order', () => {
    const rounds = [
      round('t1', 1, { a: 3, b: 1, c: 0 }),
      round('t1', 2, { a: 1, b: 2, c: 2 }),
      round('t2', 1, { a: 0, b: 3, c: 1 }),
      round('t2', 2, { a: 2, b: 2, c: 0 }),
      round('t3', 1, { a: 4, b: 0, c: 1 }),
    ];
    const forward = buildLeaderboard(rounds, 'player');
    const backward = buildLeaderboard([...rounds].reverse(), 'player');
    expect(backward.rows).toEqual(forward.rows);
    expect(forward.rows.some((r) => r.hi - r.lo > 0)).toBe(true);
  });
});
