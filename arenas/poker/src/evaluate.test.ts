// The hand evaluator (phe) against a brute-force one written from the rules, before the arena
// relies on it: every five-card hand, random seven-card hands, and hand-picked edge cases.
import { createRng, shuffle } from '@codearena/protocol';
import { describe, expect, it } from 'vitest';
import { FULL_DECK, parseCards } from './cards.ts';
import { category, strength } from './evaluate.ts';

/** Brute force: a number that grows with hand value (category, then tie-break ranks). */
function key5(cards: readonly number[]): number {
  const ranks = cards.map((c) => c >> 2).sort((a, b) => b - a);
  const flush = cards.every((c) => (c & 3) === (cards[0]! & 3));
  const distinct = new Set(ranks).size === 5;
  let straightHigh = -1;
  if (distinct && ranks[0]! - ranks[4]! === 4) straightHigh = ranks[0]!;
  if (distinct && ranks[0] === 12 && ranks[1] === 3) straightHigh = 3; // the wheel, five-high
  const counts = new Map<number, number>();
  for (const r of ranks) counts.set(r, (counts.get(r) ?? 0) + 1);
  const groups = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
  const shape = groups.map((g) => g[1]).join('');
  const byGroup = groups.map((g) => g[0]);
  const [cat, tie] =
    straightHigh >= 0 && flush
      ? [8, [straightHigh]]
      : shape === '41'
        ? [7, byGroup]
        : shape === '32'
          ? [6, byGroup]
          : flush
            ? [5, ranks]
            : straightHigh >= 0
              ? [4, [straightHigh]]
              : shape === '311'
                ? [3, byGroup]
                : shape === '221'
                  ? [2, byGroup]
                  : shape === '2111'
                    ? [1, byGroup]
                    : [0, ranks];
  let k = cat;
  for (let i = 0; i < 5; i++) k = k * 13 + (tie[i] ?? 0);
  return k;
}

function best7(cards: readonly number[]): number {
  let best = -1;
  for (let i = 0; i < 7; i++)
    for (let j = i + 1; j < 7; j++) best = Math.max(best, key5(cards.filter((_, x) => x !== i && x !== j)));
  return best;
}

describe('phe hand strength', () => {
  // Built once: brute-force key → phe strength over all 2,598,960 five-card hands.
  const classes = new Map<number, number>();
  const perCategory = new Array<number>(9).fill(0);

  it('agrees with brute force on every five-card hand: 7462 classes, in order, with the textbook counts', () => {
    for (let a = 0; a < 52; a++)
      for (let b = a + 1; b < 52; b++)
        for (let c = b + 1; c < 52; c++)
          for (let d = c + 1; d < 52; d++)
            for (let e = d + 1; e < 52; e++) {
              const hand = [a, b, c, d, e];
              const k = key5(hand);
              const s = strength(hand);
              const seen = classes.get(k);
              if (seen === undefined) classes.set(k, s);
              else if (seen !== s) expect.fail(`hands of one class got strengths ${seen} and ${s}`);
              perCategory[Math.floor(k / 13 ** 5)]!++;
            }
    expect(classes.size).toBe(7462);
    // high card, pair, two pair, trips, straight, flush, full house, quads, straight flush
    expect(perCategory).toEqual([1302540, 1098240, 123552, 54912, 10200, 5108, 3744, 624, 40]);
    const keys = [...classes.keys()].sort((x, y) => x - y);
    const strengths = keys.map((k) => classes.get(k)!);
    // Better brute-force class ⇔ strictly smaller strength, and strengths are exactly 1..7462.
    for (let i = 1; i < strengths.length; i++) expect(strengths[i]! < strengths[i - 1]!).toBe(true);
    expect(strengths[0]).toBe(7462);
    expect(strengths.at(-1)).toBe(1);
  }, 60_000);

  it('picks the best five of seven cards like brute force (random matchups, skewed toward flushes and straights)', () => {
    const rng = createRng('evaluator-7');
    let mismatches = 0;
    for (let i = 0; i < 10_000; i++) {
      let deck = FULL_DECK.slice();
      if (i % 3 === 1) deck = deck.filter((c) => (c & 3) < 2); // two suits: many flushes
      if (i % 3 === 2) deck = deck.filter((c) => c >> 2 >= 8 || c >> 2 <= 3); // A-5 and T-A: many straights
      // Two players sharing a board, as at showdown.
      const d = shuffle(deck, rng);
      const a = [d[0]!, d[1]!, ...d.slice(4, 9)];
      const b = [d[2]!, d[3]!, ...d.slice(4, 9)];
      if (Math.sign(best7(a) - best7(b)) !== Math.sign(strength(b) - strength(a))) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  const s = (cards: string) => strength(parseCards(cards));
  it.each([
    ['As Ks Qs Js Ts 2d 3c', 'Straight Flush'],
    ['5h 4h 3h 2h Ah Kd Kc', 'Straight Flush'], // the steel wheel
    ['9c 9d 9h 9s Ad Kd 2c', 'Four of a Kind'],
    ['Kc Kd Kh 2s 2d 7c 8h', 'Full House'],
    ['Kc Kd Kh 2s 2d 2c 8h', 'Full House'], // two sets: the best full house
    ['Ah 9h 7h 4h 2h Kd Qc', 'Flush'],
    ['As 2d 3h 4c 5s 9d Kc', 'Straight'],
    ['Ts Jd Qh Kc As 2d 3c', 'Straight'],
    ['7s 7d 7h Ac Kd 2c 4h', 'Three of a Kind'],
    ['Qs Qd 4h 4c 2d 2s Ah', 'Two Pair'], // three pairs: the best two
    ['Js Jd 9h 7c 4d 3s 2h', 'One Pair'],
    ['As Qd 9h 7c 4d 3s 2h', 'High Card'],
  ])('%s is a %s', (cards, name) => {
    expect(category(s(cards))).toBe(name);
  });

  it('orders known matchups', () => {
    expect(s('5h 4h 3h 2h Ah Kd Kc')).toBeLessThan(s('Ac Ad As Ah Kd 2c 3c')); // straight flush beats quads
    expect(s('6d 5c 4h 3s 2s Ah 9d')).toBeLessThan(s('As 2d 3h 4c 5s 9d Kc')); // six-high straight beats the wheel
    expect(s('As 2d 3h 4c 5s 9d Kc')).toBeLessThan(s('Ac Ad As 2c 7h 9d Jc')); // the wheel still beats trips
    expect(s('Ah Ad Kc 9s 7h 4d 2c')).toBeLessThan(s('Ah Ad Qc 9s 7h 4d 2c')); // kicker
    expect(s('Ah Ad 9s 9c 7h 4d 3c')).toBe(s('Ah Ad 9s 9c 7h 4d 2c')); // a sixth and seventh card do not play
    expect(s('Ts Js Qs Ks As 2d 3c')).toBe(s('Ts Js Qs Ks As 4h 5h')); // the board plays for both
    expect(s('Ah Kh 9h 7h 2h Qc Qd')).toBeLessThan(s('Ah Kh 9h 7h 2c Qc Qd')); // flush beats a pair
  });
});
