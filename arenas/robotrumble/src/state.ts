// The game state the rules pass around, immutable by convention: step() builds a new State.
// Coordinates are the original's: x grows east, y grows south, (0,0) is the top-left corner
// (robot-rumble/logic logic/src/types.rs, Direction::to_tuple: North is (0,-1)).
import type { PlayerId } from '@codearena/protocol';

export type Team = 'red' | 'blue';
/** Seat order: the first player is Red, the second Blue (the original's Team enum orders Red
 *  before Blue, logic/src/types.rs `enum Team`). */
export const TEAMS: readonly Team[] = ['red', 'blue'];

export type Direction = 'north' | 'east' | 'south' | 'west';
export const DIRECTIONS: readonly Direction[] = ['north', 'east', 'south', 'west'];
export type ActionType = 'move' | 'attack';

export interface Action {
  type: ActionType;
  direction: Direction;
}

export interface Unit {
  /** The original's ids: one counter for walls then units, never reused (logic/src/lib.rs new_id). */
  readonly id: number;
  readonly x: number;
  readonly y: number;
  readonly health: number;
  readonly team: Team;
}

/** A parsed reply: the actions of some of the team's units, in ascending unit id order. */
export interface Move {
  actions: { id: number; action: Action }[];
  /** Entries naming a unit that is not one of the team's living units: skipped, as the original
   *  skips an action whose id "points to unit on other team / terrain / nonexistent object"
   *  (logic/src/lib.rs validate_robot_action). */
  ignored: number;
}

/** An action as it was taken, from the unit's position before the turn (frames draw arrows). */
export interface TakenAction {
  id: number;
  team: Team;
  x: number;
  y: number;
  type: ActionType;
  direction: Direction;
}

/** The original's SpawnSettings and turn limit (logic/src/types.rs, SpawnSettings::default). */
export interface Settings {
  readonly maxTurns: number;
  readonly spawnEvery: number;
  readonly initialUnits: number;
  readonly recurrentUnits: number;
}

export interface State {
  /** Turns played so far; the next request is for turn `turn + 1` (the original counts from 1). */
  readonly turn: number;
  /** Player of each team. */
  readonly players: Readonly<Record<Team, PlayerId>>;
  /** Living units in ascending id order (the original's ObjMap is a BTreeMap by id). */
  readonly units: readonly Unit[];
  readonly nextId: number;
  readonly settings: Settings;
  /** What the last step did, for frames. */
  readonly lastActions: readonly TakenAction[];
  /** Teams whose last reply was a fault (no actions that turn). */
  readonly lastFaults: readonly Team[];
}

export const UNIT_HEALTH = 5; // logic/src/lib.rs Obj::UNIT_HEALTH
export const ATTACK_POWER = 1; // logic/src/lib.rs Obj::ATTACK_POWER

export const otherTeam = (t: Team): Team => (t === 'red' ? 'blue' : 'red');
