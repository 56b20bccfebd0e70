import { describe, expect, it } from 'vitest';
import { scoreRound, tournamentWinner } from './round-result.ts';

describe('scoreRound', () => {
  it('gives the round to the player with most sim wins', () => {
    const r = scoreRound(['a', 'b', 'c'], [], ['a', 'b', 'a', null, 'c', 'a']);
    expect(r.simWins).toEqual({ a: 3, b: 1, c: 1 });
    expect(r.ties).toBe(1);
    expect(r.winner).toBe('a');
    expect(r.ranks).toEqual({ a: 1, b: 2, c: 2 });
  });

  it('is a tie when the most wins are shared', () => {
    const r = scoreRound(['a', 'b'], [], ['a', 'b', null]);
    expect(r.winner).toBeNull();
    expect(r.ranks).toEqual({ a: 1, b: 1 });
  });

  it('ranks forfeiters below a player with zero wins', () => {
    const r = scoreRound(['a', 'b', 'c'], ['c'], [null, null]);
    expect(r.winner).toBeNull();
    expect(r.ranks).toEqual({ a: 1, b: 1, c: 3 });
  });

  it('gives the round to the only valid player without sims', () => {
    const r = scoreRound(['a', 'b'], ['b'], []);
    expect(r.winner).toBe('a');
    expect(r.ranks).toEqual({ a: 1, b: 2 });
  });

  it('is a tie when every codebase is invalid', () => {
    const r = scoreRound(['a', 'b'], ['a', 'b'], []);
    expect(r.winner).toBeNull();
    expect(r.ranks).toEqual({ a: 1, b: 1 });
  });
});

describe('tournamentWinner', () => {
  it('needs a sole leader with at least one round', () => {
    expect(tournamentWinner({ a: 2, b: 1 })).toBe('a');
    expect(tournamentWinner({ a: 1, b: 1 })).toBeNull();
    expect(tournamentWinner({ a: 0, b: 0 })).toBeNull();
  });
});
