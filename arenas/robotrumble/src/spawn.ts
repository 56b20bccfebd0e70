// Spawning, as the original's State::clear_spawn and State::spawn_units (logic/src/lib.rs).
import type { Rng } from '@codearena/protocol';
import { type Point, SPAWN_KEYS, SPAWN_POINTS, cellKey, mirror } from './geometry.ts';
import { type Unit, UNIT_HEALTH } from './state.ts';

/** Units of either team standing on a spawn point are removed (clear_spawn). */
export const clearSpawn = (units: readonly Unit[]): Unit[] => units.filter((u) => !SPAWN_KEYS.has(cellKey(u.x, u.y)));

/**
 * Up to `count` pairs: a spawn point is drawn uniformly among those that are free and whose mirror
 * is free; Blue gets the point and the next id, Red its mirror and the id after (spawn_units).
 * The original draws with its own seeded StdRng (rand 0.8 `choose`); we draw from the game's Rng,
 * so the same rule picks other cells for the same seed.
 */
export function spawnUnits(
  units: readonly Unit[],
  nextId: number,
  count: number,
  rng: Rng,
): { units: Unit[]; nextId: number } {
  const taken = new Set(units.map((u) => cellKey(u.x, u.y)));
  const free = (p: Point) => !taken.has(cellKey(p.x, p.y));
  let available = SPAWN_POINTS.filter((p) => free(p) && free(mirror(p)));
  const out = [...units];
  let id = nextId;
  for (let i = 0; i < count && available.length > 0; i++) {
    const blue = available[rng.int(available.length)]!;
    const red = mirror(blue);
    available = available.filter((p) => !(p.x === blue.x && p.y === blue.y) && !(p.x === red.x && p.y === red.y));
    out.push({ id: id++, x: blue.x, y: blue.y, health: UNIT_HEALTH, team: 'blue' });
    out.push({ id: id++, x: red.x, y: red.y, health: UNIT_HEALTH, team: 'red' });
  }
  return { units: out, nextId: id };
}
