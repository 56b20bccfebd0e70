// Shared by the tests only: hands with chosen cards and stacks, and whole sims between simple
// in-process players.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { PlayerId, Rng } from '@codearena/protocol';
import { createRng, isFault } from '@codearena/protocol';
import { actRequest } from './api.ts';
import { parseCards } from './cards.ts';
import { outcome, step } from './game.ts';
import { type Blinds, applyMove, progress, startHand } from './rules.ts';
import { sampleMove } from './sample.ts';
import type { Deal, Hand, HandResult, Move, State } from './state.ts';
import { parseMove } from './parse-move.ts';

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

export const moveOf = (action: Move['action'], amount?: number): Move => (amount === undefined ? { action } : { action, amount });

/** A player in-process: the act request in, a raw reply out (as a bot would write it). */
export type Policy = (req: NonNullable<ReturnType<typeof actRequest>>, rng: Rng) => unknown;

export const randomPolicy: Policy = (req, rng) => sampleMove(req, rng);
export const callingStation: Policy = (req) => ({ action: req.legal_actions.some((a) => a.action === 'check') ? 'check' : 'call' });

/** Plays a whole sim in-process; returns every state. */
export function playSim(initial: State, policies: Record<PlayerId, Policy>, seed: string | number): State[] {
  const rng = createRng(seed);
  const states = [initial];
  let state = initial;
  while (outcome(state) === null) {
    const moves = new Map<PlayerId, Move>();
    for (const id of state.seats) {
      const req = actRequest(state, id);
      if (!req) continue;
      const m = parseMove(policies[id]!(req, rng), state, id);
      if (isFault(m)) throw new Error(`${id}: ${m.detail}`);
      moves.set(id, m);
    }
    state = step(state, moves);
    states.push(state);
  }
  return states;
}

/** A bot program run as a bare host process (our own bots only), one JSON line per request. */
export interface HostBot {
  request(msg: unknown, deadlineMs: number): Promise<{ value: unknown; ms: number } | { error: string }>;
  notify(msg: unknown): void;
  /** Lines written that no request has read (a correct bot never has any). */
  unread(): number;
  stderr(): string;
  close(): Promise<void>;
}

export function spawnHostBot(dir: string): HostBot {
  const child = spawn(join(dir, 'run'), [], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let waiter: ((line: string | null) => void) | null = null;
  let stderr = '';
  let exited = false;
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (waiter) {
      const w = waiter;
      waiter = null;
      w(line);
    } else lines.push(line);
  });
  child.stderr.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-4000)));
  child.stdin.on('error', () => undefined);
  child.on('exit', () => {
    exited = true;
    waiter?.(null);
  });
  return {
    request(msg, deadlineMs) {
      const t0 = performance.now();
      child.stdin.write(`${JSON.stringify(msg)}\n`);
      return new Promise((resolve) => {
        const done = (line: string | null) => {
          clearTimeout(timer);
          if (line === null) return resolve({ error: `exited: ${stderr.slice(-500)}` });
          try {
            resolve({ value: JSON.parse(line), ms: performance.now() - t0 });
          } catch {
            resolve({ error: `not JSON: ${line.slice(0, 100)}` });
          }
        };
        const timer = setTimeout(() => {
          waiter = null;
          resolve({ error: `no reply within ${deadlineMs} ms` });
        }, deadlineMs);
        const queued = lines.shift();
        if (queued !== undefined) done(queued);
        else if (exited) done(null);
        else waiter = done;
      });
    },
    notify: (msg) => void child.stdin.write(`${JSON.stringify(msg)}\n`),
    unread: () => lines.length,
    stderr: () => stderr,
    close: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
        child.on('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.stdin.end();
      }),
  };
}
