// End-of-turn food spawning, after the official standard map (maps/standard.go):
// top up to minimumFood, otherwise one piece with chance `(100 - rand(100)) < foodSpawnChance`.
import type { Rng } from '@codearena/protocol';
import type { Point, Settings, Snake } from './state.ts';

/** How many pieces to add; draws from `rng` only when the minimum is already met. */
export function foodNeeded(foodCount: number, settings: Settings, rng: Rng): number {
  if (foodCount < settings.minimumFood) return settings.minimumFood - foodCount;
  if (settings.foodSpawnChance > 0 && 100 - rng.int(100) < settings.foodSpawnChance) return 1;
  return 0;
}

/**
 * Cells where food may land, as cell indices x*height+y: not food, not on a living snake,
 * not next to a living head (so food never appears under a snake's next move).
 */
export function freeCells(width: number, height: number, food: readonly Point[], living: readonly Snake[]): number[] {
  const blocked = new Uint8Array(width * height);
  const block = (x: number, y: number): void => {
    if (x >= 0 && x < width && y >= 0 && y < height) blocked[x * height + y] = 1;
  };
  for (const f of food) block(f.x, f.y);
  for (const s of living) {
    for (const p of s.body) block(p.x, p.y);
    const h = s.body[0];
    if (h) {
      block(h.x - 1, h.y);
      block(h.x + 1, h.y);
      block(h.x, h.y - 1);
      block(h.x, h.y + 1);
    }
  }
  const out: number[] = [];
  for (let i = 0; i < blocked.length; i++) if (blocked[i] === 0) out.push(i);
  return out;
}

/** Returns `food` itself when nothing spawns, so unchanged states share the array. */
export function spawnFood(
  width: number,
  height: number,
  food: readonly Point[],
  living: readonly Snake[],
  settings: Settings,
  rng: Rng,
): readonly Point[] {
  let n = foodNeeded(food.length, settings, rng);
  if (n === 0) return food;
  const cells = freeCells(width, height, food, living);
  n = Math.min(n, cells.length);
  if (n === 0) return food;
  const out = food.slice();
  // Partial Fisher–Yates: the same distribution as the official full shuffle, for n picks.
  for (let i = 0; i < n; i++) {
    const j = i + rng.int(cells.length - i);
    const cell = cells[j]!;
    cells[j] = cells[i]!;
    cells[i] = cell;
    out.push({ x: Math.floor(cell / height), y: cell % height });
  }
  return out;
}
