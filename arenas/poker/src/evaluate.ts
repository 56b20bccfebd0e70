// phe ships no types; its declaration lives beside this file (a module file, so it is referenced).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./phe.d.ts" />
// Hand evaluation by `phe` (a port of HenryRLee's PokerHandEvaluator): checked against a
// brute-force evaluator on all 2,598,960 five-card hands and on random seven-card hands
// (evaluate.test.ts), and about 13 M seven-card hands/s.
import phe from 'phe';
import type { Card } from './cards.ts';

/** Strength of the best five of 5–7 cards: 1 (royal flush) … 7462; smaller is better. */
export const strength = (cards: readonly Card[]): number => phe.evaluateCardCodes(cards);

export const CATEGORIES = [
  'Straight Flush',
  'Four of a Kind',
  'Full House',
  'Flush',
  'Straight',
  'Three of a Kind',
  'Two Pair',
  'One Pair',
  'High Card',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const category = (s: number): Category => CATEGORIES[phe.handRank(s)]!;
