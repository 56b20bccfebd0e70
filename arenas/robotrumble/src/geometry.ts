// The arena map: the original plays on a 19x19 "circle" map (logic/src/lib.rs `run` builds
// State::new(MapType::Circle, GRID_SIZE, ...)). Walls are every cell whose squared distance to
// the centre (9,9) is at least 9² (State::init, MapType::Circle); spawn points are the open cells
// next to a wall (same function). Both are fixed, so they are computed once here.
import type { Direction } from './state.ts';

export const GRID_SIZE = 19; // logic/src/lib.rs GRID_SIZE

export interface Point {
  x: number;
  y: number;
}

export const cellKey = (x: number, y: number): number => y * GRID_SIZE + x;

const half = Math.floor(GRID_SIZE / 2);
const distanceFromCentre = (x: number, y: number): number => (half - x) ** 2 + (half - y) ** 2;
const isWallCell = (x: number, y: number): boolean => distanceFromCentre(x, y) >= half ** 2;

/** Walls in the original's id order: x outer, y inner (its grid iterator), ids 1..WALLS.length. */
export const WALLS: readonly Point[] = (() => {
  const out: Point[] = [];
  for (let x = 0; x < GRID_SIZE; x++) for (let y = 0; y < GRID_SIZE; y++) if (isWallCell(x, y)) out.push({ x, y });
  return out;
})();
export const WALL_KEYS: ReadonlySet<number> = new Set(WALLS.map((p) => cellKey(p.x, p.y)));

/** Spawn points, sorted by x then y as the original keeps them (State::init: "spawn_points is
 *  sorted"). Its neighbour test subtracts with saturation at 0; no open cell sits on row or
 *  column 0, so a plain bounds check is the same here. */
export const SPAWN_POINTS: readonly Point[] = (() => {
  const out: Point[] = [];
  const wall = (x: number, y: number) => x >= 0 && y >= 0 && WALL_KEYS.has(cellKey(x, y));
  for (let x = 0; x < GRID_SIZE; x++)
    for (let y = 0; y < GRID_SIZE; y++)
      if (!isWallCell(x, y) && (wall(x + 1, y) || wall(x, y + 1) || wall(x - 1, y) || wall(x, y - 1)))
        out.push({ x, y });
  return out;
})();
export const SPAWN_KEYS: ReadonlySet<number> = new Set(SPAWN_POINTS.map((p) => cellKey(p.x, p.y)));

/** Point reflection through the centre: Red spawns on the mirror of Blue's cell
 *  (logic/src/lib.rs State::mirror_loc). */
export const mirror = (p: Point): Point => ({ x: GRID_SIZE - p.x - 1, y: GRID_SIZE - p.y - 1 });

/** The original adds directions with saturation at 0 (types.rs `impl Add<Direction> for Coords`). */
export function offset(p: Point, d: Direction): Point {
  switch (d) {
    case 'north':
      return { x: p.x, y: Math.max(0, p.y - 1) };
    case 'south':
      return { x: p.x, y: p.y + 1 };
    case 'east':
      return { x: p.x + 1, y: p.y };
    case 'west':
      return { x: Math.max(0, p.x - 1), y: p.y };
  }
}

export const opposite = (d: Direction): Direction =>
  d === 'north' ? 'south' : d === 'south' ? 'north' : d === 'east' ? 'west' : 'east';
