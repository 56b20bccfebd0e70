// The game around a frame, after the original's Halite::runGame (environment/core/Halite.cpp):
// the init exchange, the turn loop's end (turn limit or at most one player left), and the
// ranking: players who drop out rank below everyone still in; players dropping out in the same
// frame, and the survivors at the end, are ordered by territory after the last frame, then by
// territory summed over all frames; a full tie goes to the later seat (the original's
// stable_sort then reverse).
import type { Fault, Outcome, PlayerId, Rng } from '@codearena/protocol';
import { isFault } from '@codearena/protocol';
import { processFrame } from './frame-step.ts';
import { generateMap } from './mapgen.ts';
import type { Grid, Move, State } from './state.ts';
import { turnLimit } from './state.ts';

/** The reply to the init message. */
export interface Ready {
  ready: true;
  name?: string;
}

/** An invalid_move Fault that still carries the reply's legal moves (illegal entries are
 *  dropped, the rest are played): the turn loop tallies it as a fault and hands it to step. */
export type PartialMove = Fault & { legal: Move };

export type HaliteMove = Move | Ready | PartialMove;

const hasLegal = (m: unknown): m is PartialMove =>
  typeof m === 'object' && m !== null && 'legal' in m && Array.isArray((m as PartialMove).legal?.moves);

/** A game on `grid` (production, strength, starting owners) before the init exchange. */
export function gameOnGrid(players: readonly PlayerId[], grid: Grid): State {
  const n = players.length;
  return {
    width: grid.width,
    height: grid.height,
    owner: grid.owner.slice(),
    strength: grid.strength.slice(),
    production: grid.production.slice(),
    phase: 'init',
    players: [...players],
    names: [...players],
    turn: 0,
    maxTurns: turnLimit(grid.width, grid.height),
    alive: players.map(() => true),
    lastTerritory: new Array<number>(n).fill(1),
    fullTerritory: new Array<number>(n).fill(1),
    dropped: [],
    lastMoves: new Uint8Array(grid.width * grid.height),
  };
}

export function createGame(players: readonly PlayerId[], rng: Rng, size: { width: number; height: number }): State {
  return gameOnGrid(players, generateMap(size.width, size.height, players.length, rng));
}

const copy = (s: State): State => ({
  ...s,
  owner: s.owner.slice(),
  strength: s.strength.slice(),
  names: [...s.names],
  alive: [...s.alive],
  lastTerritory: [...s.lastTerritory],
  fullTerritory: [...s.fullTerritory],
  dropped: [...s.dropped],
});

/** Worst first: fewer sites now, then fewer sites summed over the game; stable by seat. */
function worstFirst(s: State, players: number[]): number[] {
  return players
    .map((p, k) => ({ p, k }))
    .sort(
      (a, b) =>
        s.lastTerritory[a.p]! - s.lastTerritory[b.p]! || s.fullTerritory[a.p]! - s.fullTerritory[b.p]! || a.k - b.k,
    )
    .map((e) => e.p);
}

/** The init exchange: a bot that does not answer it in time is out of the game before the
 *  first frame and its starting site turns neutral (strength kept), as in the original. */
function applyInit(s: State, moves: ReadonlyMap<PlayerId, unknown>): State {
  const next = copy(s);
  next.phase = 'play';
  s.players.forEach((id, p) => {
    const reply = moves.get(id);
    if (reply && !isFault(reply) && (reply as Ready).ready === true) {
      const name = (reply as Ready).name;
      if (name) next.names[p] = name;
      return;
    }
    next.alive[p] = false;
    next.dropped.push(p);
    for (let i = 0; i < next.owner.length; i++) if (next.owner[i] === p + 1) next.owner[i] = 0;
  });
  return next;
}

/** One frame: every living player's moves (a Fault: no moves, i.e. all STILL). */
function applyFrame(s: State, moves: ReadonlyMap<PlayerId, unknown>): State {
  const next = copy(s);
  const size = s.width * s.height;
  const recorded = new Uint8Array(size);
  const dirs = s.players.map((id, p) => {
    const d = new Int8Array(size).fill(-1);
    const m = moves.get(id);
    const legal = hasLegal(m) ? m.legal : m && !isFault(m) && 'moves' in (m as Move) ? (m as Move) : null;
    if (!legal || !s.alive[p]) return d;
    for (const [x, y, dir] of legal.moves) {
      if (x < 0 || y < 0 || x >= s.width || y >= s.height) continue;
      const i = y * s.width + x;
      if (s.owner[i] !== p + 1) continue;
      d[i] = dir;
      recorded[i] = dir;
    }
    return d;
  });
  next.turn = s.turn + 1;
  processFrame(next, next.alive, dirs);
  next.lastMoves = recorded;

  const territory = new Array<number>(s.players.length).fill(0);
  for (let i = 0; i < size; i++) if (next.owner[i]! > 0) territory[next.owner[i]! - 1]!++;
  const out: number[] = [];
  s.players.forEach((_, p) => {
    next.lastTerritory[p] = territory[p]!;
    next.fullTerritory[p] = next.fullTerritory[p]! + territory[p]!;
    if (next.alive[p] && territory[p] === 0) {
      next.alive[p] = false;
      out.push(p);
    }
  });
  next.dropped.push(...worstFirst(next, out));
  return next;
}

export function step(state: State, moves: ReadonlyMap<PlayerId, unknown>): State {
  if (outcome(state)) return state;
  return state.phase === 'init' ? applyInit(state, moves) : applyFrame(state, moves);
}

const aliveCount = (s: State): number => s.alive.filter(Boolean).length;

export const isOver = (s: State): boolean => s.phase === 'play' && (s.turn >= s.maxTurns || aliveCount(s) <= 1);

/** Seat indices best first. */
export function ranking(s: State): number[] {
  const survivors = s.players.map((_, p) => p).filter((p) => s.alive[p]);
  return [...s.dropped, ...worstFirst(s, survivors)].reverse();
}

export function outcome(s: State): Outcome | null {
  if (!isOver(s)) return null;
  const ranks: Record<string, number> = {};
  ranking(s).forEach((p, k) => (ranks[s.players[p]!] = k + 1));
  const scores: Record<string, number> = {};
  s.players.forEach((id, p) => (scores[id] = s.lastTerritory[p]!));
  const reason = aliveCount(s) <= 1 ? 'one player or none left' : `turn limit ${s.maxTurns} reached`;
  return { ranks, scores, reason };
}
