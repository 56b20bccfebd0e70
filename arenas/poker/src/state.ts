// The game state the rules pass around. Immutable by convention: step() copies what it changes
// (the few per-seat arrays of the current hand) and shares the rest.
import type { PlayerId } from '@codearena/protocol';
import type { Card } from './cards.ts';
import type { Category } from './evaluate.ts';

export type Street = 'preflop' | 'flop' | 'turn' | 'river';
export const STREETS: readonly Street[] = ['preflop', 'flop', 'turn', 'river'];
export const BOARD_SIZE: Record<Street, number> = { preflop: 0, flop: 3, turn: 4, river: 5 };

export type ActionKind = 'fold' | 'check' | 'call' | 'raise';
export const ACTIONS: readonly ActionKind[] = ['fold', 'check', 'call', 'raise'];

/** A parsed bot reply. `amount` (raise only) is the player's total bet for the street after it. */
export interface Move {
  action: ActionKind;
  amount?: number;
}

export interface Settings {
  hands: number;
  startingStack: number;
  smallBlind: number;
  bigBlind: number;
  duplicate: boolean;
  resetStacks: boolean;
  /** Actions after which the sim stops (the unfinished hand is void): the manifest's maxTurns. */
  maxActions: number;
}

/** The cards and button of one hand. Hole cards go by position, not by seat: the player
 *  `p` seats left of the button gets cards[2p], cards[2p + 1]; the board is cards[2n .. 2n + 4]. */
export interface Deal {
  button: number;
  cards: readonly Card[];
  /** Which base deal this is a replay of, and which rotation (viewer and tests only; bots never see it). */
  deck: number;
  pass: number;
}

export interface HistoryEntry {
  street: Street;
  player: PlayerId;
  action: 'small_blind' | 'big_blind' | ActionKind;
  /** The player's total bet this street after the action. */
  to: number;
  /** Chips the action put in. */
  added: number;
  all_in: boolean;
  /** The action was forced: the bot's reply was late, missing or illegal. */
  fault?: true;
}

export interface Hand {
  index: number;
  button: number;
  smallBlindSeat: number;
  bigBlindSeat: number;
  /** Seats dealt in (carry-over stacks: seats with no chips sit out). */
  live: readonly boolean[];
  hole: readonly (readonly Card[])[];
  /** All five board cards; `street` says how many are face up. */
  fullBoard: readonly Card[];
  street: Street;
  /** Chips behind, per seat. */
  stacks: number[];
  /** Chips put in this street, per seat. */
  bets: number[];
  /** Chips put in this hand, per seat. */
  committed: number[];
  folded: boolean[];
  /** Has acted this street (blinds do not count). */
  acted: boolean[];
  /** The highest bet this street. */
  currentBet: number;
  /** The minimum raise increment: the last full bet or raise this street, at least the big blind. */
  lastRaise: number;
  toAct: number;
  history: HistoryEntry[];
}

export interface PotResult {
  amount: number;
  eligible: PlayerId[];
  winners: PlayerId[];
}

export interface ShowdownHand {
  player: PlayerId;
  hole_cards: string[];
  hand: Category;
  /** 1 (royal flush) … 7462: smaller is better. */
  strength: number;
}

/** A finished hand, as bots get it in hand_end and viewers in frames. */
export interface HandResult {
  hand: number;
  reason: 'showdown' | 'fold';
  board: string[];
  showdown: ShowdownHand[];
  pots: PotResult[];
  /** Chips won or lost in this hand, per player. */
  deltas: Record<PlayerId, number>;
  history: HistoryEntry[];
}

export interface State {
  /** Players in seat order (seat i = seats[i]); shuffled once per sim. */
  seats: readonly PlayerId[];
  settings: Settings;
  deals: readonly Deal[];
  /** The hand in play; null once the sim is over. */
  hand: Hand | null;
  handsPlayed: number;
  /** Chips behind at the start of the next hand (carry-over mode; equals startingStack otherwise). */
  bankroll: readonly number[];
  /** Net chips won over the sim so far, per seat. */
  net: readonly number[];
  /** Actions taken so far (the runner's turns). */
  actions: number;
  /** Hands the last step (or init) finished, oldest first; usually none or one. */
  lastHands: HandResult[];
  ended: null | 'hands' | 'one player left' | 'action limit';
}
