// What the web viewer draws: the table with every hole card face up (viewers are not players),
// the board, bets and pots, whose turn it is, and the hands the last step finished.
import type { PlayerId } from '@codearena/protocol';
import { type TablePlayer, settledPots, tablePlayers } from './api.ts';
import { cardNames } from './cards.ts';
import { boardShown } from './rules.ts';
import type { HandResult, HistoryEntry, State, Street } from './state.ts';

export interface FramePlayer extends TablePlayer {
  hole_cards: string[];
}

export interface Frame {
  /** Actions so far (the runner's turn counter). */
  actions: number;
  hand: number;
  hands: number;
  /** null once the sim is over. */
  street: Street | null;
  button: number;
  small_blind: number;
  big_blind: number;
  /** Duplicate deals: which base deal this hand replays, and in which rotation. */
  deal: { deck: number; pass: number } | null;
  players: FramePlayer[];
  board: string[];
  pot: number;
  pots: { amount: number; eligible: PlayerId[] }[];
  to_act: PlayerId | null;
  last_action: HistoryEntry | null;
  /** Hands finished by the step that produced this frame (showdowns, winners, deltas). */
  finished: HandResult[];
}

export function frame(state: State): Frame {
  const h = state.hand;
  const base = {
    actions: state.actions,
    hands: state.settings.hands,
    small_blind: state.settings.smallBlind,
    big_blind: state.settings.bigBlind,
    finished: state.lastHands,
  };
  if (!h) {
    return {
      ...base,
      hand: state.handsPlayed,
      street: null,
      button: -1,
      deal: null,
      board: [],
      pot: 0,
      pots: [],
      to_act: null,
      last_action: null,
      players: state.seats.map((id, s) => ({
        id,
        seat: s,
        position: '',
        stack: state.bankroll[s]!,
        bet: 0,
        committed: 0,
        folded: false,
        all_in: false,
        net: state.net[s]!,
        hole_cards: [],
      })),
    };
  }
  const deal = state.deals[h.index];
  return {
    ...base,
    hand: h.index + 1,
    street: h.street,
    button: h.button,
    deal: deal ? { deck: deal.deck, pass: deal.pass } : null,
    players: tablePlayers(state, h).map((p, s) => ({ ...p, hole_cards: cardNames(h.hole[s]!) })),
    board: cardNames(boardShown(h)),
    pot: h.committed.reduce((a, b) => a + b, 0),
    pots: settledPots(state, h),
    to_act: state.seats[h.toAct] ?? null,
    last_action: h.history[h.history.length - 1] ?? null,
  };
}
