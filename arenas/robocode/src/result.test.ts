// The sim's outcome from the engine's result line: Robocode's ranking (total score, then rounds
// won), ties shared, and malformed results refused with a reason.
import { describe, expect, it } from 'vitest';
import { type SeatResult, outcomeOf } from './result.ts';

const seat = (score: number, firsts: number): SeatResult => ({
  score,
  survival: 0,
  lastSurvivorBonus: 0,
  bulletDamage: score,
  bulletDamageBonus: 0,
  ramDamage: 0,
  ramDamageBonus: 0,
  firsts,
  seconds: 0,
  thirds: 0,
  skippedTurns: 0,
});

describe('outcomeOf', () => {
  it('ranks by total score, then by rounds won; equal in both share a rank', () => {
    const o = outcomeOf({ rounds: 10, seats: [seat(900, 3), seat(1200, 2), seat(900, 5), seat(900, 3)] }, [
      'a',
      'b',
      'c',
      'd',
    ]);
    expect(o).toEqual({
      ranks: { b: 1, c: 2, a: 3, d: 3 },
      scores: { a: 900, b: 1200, c: 900, d: 900 },
      reason: 'total score over 10 rounds (rounds won 3–2–5–3)',
    });
  });

  it('names the robots that skipped turns (their battle depended on timing, not the seed alone)', () => {
    const o = outcomeOf({ rounds: 2, seats: [seat(10, 1), { ...seat(5, 1), skippedTurns: 7 }] }, ['a', 'b']);
    expect(typeof o !== 'string' && o.reason).toBe('total score over 2 rounds (rounds won 1–1); turns skipped: b 7');
  });

  it('a robot with no points (banned, say) ranks last whatever Robocode ranked it', () => {
    const o = outcomeOf({ rounds: 1, seats: [seat(0, 0), seat(150, 1)] }, ['hostile', 'starter']);
    expect(typeof o !== 'string' && o.ranks).toEqual({ hostile: 2, starter: 1 });
  });

  it('refuses results of the wrong size or shape with a reason', () => {
    expect(outcomeOf({ rounds: 1, seats: [seat(1, 1)] }, ['a', 'b'])).toBe('1 seats in the result for 2 players');
    expect(typeof outcomeOf({ rounds: 1, seats: [{ ...seat(1, 1), score: -5 }, seat(1, 1)] }, ['a', 'b'])).toBe(
      'string',
    );
    expect(typeof outcomeOf({ seats: 'none' }, ['a', 'b'])).toBe('string');
    expect(typeof outcomeOf({ rounds: 1, seats: [{ ...seat(1, 1), score: 1e300 }, seat(1, 1)] }, ['a', 'b'])).toBe(
      'string',
    );
  });
});
