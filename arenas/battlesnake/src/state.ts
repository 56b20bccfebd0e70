// The game state the rules pass around. It is immutable by convention: step() builds a new
// State and shares every unchanged array with the old one (copy-on-write), so a replay can keep
// every state of a game without deep copies.
import type { PlayerId } from '@codearena/protocol';

export type Direction = 'up' | 'down' | 'left' | 'right';
export const DIRECTIONS: readonly Direction[] = ['up', 'down', 'left', 'right'];

/** Official coordinates: (0,0) is bottom-left and "up" is y+1. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A parsed bot reply. */
export interface Move {
  move: Direction;
  shout?: string;
}

/** Cause names as the official engine spells them (rules/constants.go). */
export type EliminationCause =
  'wall-collision' | 'out-of-health' | 'snake-self-collision' | 'snake-collision' | 'head-collision';

export interface Elimination {
  cause: EliminationCause;
  /** The turn number of the state in which the snake is first seen dead. */
  turn: number;
  /** The other snake involved in a collision. */
  by?: PlayerId;
}

export interface Snake {
  readonly id: PlayerId;
  /** Head first. Stacked segments (start, just ate) repeat a point. */
  readonly body: readonly Point[];
  readonly health: number;
  /** The move applied last turn; a faulted snake repeats it ("up" when there is none). */
  readonly lastMove: Direction | null;
  /** The snake's latest shout, echoed to every bot as the official API does. */
  readonly shout: string;
  readonly eliminated: Elimination | null;
}

export interface Settings {
  readonly foodSpawnChance: number;
  readonly minimumFood: number;
  /** Hard cap so a sim always ends; survivors are then ranked by length, then health. */
  readonly maxTurns: number;
}

export interface State {
  /** Stands in for the official game UUID; drawn from the game's Rng so replays agree. */
  readonly gameId: string;
  readonly turn: number;
  readonly width: number;
  readonly height: number;
  readonly food: readonly Point[];
  /** In player order; eliminated snakes stay (frozen) so frames and ranks can show them. */
  readonly snakes: readonly Snake[];
  readonly settings: Settings;
}

export const MAX_HEALTH = 100;
export const START_LENGTH = 3;
/** The official engine truncates shouts to this many characters. */
export const MAX_SHOUT = 256;

export const isAlive = (s: Snake): boolean => s.eliminated === null;

export function offset(p: Point, d: Direction): Point {
  switch (d) {
    case 'up':
      return { x: p.x, y: p.y + 1 };
    case 'down':
      return { x: p.x, y: p.y - 1 };
    case 'left':
      return { x: p.x - 1, y: p.y };
    case 'right':
      return { x: p.x + 1, y: p.y };
  }
}

export const inBounds = (p: Point, width: number, height: number): boolean =>
  p.x >= 0 && p.x < width && p.y >= 0 && p.y < height;
