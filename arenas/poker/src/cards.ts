// Cards as small integers, the encoding of the hand evaluator: code = rank * 4 + suit, rank
// 0..12 for 2..A, suit 0..3 for s h d c. Bots see two-character strings: "As", "Td", "2c".
export type Card = number;

export const RANKS = '23456789TJQKA';
export const SUITS = 'shdc';

export const cardName = (c: Card): string => RANKS[c >> 2]! + SUITS[c & 3]!;

export function parseCard(s: string): Card {
  const r = RANKS.indexOf(s[0] ?? '?');
  const u = SUITS.indexOf(s[1] ?? '?');
  if (s.length !== 2 || r < 0 || u < 0) throw new Error(`not a card: ${JSON.stringify(s)}`);
  return r * 4 + u;
}

export const parseCards = (s: string): Card[] => s.trim().split(/\s+/).filter(Boolean).map(parseCard);
export const cardNames = (cs: readonly Card[]): string[] => cs.map(cardName);

export const FULL_DECK: readonly Card[] = Array.from({ length: 52 }, (_, i) => i);
