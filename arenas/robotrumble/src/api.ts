// The turn request a team's program reads: the whole board (the original's ProgramInput, which
// carries every object, the grid and both teams' ids: logic/src/types.rs) in one flat shape.
// Ids are strings, as the original serialises them (types.rs `Id`, DisplayFromStr).
import type { PlayerId } from '@codearena/protocol';
import { GRID_SIZE, SPAWN_POINTS, WALLS } from './geometry.ts';
import { teamOf } from './rules.ts';
import type { State, Team } from './state.ts';

export interface ApiUnit {
  id: string;
  x: number;
  y: number;
  health: number;
  team: Team;
}

export interface ApiMap {
  size: number;
  /** Walls with the original's ids ("1".."N"), x-major. */
  walls: { id: string; x: number; y: number }[];
  spawn: { x: number; y: number }[];
}

export interface TurnRequest {
  type: 'turn';
  /** The original's turn number: 1 for the first turn. */
  turn: number;
  maxTurns: number;
  /** Turns between spawns (0: only on turn 1); units on spawn points at a spawn are removed. */
  spawnEvery: number;
  team: Team;
  /** This team's unit ids, ascending: one action each may be given. */
  ids: string[];
  /** Every living unit of both teams, ascending id. */
  units: ApiUnit[];
  map: ApiMap;
}

const MAP: ApiMap = {
  size: GRID_SIZE,
  walls: WALLS.map((p, i) => ({ id: String(i + 1), x: p.x, y: p.y })),
  spawn: SPAWN_POINTS.map((p) => ({ x: p.x, y: p.y })),
};

export function buildRequest(state: State, player: PlayerId): TurnRequest {
  const team = teamOf(state, player);
  if (!team) throw new RangeError(`no team for player ${player} in this game`);
  const units = state.units.map((u) => ({ id: String(u.id), x: u.x, y: u.y, health: u.health, team: u.team }));
  return {
    type: 'turn',
    turn: state.turn + 1,
    maxTurns: state.settings.maxTurns,
    spawnEvery: state.settings.spawnEvery,
    team,
    ids: units.filter((u) => u.team === team).map((u) => u.id),
    units,
    map: MAP,
  };
}
