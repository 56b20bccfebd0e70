// The stopping rule on constructed sequences of sim winners: it decides quickly for a clearly
// better player, rarely names a winner when there is none (a statistical check with a fixed seed,
// so it is deterministic), handles N players, and depends on the sims' indices, not their order.
import { describe, expect, it } from 'vitest';
import { type Rng, createRng } from '@codearena/protocol';
import { scoreRound } from '../tournament/round-result.ts';
import { type Decision, SequentialStop, SequentialTest } from './sequential.ts';

const RULE = { alpha: 0.05, beta: 0.05, margin: 0.2 };

/** Sim winners drawn from `odds` (player → chance of winning a sim; the rest are ties). */
const draw = (rng: Rng, odds: Record<string, number>) => (): string | null => {
  let x = rng.next();
  for (const [p, q] of Object.entries(odds)) {
    if (x < q) return p;
    x -= q;
  }
  return null;
};

/** Runs the test over up to `max` sims; the decision, or null at max. */
function play(players: string[], next: () => string | null, max: number, rule = RULE): Decision | null {
  const t = new SequentialTest(players, rule);
  for (let i = 0; i < max; i++) if (t.push(next())) return t.decision;
  return null;
}

/** Decisions over `rounds` seeded rounds: how many named each player, and the mean sims. */
function trials(players: string[], odds: Record<string, number>, max: number, rounds = 2000, seed = 'sprt') {
  const rng = createRng(seed);
  const named: Record<string, number> = {};
  let sims = 0;
  for (let r = 0; r < rounds; r++) {
    const d = play(players, draw(rng, odds), max);
    if (d) named[d.winner] = (named[d.winner] ?? 0) + 1;
    sims += d?.sims ?? max;
  }
  return { named, decided: Object.values(named).reduce((a, b) => a + b, 0) / rounds, meanSims: sims / rounds };
}

describe('sequential stopping (SPRT per pair)', () => {
  it('names a player who wins every sim after the fewest sims the error rates allow', () => {
    // ln((1 - 0.05) / (0.05 / 2)) / ln(1 + 2 · 0.2) = 10.8: the 11th straight win decides.
    expect(play(['a', 'b'], () => 'a', 100)).toEqual({ winner: 'a', sims: 11 });
    expect(play(['a', 'b'], () => 'b', 10)).toBeNull();
    // Ties carry no evidence: they lengthen the round, they never decide it.
    let i = 0;
    expect(play(['a', 'b'], () => (i++ % 2 ? null : 'a'), 100)).toEqual({ winner: 'a', sims: 21 });
    expect(play(['a', 'b'], () => null, 1000)).toBeNull();
  });

  it('decides for a clearly better player (80 % of decisive sims) long before max, and for the right one', () => {
    const t = trials(['a', 'b'], { a: 0.6, b: 0.15 }, 100);
    expect(t.named.b ?? 0).toBe(0);
    expect(t.decided).toBeGreaterThan(1 - RULE.beta);
    expect(t.meanSims).toBeLessThan(30);
  });

  it('at 50/50 names a winner before max in at most alpha of the rounds', () => {
    for (const max of [50, 100, 1000]) {
      const t = trials(['a', 'b'], { a: 0.4, b: 0.4 }, max, 2000, `null-${max}`);
      expect(t.decided, `max ${max}`).toBeLessThanOrEqual(RULE.alpha);
    }
  });

  it('at the margin (70 % of decisive sims) the better player is named in at least 1 - beta of the rounds', () => {
    const t = trials(['a', 'b'], { a: 0.7, b: 0.3 }, 10_000);
    expect(t.decided).toBeGreaterThanOrEqual(1 - RULE.beta);
    expect(t.named.b ?? 0).toBe(0);
  });

  it('N players: the leader is named only once it is shown better than every other player', () => {
    const players = ['a', 'b', 'c', 'd'];
    const clear = trials(players, { a: 0.55, b: 0.15, c: 0.15, d: 0.15 }, 200);
    expect(clear.decided).toBeGreaterThan(0.95);
    expect(Object.keys(clear.named)).toEqual(['a']);
    // Two equally strong leaders: neither can be shown better than the other.
    const shared = trials(players, { a: 0.4, b: 0.4, c: 0.1, d: 0.1 }, 200, 2000, 'shared');
    expect(shared.decided).toBeLessThanOrEqual(RULE.alpha);
    // No better player at all: any early winner is an error, at most alpha in all.
    const none = trials(players, { a: 0.25, b: 0.25, c: 0.25, d: 0.25 }, 200, 2000, 'none');
    expect(none.decided).toBeLessThanOrEqual(RULE.alpha);
  });

  it('the named winner is the one the fixed rule names on the same prefix', () => {
    const rng = createRng('prefix');
    const players = ['a', 'b', 'c'];
    for (let r = 0; r < 300; r++) {
      const next = draw(rng, { a: 0.4, b: 0.3, c: 0.2 });
      const seq: (string | null)[] = [];
      const t = new SequentialTest(players, RULE);
      while (seq.length < 300 && !t.decision) {
        seq.push(next());
        t.push(seq.at(-1)!);
      }
      if (t.decision) expect(scoreRound(players, [], seq).winner).toBe(t.decision.winner);
    }
  });
});

describe('SequentialStop (sims finishing in any order)', () => {
  const winners = ['a', null, 'a', 'b', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'b', 'a', 'a'];
  const inOrder = () => {
    const s = new SequentialStop(['a', 'b'], RULE);
    winners.forEach((w, i) => s.record(i, w));
    return s.decision;
  };

  it('decides on the same prefix whatever order the sims finish in', () => {
    const expected = inOrder();
    expect(expected?.winner).toBe('a');
    const rng = createRng('orders');
    for (let k = 0; k < 50; k++) {
      const order = winners.map((_, i) => i).sort(() => rng.next() - 0.5);
      const s = new SequentialStop(['a', 'b'], RULE);
      for (const i of order) s.record(i, winners[i]!);
      expect(s.decision).toEqual(expected);
    }
  });

  it('waits for the missing sims of the prefix before deciding', () => {
    const s = new SequentialStop(['a', 'b'], RULE);
    for (let i = 1; i < winners.length; i++) expect(s.record(i, winners[i]!)).toBeNull();
    expect(s.record(0, winners[0]!)).toEqual(inOrder());
  });
});
