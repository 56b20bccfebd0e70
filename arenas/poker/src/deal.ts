// Which cards each hand of a sim gets, all drawn at init from the sim's Rng.
//
// Duplicate deals: with n players and H hands, D = ceil(H / n) base deals are drawn. The sim
// plays them n times ("passes"); in pass r, base deal d has its button at seat (d + r) mod n,
// so over the n passes every seat holds every position's hole cards of every deal exactly once,
// against the same board. Each pass plays the deals in its own shuffled order and relabels the
// suits of each replay with a fresh random permutation (hand values are unchanged), so a bot
// cannot tell from the hand number, or at a glance, which earlier hand a replay repeats. A
// final pass is cut short when H is not a multiple of n.
import type { Rng } from '@codearena/protocol';
import { shuffle } from '@codearena/protocol';
import { type Card, FULL_DECK } from './cards.ts';
import type { Deal } from './state.ts';

export const cardsPerDeal = (players: number): number => 2 * players + 5;

const relabel = (cards: readonly Card[], suits: readonly number[]): Card[] =>
  cards.map((c) => (c & ~3) | suits[c & 3]!);

export function makeDeals(players: number, hands: number, duplicate: boolean, rng: Rng): Deal[] {
  const need = cardsPerDeal(players);
  const draw = () => shuffle(FULL_DECK, rng).slice(0, need);
  if (!duplicate) {
    return Array.from({ length: hands }, (_, k) => ({ button: k % players, cards: draw(), deck: k, pass: 0 }));
  }
  const decks = Math.ceil(hands / players);
  const base = Array.from({ length: decks }, draw);
  const deals: Deal[] = [];
  for (let pass = 0; pass < players && deals.length < hands; pass++) {
    const order = shuffle(
      Array.from({ length: decks }, (_, d) => d),
      rng,
    );
    for (const deck of order) {
      if (deals.length === hands) break;
      const suits = pass === 0 ? [0, 1, 2, 3] : shuffle([0, 1, 2, 3], rng);
      deals.push({ button: (deck + pass) % players, cards: relabel(base[deck]!, suits), deck, pass });
    }
  }
  return deals;
}

/** The hole cards a seat gets from a deal (n = players at the table). */
export function holeCards(deal: Deal, seat: number, players: number): Card[] {
  const p = (seat - deal.button + players) % players;
  return [deal.cards[2 * p]!, deal.cards[2 * p + 1]!];
}

export const boardCards = (deal: Deal, players: number): Card[] => deal.cards.slice(2 * players, 2 * players + 5);
