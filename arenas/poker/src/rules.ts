// The rules of one no-limit hand: blinds, betting rounds with the full-raise rule, all-ins,
// side pots, showdown and split pots. Functions here mutate a Hand draft the caller owns
// (step() copies the hand first); nothing here knows about bots.
import type { PlayerId } from '@codearena/protocol';
import { cardNames } from './cards.ts';
import { boardCards, holeCards } from './deal.ts';
import { category, strength } from './evaluate.ts';
import type { Deal, Hand, HandResult, HistoryEntry, Move, PotResult, ShowdownHand, Street } from './state.ts';
import { BOARD_SIZE, STREETS } from './state.ts';

export interface Blinds {
  smallBlind: number;
  bigBlind: number;
}

export interface Legal {
  check: boolean;
  /** Calling: `to` is the street bet after the call, `cost` the chips it takes (all-in when short). */
  call: { to: number; cost: number } | null;
  /** Raise-to bounds (street totals); min equals max for an all-in below a full raise. */
  raise: { min: number; max: number } | null;
}

const n = (h: Hand) => h.stacks.length;

/** Next seat clockwise after `from` (not `from` itself) satisfying `pred`, or -1. */
export function nextSeat(h: Hand, from: number, pred: (seat: number) => boolean): number {
  const k = n(h);
  for (let i = 1; i <= k; i++) {
    const s = (from + i) % k;
    if (pred(s)) return s;
  }
  return -1;
}

/** In the hand, not folded, with chips behind: the only seats that still make decisions. */
export const canAct = (h: Hand, s: number): boolean => h.live[s]! && !h.folded[s] && h.stacks[s]! > 0;
const contending = (h: Hand, s: number): boolean => h.live[s]! && !h.folded[s];

export const boardShown = (h: Hand): readonly number[] => h.fullBoard.slice(0, BOARD_SIZE[h.street]);

function put(h: Hand, s: number, chips: number): void {
  h.stacks[s]! -= chips;
  h.bets[s]! += chips;
  h.committed[s]! += chips;
}

function record(
  h: Hand,
  ids: readonly PlayerId[],
  s: number,
  action: HistoryEntry['action'],
  added: number,
  fault: boolean,
): void {
  const e: HistoryEntry = {
    street: h.street,
    player: ids[s]!,
    action,
    to: h.bets[s]!,
    added,
    all_in: h.stacks[s] === 0,
  };
  if (fault) e.fault = true;
  h.history.push(e);
}

/** Deals a hand and posts the blinds. `stacks` are chips at the start; a seat with none sits out.
 *  Call `progress(hand, hand.bigBlindSeat, …)` next to find the first player to act. */
export function startHand(
  ids: readonly PlayerId[],
  index: number,
  deal: Deal,
  stacks: readonly number[],
  blinds: Blinds,
): Hand {
  const k = ids.length;
  const live = stacks.map((c) => c > 0);
  const liveCount = live.filter(Boolean).length;
  if (liveCount < 2) throw new Error('a hand needs two players with chips');
  const h: Hand = {
    index,
    button: deal.button,
    smallBlindSeat: -1,
    bigBlindSeat: -1,
    live,
    hole: ids.map((_, s) => (live[s] ? holeCards(deal, s, k) : [])),
    fullBoard: boardCards(deal, k),
    street: 'preflop',
    stacks: stacks.slice(),
    bets: new Array<number>(k).fill(0),
    committed: new Array<number>(k).fill(0),
    folded: live.map((l) => !l),
    acted: new Array<boolean>(k).fill(false),
    currentBet: blinds.bigBlind,
    lastRaise: blinds.bigBlind,
    toAct: -1,
    history: [],
  };
  const isLive = (s: number) => live[s]!;
  if (!live[h.button]) h.button = nextSeat(h, h.button, isLive);
  // Heads-up the button posts the small blind and acts first before the flop, last after it.
  h.smallBlindSeat = liveCount === 2 ? h.button : nextSeat(h, h.button, isLive);
  h.bigBlindSeat = nextSeat(h, h.smallBlindSeat, isLive);
  for (const [s, blind, name] of [
    [h.smallBlindSeat, blinds.smallBlind, 'small_blind'],
    [h.bigBlindSeat, blinds.bigBlind, 'big_blind'],
  ] as const) {
    const chips = Math.min(blind, h.stacks[s]!);
    put(h, s, chips);
    record(h, ids, s, name, chips, false);
  }
  return h;
}

export function legalActions(h: Hand, s: number): Legal {
  const toCall = Math.max(0, h.currentBet - h.bets[s]!);
  const stack = h.stacks[s]!;
  const allInTo = h.bets[s]! + stack;
  // A player who already acted may raise again only when facing at least a full raise since
  // (short all-ins add up): an all-in below a full raise does not reopen the betting.
  const reopened = !h.acted[s] || toCall >= h.lastRaise;
  const othersCanAct = h.stacks.some((_, o) => o !== s && canAct(h, o));
  return {
    check: toCall === 0,
    call: toCall > 0 ? { to: h.bets[s]! + Math.min(toCall, stack), cost: Math.min(toCall, stack) } : null,
    raise:
      allInTo > h.currentBet && reopened && othersCanAct
        ? { min: Math.min(h.currentBet + h.lastRaise, allInTo), max: allInTo }
        : null,
  };
}

/** Why `move` is not legal for seat `s` now, or null when it is. */
export function illegality(h: Hand, s: number, move: Move): string | null {
  const legal = legalActions(h, s);
  switch (move.action) {
    case 'fold':
      return null;
    case 'check':
      return legal.check ? null : `cannot check: ${h.currentBet - h.bets[s]!} to call`;
    case 'call':
      return legal.call ? null : 'nothing to call (check instead)';
    case 'raise': {
      if (!legal.raise) return 'raising is not allowed now (see legal_actions)';
      const a = move.amount;
      if (a === undefined || !Number.isInteger(a))
        return 'a raise needs an integer "amount" (your total bet for the street)';
      if (a < legal.raise.min || a > legal.raise.max)
        return `raise amount ${a} is outside [${legal.raise.min}, ${legal.raise.max}] (amount is your total bet for the street)`;
      return null;
    }
  }
}

/** Applies a move of the seat to act; an illegal move or `null` (a fault) folds. */
export function applyMove(h: Hand, ids: readonly PlayerId[], move: Move | null): void {
  const s = h.toAct;
  const fault = move === null || illegality(h, s, move) !== null;
  const m: Move = fault ? { action: 'fold' } : move!;
  let added = 0;
  switch (m.action) {
    case 'fold':
      h.folded[s] = true;
      break;
    case 'check':
      break;
    case 'call':
      added = Math.min(h.currentBet - h.bets[s]!, h.stacks[s]!);
      put(h, s, added);
      break;
    case 'raise': {
      const to = m.amount!;
      added = to - h.bets[s]!;
      const increment = to - h.currentBet;
      if (increment >= h.lastRaise) h.lastRaise = increment; // a full raise; a short all-in leaves it
      h.currentBet = to;
      put(h, s, added);
      break;
    }
  }
  h.acted[s] = true;
  record(h, ids, s, m.action, added, fault);
}

/** After the blinds or an action by seat `from`: sets `toAct` to the next player who must decide
 *  and returns null, or finishes the hand (folds, or betting closed on the river or with fewer
 *  than two players able to bet) and returns its result. */
export function progress(h: Hand, from: number, ids: readonly PlayerId[], blinds: Blinds): HandResult | null {
  for (;;) {
    const k = n(h);
    let inHand = 0;
    let able = 0;
    for (let s = 0; s < k; s++) {
      if (contending(h, s)) inHand++;
      if (canAct(h, s)) able++;
    }
    if (inHand === 1) return foldWin(h, ids);
    const mustAct = (s: number) => canAct(h, s) && (!h.acted[s] || h.bets[s]! < h.currentBet);
    const next = nextSeat(h, from, mustAct);
    // A lone player with chips who owes nothing has no decision left: everyone else is all-in.
    if (next >= 0 && !(able === 1 && h.bets[next]! >= h.currentBet)) {
      h.toAct = next;
      return null;
    }
    if (h.street === 'river' || able < 2) {
      h.street = 'river';
      return showdown(h, ids);
    }
    h.street = STREETS[STREETS.indexOf(h.street) + 1] as Street;
    h.bets.fill(0);
    h.acted.fill(false);
    h.currentBet = 0;
    h.lastRaise = blinds.bigBlind;
    from = h.button;
  }
}

/** Pots from what each seat put in: layers between distinct commitment levels, each won only by
 *  players still in who put in at least that much. Chips of a layer nobody still in reached
 *  (folded money above every contender) join the pot below. */
export function buildPots(
  committed: readonly number[],
  dead: readonly boolean[],
): { amount: number; eligible: number[] }[] {
  const levels = [...new Set(committed.filter((c) => c > 0))].sort((a, b) => a - b);
  const pots: { amount: number; eligible: number[] }[] = [];
  let prev = 0;
  let carry = 0;
  for (const level of levels) {
    let amount = carry;
    for (const c of committed) amount += Math.min(c, level) - Math.min(c, prev);
    prev = level;
    const eligible = committed.flatMap((c, s) => (!dead[s] && c >= level ? [s] : []));
    const last = pots[pots.length - 1];
    if (eligible.length === 0) {
      if (last) last.amount += amount;
      else carry = amount;
    } else if (last && last.eligible.length === eligible.length && last.eligible.every((s, i) => s === eligible[i])) {
      last.amount += amount;
      carry = 0;
    } else {
      pots.push({ amount, eligible });
      carry = 0;
    }
  }
  return pots;
}

function finish(
  h: Hand,
  ids: readonly PlayerId[],
  reason: HandResult['reason'],
  payouts: number[],
  pots: PotResult[],
  showdownHands: ShowdownHand[],
): HandResult {
  for (let s = 0; s < payouts.length; s++) h.stacks[s]! += payouts[s]!;
  h.toAct = -1;
  return {
    hand: h.index + 1,
    reason,
    board: cardNames(boardShown(h)),
    showdown: showdownHands,
    pots,
    deltas: Object.fromEntries(ids.map((id, s) => [id, payouts[s]! - h.committed[s]!])),
    history: h.history,
  };
}

function foldWin(h: Hand, ids: readonly PlayerId[]): HandResult {
  const winner = h.folded.findIndex((f, s) => !f && h.live[s]);
  const total = h.committed.reduce((a, b) => a + b, 0);
  const payouts = h.committed.map((_, s) => (s === winner ? total : 0));
  return finish(h, ids, 'fold', payouts, [{ amount: total, eligible: [ids[winner]!], winners: [ids[winner]!] }], []);
}

function showdown(h: Hand, ids: readonly PlayerId[]): HandResult {
  const k = n(h);
  const strengths = h.hole.map((hole, s) => (contending(h, s) ? strength([...hole, ...h.fullBoard]) : Infinity));
  const dead = h.folded.map((f, s) => f || !h.live[s]);
  const payouts = new Array<number>(k).fill(0);
  // Odd chips go to the winners closest to the button's left.
  const leftOfButton = (s: number) => (s - h.button - 1 + k) % k;
  const pots = buildPots(h.committed, dead).map(({ amount, eligible }): PotResult => {
    const best = Math.min(...eligible.map((s) => strengths[s]!));
    const winners = eligible.filter((s) => strengths[s] === best).sort((a, b) => leftOfButton(a) - leftOfButton(b));
    const share = Math.floor(amount / winners.length);
    winners.forEach((s, i) => (payouts[s]! += share + (i < amount - share * winners.length ? 1 : 0)));
    return { amount, eligible: eligible.map((s) => ids[s]!), winners: winners.map((s) => ids[s]!) };
  });
  const shown = h.hole.flatMap((hole, s): ShowdownHand[] =>
    contending(h, s)
      ? [{ player: ids[s]!, hole_cards: cardNames(hole), hand: category(strengths[s]!), strength: strengths[s]! }]
      : [],
  );
  return finish(h, ids, 'showdown', payouts, pots, shown);
}

/** A copy step() may mutate: the per-seat arrays and the history are new; cards are shared. */
export const cloneHand = (h: Hand): Hand => ({
  ...h,
  stacks: h.stacks.slice(),
  bets: h.bets.slice(),
  committed: h.committed.slice(),
  folded: h.folded.slice(),
  acted: h.acted.slice(),
  history: h.history.slice(),
});
