// The game state of Halite I (HaliteChallenge/Halite, environment/core/hlt.hpp and Halite.hpp).
// Sites are kept in flat row-major arrays (index = y * width + x) because one frame touches every
// site several times; owner 0 is neutral and player i (seat order) owns sites tagged i + 1.
import type { PlayerId } from '@codearena/protocol';

/** Directions numbered as the original's hlt.hpp: STILL 0, NORTH 1, EAST 2, SOUTH 3, WEST 4. */
export const STILL = 0;
export const NORTH = 1;
export const EAST = 2;
export const SOUTH = 3;
export const WEST = 4;
export type Direction = 0 | 1 | 2 | 3 | 4;

/** The strength cap: the original stores strengths in an unsigned char and saturates at 255. */
export const MAX_STRENGTH = 255;

/** One move: the site at (x, y) goes in `dir`. */
export type SiteMove = readonly [x: number, y: number, dir: Direction];

/** A player's reply: its moves; sites it names no move for stay STILL, as in the original. */
export interface Move {
  moves: SiteMove[];
}

export interface Grid {
  width: number;
  height: number;
  owner: Uint8Array;
  strength: Uint8Array;
  production: Uint8Array;
}

export interface State extends Grid {
  /** 'init': the bots have not yet answered the init message; 'play' afterwards. */
  phase: 'init' | 'play';
  players: readonly PlayerId[];
  /** Names the bots gave in their init reply (default: the player id). */
  names: string[];
  /** Frames played so far (the original's turn_number). */
  turn: number;
  /** floor(sqrt(width * height) * 10), the original's maxTurnNumber. */
  maxTurns: number;
  /** Still in the game (the original's `result` vector). */
  alive: boolean[];
  /** Sites owned after the last frame (the original's last_territory_count, 1 at start). */
  lastTerritory: number[];
  /** Sum of sites owned over all frames (full_territory_count, 1 at start): the tie-break. */
  fullTerritory: number[];
  /** Player indices in the order they dropped out, worst first (the original's `rankings`). */
  dropped: number[];
  /** The moves applied in the last frame per site (0 where none), as the replay's `moves`. */
  lastMoves: Uint8Array;
}

export const siteIndex = (g: { width: number }, x: number, y: number): number => y * g.width + x;

/** The site one step from `i` in `dir`, wrapping around the edges (hlt::Map::getLocation). */
export function neighbour(g: { width: number; height: number }, i: number, dir: number): number {
  const w = g.width;
  const x = i % w;
  const y = (i - x) / w;
  switch (dir) {
    case NORTH:
      return (y === 0 ? g.height - 1 : y - 1) * w + x;
    case EAST:
      return y * w + (x === w - 1 ? 0 : x + 1);
    case SOUTH:
      return (y === g.height - 1 ? 0 : y + 1) * w + x;
    case WEST:
      return y * w + (x === 0 ? w - 1 : x - 1);
    default:
      return i;
  }
}

/** The original's turn limit (Halite.cpp runGame: `sqrt(width * height) * 10`, truncated). */
export const turnLimit = (width: number, height: number): number => Math.floor(Math.sqrt(width * height) * 10);
