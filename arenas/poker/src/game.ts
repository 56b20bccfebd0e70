// A sim: a fixed number of hands at one table. Hands are dealt from decks drawn at init, so
// step() needs no randomness; the only per-sim chance is the seating and the deals.
import type { Fault, Outcome, PlayerId, Rng } from '@codearena/protocol';
import { isFault, shuffle } from '@codearena/protocol';
import type { PokerArgs } from './args.ts';
import { makeDeals } from './deal.ts';
import { type Blinds, applyMove, cloneHand, progress, startHand } from './rules.ts';
import type { HandResult, Move, Settings, State } from './state.ts';

export function settingsFrom(a: PokerArgs, maxActions: number): Settings {
  return {
    hands: a.hands,
    startingStack: a.starting_stack,
    smallBlind: a.small_blind,
    bigBlind: a.big_blind,
    duplicate: a.duplicate,
    resetStacks: a.reset_stacks,
    maxActions,
  };
}

const blindsOf = (s: Settings): Blinds => ({ smallBlind: s.smallBlind, bigBlind: s.bigBlind });

export function createGame(players: readonly PlayerId[], rng: Rng, settings: Settings): State {
  const seats = shuffle(players, rng);
  const state: State = {
    seats,
    settings,
    deals: makeDeals(seats.length, settings.hands, settings.duplicate, rng),
    hand: null,
    handsPlayed: 0,
    bankroll: seats.map(() => settings.startingStack),
    net: seats.map(() => 0),
    actions: 0,
    lastHands: [],
    ended: null,
  };
  return dealNext(state, []);
}

/** Books finished hands and deals the next one that needs a decision (a hand can end without
 *  one, e.g. everybody all-in from the blinds), or ends the sim. */
function dealNext(state: State, finished: HandResult[]): State {
  const { settings, seats } = state;
  let { handsPlayed, bankroll } = state;
  const net = state.net.slice();
  const book = (r: HandResult, stacksAfter: readonly number[]) => {
    finished.push(r);
    seats.forEach((id, s) => (net[s]! += r.deltas[id]!));
    bankroll = settings.resetStacks ? bankroll : stacksAfter.slice();
    handsPlayed++;
  };
  for (;;) {
    if (handsPlayed >= settings.hands)
      return { ...state, hand: null, handsPlayed, bankroll, net, lastHands: finished, ended: 'hands' };
    if (bankroll.filter((c) => c > 0).length < 2)
      return { ...state, hand: null, handsPlayed, bankroll, net, lastHands: finished, ended: 'one player left' };
    const hand = startHand(seats, handsPlayed, state.deals[handsPlayed]!, bankroll, blindsOf(settings));
    const done = progress(hand, hand.bigBlindSeat, seats, blindsOf(settings));
    if (!done) return { ...state, hand, handsPlayed, bankroll, net, lastHands: finished };
    book(done, hand.stacks);
  }
}

export function step(state: State, moves: ReadonlyMap<PlayerId, Move | Fault>): State {
  if (!state.hand) return state;
  const hand = cloneHand(state.hand);
  const raw = moves.get(state.seats[hand.toAct]!);
  applyMove(hand, state.seats, raw === undefined || isFault(raw) ? null : raw);
  const actions = state.actions + 1;
  const done = progress(hand, hand.toAct, state.seats, blindsOf(state.settings));
  let next: State;
  if (done) {
    const net = state.net.map((v, s) => v + done.deltas[state.seats[s]!]!);
    const bankroll = state.settings.resetStacks ? state.bankroll : hand.stacks;
    next = dealNext({ ...state, net, bankroll, handsPlayed: state.handsPlayed + 1, actions }, [done]);
  } else {
    next = { ...state, hand, actions, lastHands: [] };
  }
  // The hard cap on actions: stop cleanly, the unfinished hand void (nothing of it was booked).
  if (next.hand && actions >= state.settings.maxActions) return { ...next, hand: null, ended: 'action limit' };
  return next;
}

export function outcome(state: State): Outcome | null {
  if (state.hand) return null;
  const ranks: Record<string, number> = {};
  const scores: Record<string, number> = {};
  state.seats.forEach((id, s) => {
    ranks[id] = 1 + state.net.filter((v) => v > state.net[s]!).length;
    scores[id] = state.net[s]!;
  });
  const reason =
    state.ended === 'hands' ? `${state.handsPlayed} hands` : `${state.ended} after ${state.handsPlayed} hands`;
  return { ranks, scores, reason };
}
