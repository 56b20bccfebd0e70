// What the web viewer draws: the map, every unit with its team and health, and the actions of the
// turn just played (arrows). Coordinates as the original: (0,0) top-left, y grows south.
import { GRID_SIZE, SPAWN_POINTS, WALLS } from './geometry.ts';
import { unitCounts } from './rules.ts';
import type { State, TakenAction, Team } from './state.ts';

export interface FrameUnit {
  id: number;
  x: number;
  y: number;
  health: number;
  team: Team;
}

export interface Frame {
  turn: number;
  maxTurns: number;
  size: number;
  walls: [number, number][];
  spawn: [number, number][];
  /** Player of each team. */
  players: Record<Team, string>;
  units: FrameUnit[];
  counts: Record<Team, number>;
  actions: TakenAction[];
  faults: Team[];
}

const WALL_PAIRS: [number, number][] = WALLS.map((p) => [p.x, p.y]);
const SPAWN_PAIRS: [number, number][] = SPAWN_POINTS.map((p) => [p.x, p.y]);

export function frame(state: State): Frame {
  return {
    turn: state.turn,
    maxTurns: state.settings.maxTurns,
    size: GRID_SIZE,
    walls: WALL_PAIRS.map(([x, y]) => [x, y]),
    spawn: SPAWN_PAIRS.map(([x, y]) => [x, y]),
    players: { red: state.players.red, blue: state.players.blue },
    units: state.units.map((u) => ({ id: u.id, x: u.x, y: u.y, health: u.health, team: u.team })),
    counts: unitCounts(state),
    actions: state.lastActions.map((a) => ({ ...a })),
    faults: [...state.lastFaults],
  };
}
