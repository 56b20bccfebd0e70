// Shared by the tests only: hands with chosen cards and stacks, and whole sims between simple
// in-process players, played through the server's turn loop.
import type { PlayerId, Rng } from '@codearena/protocol';
import { localStates } from '@codearena/server/compete/local-play.ts';
import type { ActRequest } from './api.ts';
import { parseCards } from './cards.ts';
import poker from './index.ts';
import { type Blinds, applyMove, progress, startHand } from './rules.ts';
import { sampleMove } from './sample.ts';
import type { Deal, Hand, HandResult, Move, State } from './state.ts';

export const BLINDS: Blinds = { smallBlind: 5, bigBlind: 10 };

export interface TableSpec {
  ids: string[];
  button: number;
  stacks: number[];
  /** Hole cards per seat, e.g. ["As Kd", "7h 7c"]; missing seats get filler cards. */
  hole?: (string | undefined)[];
  board?: string;
  blinds?: Blinds;
}

/** A deal that gives each seat the cards asked for (cards are dealt by position from the button). */
export function dealFor(spec: TableSpec): Deal {
  const n = spec.ids.length;
  const wanted = spec.hole ?? [];
  const used = new Set<number>([...wanted.flatMap((h) => (h ? parseCards(h) : [])), ...parseCards(spec.board ?? '')]);
  const filler = Array.from({ length: 52 }, (_, i) => i).filter((c) => !used.has(c));
  const cards: number[] = new Array(2 * n + 5);
  for (let seat = 0; seat < n; seat++) {
    const p = (seat - spec.button + n) % n;
    const hole = wanted[seat] ? parseCards(wanted[seat]!) : [filler.shift()!, filler.shift()!];
    cards[2 * p] = hole[0]!;
    cards[2 * p + 1] = hole[1]!;
  }
  const board = spec.board ? parseCards(spec.board) : filler.splice(0, 5);
  board.forEach((c, i) => (cards[2 * n + i] = c));
  return { button: spec.button, cards, deck: 0, pass: 0 };
}

export interface Table {
  hand: Hand;
  ids: string[];
  blinds: Blinds;
  result: HandResult | null;
  /** The id of the player to act. */
  who(): string;
  /** The seat to act plays `move`; must be the player named (a guard against script mistakes). */
  act(player: string, move: Move | null): Table;
}

export function table(spec: TableSpec): Table {
  const blinds = spec.blinds ?? BLINDS;
  const hand = startHand(spec.ids, 0, dealFor(spec), spec.stacks, blinds);
  const t: Table = {
    hand,
    ids: spec.ids,
    blinds,
    result: progress(hand, hand.bigBlindSeat, spec.ids, blinds),
    who: () => spec.ids[t.hand.toAct] ?? '(nobody)',
    act(player, move) {
      if (t.result) throw new Error(`hand is over; ${player} cannot act`);
      if (t.who() !== player) throw new Error(`${t.who()} is to act, not ${player}`);
      const from = t.hand.toAct;
      applyMove(t.hand, t.ids, move);
      t.result = progress(t.hand, from, t.ids, t.blinds);
      return t;
    },
  };
  return t;
}

export const moveOf = (action: Move['action'], amount?: number): Move =>
  amount === undefined ? { action } : { action, amount };

/** A player in-process: the act request in, a raw reply out (as a bot would write it). */
export type Policy = (req: ActRequest, rng: Rng) => unknown;

export const randomPolicy: Policy = (req, rng) => sampleMove(req, rng);
export const callingStation: Policy = (req) => ({
  action: req.legal_actions.some((a) => a.action === 'check') ? 'check' : 'call',
});

/** Plays a whole sim through the server's turn loop with in-process players; returns every
 *  state. A reply that is a fault is a mistake of the test's policy: it throws. */
export function playSim(
  players: PlayerId[],
  policies: Record<PlayerId, Policy>,
  seed: string | number,
  args: object = {},
): Promise<State[]> {
  return localStates(poker, {
    players,
    seed,
    args: poker.parseArgs(args),
    policy: (p) => (req, rng) => policies[p]!(req as ActRequest, rng),
  });
}
