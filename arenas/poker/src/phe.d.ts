// Types for the parts of `phe` (PokerHandEvaluator port, CommonJS, ships no types) we use.
// Card code = rank * 4 + suit, rank 0..12 for 2..A, suit 0..3 for s h d c.
declare module 'phe' {
  /** Strength of 5–7 cards, 1 (royal flush) … 7462 (7-5-4-3-2 high): smaller is better. */
  export function evaluateCardCodes(codes: readonly number[]): number;
  export function evaluateCards(cards: readonly string[]): number;
  /** Category 0..8: straight flush … high card. */
  export function handRank(strength: number): number;
  export const rankDescription: readonly string[];
  const phe: {
    evaluateCardCodes: typeof evaluateCardCodes;
    evaluateCards: typeof evaluateCards;
    handRank: typeof handRank;
    rankDescription: typeof rankDescription;
  };
  export default phe;
}
