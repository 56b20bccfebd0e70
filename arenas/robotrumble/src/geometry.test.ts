// The map, checked against the original's own data. Sources (robot-rumble/logic):
//   logic/src/lib.rs State::init (MapType::Circle walls and spawn points), GRID_SIZE, mirror_loc;
//   lang-runners/python/stdlib/rumblelib.py SPAWN_COORDS (the list robots were given);
// and robot-rumble/docs source/index.rst ("Robots fight in a 19x19 octagonal arena").
import { describe, expect, it } from 'vitest';
import { GRID_SIZE, SPAWN_KEYS, SPAWN_POINTS, WALLS, cellKey, mirror, offset } from './geometry.ts';
import { FIRST_UNIT_ID } from './rules.ts';

// rumblelib.py SPAWN_COORDS, in its order (which is also State::init's x-then-y order).
const STDLIB_SPAWN = [
  [1, 5], [1, 6], [1, 7], [1, 8], [1, 9], [1, 10], [1, 11], [1, 12], [1, 13], [2, 4], [2, 14], [3, 3], [3, 15],
  [4, 2], [4, 16], [5, 1], [5, 17], [6, 1], [6, 17], [7, 1], [7, 17], [8, 1], [8, 17], [9, 1], [9, 17], [10, 1],
  [10, 17], [11, 1], [11, 17], [12, 1], [12, 17], [13, 1], [13, 17], [14, 2], [14, 16], [15, 3], [15, 15], [16, 4],
  [16, 14], [17, 5], [17, 6], [17, 7], [17, 8], [17, 9], [17, 10], [17, 11], [17, 12], [17, 13],
]; // prettier-ignore

describe('the 19x19 circle map (lib.rs State::init, MapType::Circle)', () => {
  it('is 19 cells a side with walls on every border cell', () => {
    expect(GRID_SIZE).toBe(19);
    const walls = new Set(WALLS.map((p) => cellKey(p.x, p.y)));
    for (let i = 0; i < 19; i++)
      for (const [x, y] of [
        [i, 0],
        [i, 18],
        [0, i],
        [18, i],
      ] as const)
        expect(walls.has(cellKey(x, y))).toBe(true);
  });

  it('cuts the corners into an octagon: a wall is any cell with (9-x)² + (9-y)² ≥ 81', () => {
    const walls = new Set(WALLS.map((p) => cellKey(p.x, p.y)));
    // Row 1 is open from x=5 to x=13 only: (9-4)² + 8² = 89 ≥ 81 is wall, (9-5)² + 8² = 80 is open.
    expect(walls.has(cellKey(4, 1))).toBe(true);
    expect(walls.has(cellKey(5, 1))).toBe(false);
    expect(walls.has(cellKey(13, 1))).toBe(false);
    expect(walls.has(cellKey(14, 1))).toBe(true);
    // The diagonal corner: (3,3) is open ((6²+6²=72), (2,2) is wall (7²+7²=98).
    expect(walls.has(cellKey(3, 3))).toBe(false);
    expect(walls.has(cellKey(2, 2))).toBe(true);
    expect(WALLS.length).toBe(112);
  });

  it('numbers walls first, x-major, so the first unit id is 113 (lib.rs new_id, State::init)', () => {
    expect(WALLS[0]).toEqual({ x: 0, y: 0 });
    expect(WALLS[1]).toEqual({ x: 0, y: 1 });
    expect(FIRST_UNIT_ID).toBe(113);
  });

  it('has exactly the 48 spawn points of the stdlib, in the same order', () => {
    expect(SPAWN_POINTS.map((p) => [p.x, p.y])).toEqual(STDLIB_SPAWN);
  });

  it('mirrors every spawn point onto another spawn point through the centre (mirror_loc)', () => {
    expect(mirror({ x: 1, y: 5 })).toEqual({ x: 17, y: 13 });
    for (const p of SPAWN_POINTS) {
      const m = mirror(p);
      expect(SPAWN_KEYS.has(cellKey(m.x, m.y))).toBe(true);
      expect(m).not.toEqual(p);
    }
  });

  it('puts North at y-1 and East at x+1 (types.rs Direction::to_tuple)', () => {
    expect(offset({ x: 5, y: 5 }, 'north')).toEqual({ x: 5, y: 4 });
    expect(offset({ x: 5, y: 5 }, 'south')).toEqual({ x: 5, y: 6 });
    expect(offset({ x: 5, y: 5 }, 'east')).toEqual({ x: 6, y: 5 });
    expect(offset({ x: 5, y: 5 }, 'west')).toEqual({ x: 4, y: 5 });
  });
});
