// The JSON lines bots read (see BRIEF.md). Only "act" expects a reply; "start", "hand_end" and
// "end" are one-way notices.
import type { PlayerId } from '@codearena/protocol';
import { cardNames } from './cards.ts';
import { outcome } from './game.ts';
import { boardShown, buildPots, canAct, legalActions } from './rules.ts';
import type { Hand, HandResult, HistoryEntry, State, Street } from './state.ts';

export type LegalAction =
  | { action: 'fold' }
  | { action: 'check' }
  | { action: 'call'; amount: number; cost: number }
  | { action: 'raise'; min: number; max: number };

export interface TablePlayer {
  id: PlayerId;
  seat: number;
  position: string;
  /** Chips behind. */
  stack: number;
  /** Chips put in this street. */
  bet: number;
  /** Chips put in this hand. */
  committed: number;
  folded: boolean;
  all_in: boolean;
  /** Net chips won over the sim so far (before this hand). */
  net: number;
}

export interface ActRequest {
  type: 'act';
  hand: number;
  hands: number;
  hands_remaining: number;
  you: PlayerId;
  seat: number;
  street: Street;
  hole_cards: string[];
  board: string[];
  button: number;
  small_blind_seat: number;
  big_blind_seat: number;
  small_blind: number;
  big_blind: number;
  starting_stack: number;
  players: TablePlayer[];
  pot: number;
  pots: { amount: number; eligible: PlayerId[] }[];
  current_bet: number;
  to_call: number;
  legal_actions: LegalAction[];
  history: HistoryEntry[];
}

export interface StartNotice {
  type: 'start';
  you: PlayerId;
  seat: number;
  players: PlayerId[];
  hands: number;
  starting_stack: number;
  small_blind: number;
  big_blind: number;
  duplicate: boolean;
  reset_stacks: boolean;
}

export interface HandEndNotice extends HandResult {
  type: 'hand_end';
  you: PlayerId;
  hands: number;
  net: Record<PlayerId, number>;
}

export interface EndNotice {
  type: 'end';
  you: PlayerId;
  hands_played: number;
  net: Record<PlayerId, number>;
  ranks: Record<PlayerId, number>;
  reason: string;
}

/** Position names by seats left of the button, for 2..6 players at the table. */
const POSITIONS: Record<number, string[]> = {
  2: ['BTN', 'BB'],
  3: ['BTN', 'SB', 'BB'],
  4: ['BTN', 'SB', 'BB', 'UTG'],
  5: ['BTN', 'SB', 'BB', 'UTG', 'CO'],
  6: ['BTN', 'SB', 'BB', 'UTG', 'HJ', 'CO'],
};

/** Position names per seat; seats sitting out get "". */
export function positions(h: Hand): string[] {
  const k = h.live.length;
  const liveSeats: number[] = [];
  for (let i = 0; i < k; i++) {
    const s = (h.button + i) % k;
    if (h.live[s]) liveSeats.push(s);
  }
  const names = POSITIONS[liveSeats.length] ?? liveSeats.map((_, i) => `P${i}`);
  const out = new Array<string>(k).fill('');
  liveSeats.forEach((s, i) => (out[s] = names[i]!));
  return out;
}

const netOf = (state: State) => Object.fromEntries(state.seats.map((id, s) => [id, state.net[s]!]));

export function tablePlayers(state: State, h: Hand): TablePlayer[] {
  const pos = positions(h);
  return state.seats.map((id, s) => ({
    id,
    seat: s,
    position: pos[s]!,
    stack: h.stacks[s]!,
    bet: h.bets[s]!,
    committed: h.committed[s]!,
    folded: h.folded[s]!,
    all_in: h.live[s]! && !h.folded[s] && h.stacks[s] === 0,
    net: state.net[s]!,
  }));
}

/** Pots settled before this street (the current street's bets are in `players[].bet`). */
export function settledPots(state: State, h: Hand): { amount: number; eligible: PlayerId[] }[] {
  const before = h.committed.map((c, s) => c - h.bets[s]!);
  const dead = h.folded.map((f, s) => f || !h.live[s]);
  return buildPots(before, dead).map((p) => ({ amount: p.amount, eligible: p.eligible.map((s) => state.seats[s]!) }));
}

export function legalList(h: Hand, seat: number): LegalAction[] {
  const l = legalActions(h, seat);
  const out: LegalAction[] = [{ action: 'fold' }];
  if (l.check) out.push({ action: 'check' });
  if (l.call) out.push({ action: 'call', amount: l.call.to, cost: l.call.cost });
  if (l.raise) out.push({ action: 'raise', min: l.raise.min, max: l.raise.max });
  return out;
}

export function actRequest(state: State, player: PlayerId): ActRequest | null {
  const h = state.hand;
  const seat = state.seats.indexOf(player);
  if (!h || seat < 0 || h.toAct !== seat || !canAct(h, seat)) return null;
  const { settings } = state;
  return {
    type: 'act',
    hand: h.index + 1,
    hands: settings.hands,
    hands_remaining: settings.hands - h.index - 1,
    you: player,
    seat,
    street: h.street,
    hole_cards: cardNames(h.hole[seat]!),
    board: cardNames(boardShown(h)),
    button: h.button,
    small_blind_seat: h.smallBlindSeat,
    big_blind_seat: h.bigBlindSeat,
    small_blind: settings.smallBlind,
    big_blind: settings.bigBlind,
    starting_stack: settings.startingStack,
    players: tablePlayers(state, h),
    pot: h.committed.reduce((a, b) => a + b, 0),
    pots: settledPots(state, h),
    current_bet: h.currentBet,
    to_call: Math.min(Math.max(0, h.currentBet - h.bets[seat]!), h.stacks[seat]!),
    legal_actions: legalList(h, seat),
    history: h.history,
  };
}

export function startNotice(state: State, player: PlayerId): StartNotice | null {
  const seat = state.seats.indexOf(player);
  if (seat < 0) return null;
  const s = state.settings;
  return {
    type: 'start',
    you: player,
    seat,
    players: [...state.seats],
    hands: s.hands,
    starting_stack: s.startingStack,
    small_blind: s.smallBlind,
    big_blind: s.bigBlind,
    duplicate: s.duplicate,
    reset_stacks: s.resetStacks,
  };
}

export function handEndNotices(state: State, player: PlayerId): HandEndNotice[] {
  if (!state.seats.includes(player)) return [];
  // Net as it stood after each hand: walk back from the current totals.
  const net = netOf(state);
  const out: HandEndNotice[] = [];
  for (let i = state.lastHands.length - 1; i >= 0; i--) {
    const r = state.lastHands[i]!;
    out.unshift({ type: 'hand_end', you: player, hands: state.settings.hands, ...r, net: { ...net } });
    for (const id of state.seats) net[id]! -= r.deltas[id]!;
  }
  return out;
}

export function endNotice(state: State, player: PlayerId): EndNotice | null {
  if (!state.seats.includes(player)) return null;
  const o = outcome(state);
  return {
    type: 'end',
    you: player,
    hands_played: state.handsPlayed,
    net: netOf(state),
    ranks: o?.ranks ?? {},
    reason: o?.reason ?? 'stopped',
  };
}
