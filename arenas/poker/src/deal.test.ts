// Duplicate deals: every deal is replayed once per seat rotation, in shuffled order and with
// suits relabelled; the hole cards and board stay the same up to that relabelling.
import { createRng } from '@codearena/protocol';
import { describe, expect, it } from 'vitest';
import { boardCards, holeCards, makeDeals } from './deal.ts';
import { PokerArgs } from './args.ts';
import { createGame, settingsFrom } from './game.ts';
import type { Deal } from './state.ts';

/** The suit relabelling that maps `from` onto `to` card by card, or null if ranks differ or it is not one-to-one. */
function suitMap(from: readonly number[], to: readonly number[]): Map<number, number> | null {
  const map = new Map<number, number>();
  for (let i = 0; i < from.length; i++) {
    if (from[i]! >> 2 !== to[i]! >> 2) return null;
    const f = from[i]! & 3;
    const t = to[i]! & 3;
    if ((map.get(f) ?? t) !== t) return null;
    map.set(f, t);
  }
  return new Set(map.values()).size === map.size ? map : null;
}

function byDeck(deals: Deal[]): Map<number, Deal[]> {
  const m = new Map<number, Deal[]>();
  for (const d of deals) m.set(d.deck, [...(m.get(d.deck) ?? []), d]);
  return m;
}

describe('duplicate deals', () => {
  it('heads-up: each deal is played twice with the hole cards swapped between the seats and the same board', () => {
    const deals = makeDeals(2, 60, true, createRng('dup-2'));
    expect(deals).toHaveLength(60);
    const groups = byDeck(deals);
    expect(groups.size).toBe(30);
    for (const [, pair] of groups) {
      expect(pair.map((d) => d.pass).sort()).toEqual([0, 1]);
      const [x, y] = pair as [Deal, Deal];
      expect(x.button).not.toBe(y.button);
      const map = suitMap(x.cards, y.cards);
      expect(map).not.toBeNull();
      const relabel = (cs: number[]) => cs.map((c) => (c & ~3) | map!.get(c & 3)!);
      // Seat 0's cards in one hand are seat 1's in the other, and the board is the same.
      expect(relabel(holeCards(x, 0, 2))).toEqual(holeCards(y, 1, 2));
      expect(relabel(holeCards(x, 1, 2))).toEqual(holeCards(y, 0, 2));
      expect(relabel(boardCards(x, 2))).toEqual(boardCards(y, 2));
    }
    // Replays are not in the original order, so the hand number does not give them away.
    const firstPass = deals.slice(0, 30).map((d) => d.deck);
    const secondPass = deals.slice(30).map((d) => d.deck);
    expect(secondPass).not.toEqual(firstPass);
    // …and most replays have their suits relabelled.
    const relabelled = deals
      .slice(30)
      .filter((d) => d.cards.some((c, i) => c !== groups.get(d.deck)!.find((o) => o.pass === 0)!.cards[i]));
    expect(relabelled.length).toBeGreaterThan(20);
  });

  it.each([3, 4, 5, 6])("%i players: over a deal's replays every seat holds every position's cards once", (n) => {
    const deals = makeDeals(n, 60, true, createRng(`dup-${n}`));
    expect(deals).toHaveLength(60);
    for (const [, group] of byDeck(deals)) {
      expect(group).toHaveLength(n);
      expect(group.map((d) => d.button).sort()).toEqual(Array.from({ length: n }, (_, i) => i));
      for (const d of group) expect(suitMap(group[0]!.cards, d.cards)).not.toBeNull();
    }
  });

  it('a hand count that is not a multiple of the players cuts the last pass short', () => {
    const deals = makeDeals(3, 10, true, createRng('dup-short'));
    expect(deals).toHaveLength(10);
    expect(deals.filter((d) => d.pass === 2)).toHaveLength(2);
  });

  it('without duplicate every hand has its own shuffle and the button moves one seat a hand', () => {
    const deals = makeDeals(3, 30, false, createRng('no-dup'));
    expect(new Set(deals.map((d) => d.cards.join(','))).size).toBe(30);
    expect(deals.slice(0, 4).map((d) => d.button)).toEqual([0, 1, 2, 0]);
  });

  it('a sim deals from its seed: same seed, same seats and cards; another seed, others', () => {
    const settings = settingsFrom(PokerArgs.parse({}), 20000);
    const a = createGame(['x', 'y', 'z'], createRng(1), settings);
    const b = createGame(['x', 'y', 'z'], createRng(1), settings);
    const c = createGame(['x', 'y', 'z'], createRng(2), settings);
    expect(b.seats).toEqual(a.seats);
    expect(b.deals).toEqual(a.deals);
    expect(c.deals).not.toEqual(a.deals);
  });
});
