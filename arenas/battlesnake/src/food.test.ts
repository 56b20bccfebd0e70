// End-of-turn food spawning: minimum top-up, the 15 % chance, and where food may land.
import { createRng } from '@codearena/protocol';
import { describe, expect, it } from 'vitest';
import { foodNeeded, freeCells, spawnFood } from './food.ts';
import { step } from './rules.ts';
import { board, moves } from './test-support.ts';

const settings = (foodSpawnChance: number, minimumFood: number) => ({ foodSpawnChance, minimumFood, maxTurns: 1000 });
const cellXY = (c: number, h = 11) => [Math.floor(c / h), c % h];

describe('food spawn', () => {
  it('never lands on a snake, on food, or next to a living head; dead snakes do not block', () => {
    const s = board(
      [
        {
          id: 'a',
          body: [
            [5, 5],
            [5, 4],
            [5, 3],
          ],
        },
        {
          id: 'b',
          body: [
            [0, 0],
            [1, 0],
            [2, 0],
          ],
        },
      ],
      [[9, 9]],
    );
    const dead = { ...s.snakes[1]!, eliminated: { cause: 'wall-collision' as const, turn: 1 } };
    const cells = new Set(freeCells(11, 11, s.food, [s.snakes[0]!]).map((c) => cellXY(c).join(',')));
    for (const bad of ['5,5', '5,4', '5,3', '4,5', '6,5', '5,6', '9,9']) expect(cells.has(bad)).toBe(false);
    expect(cells.size).toBe(121 - 3 - 3 - 1);
    expect(dead.body.every((p) => cells.has(`${p.x},${p.y}`))).toBe(true);
  });

  it('only uses the cells left free, each of them', () => {
    // 5×5 board: the snake fills rows 0–1 with its head at (0,1), so (0,2) is off limits too.
    const s = board(
      [
        {
          id: 'a',
          body: [
            [0, 1],
            [1, 1],
            [2, 1],
            [3, 1],
            [4, 1],
            [4, 0],
            [3, 0],
            [2, 0],
            [1, 0],
            [0, 0],
          ],
        },
      ],
      [],
      { width: 5, height: 5 },
    );
    const seen = new Set<string>();
    for (let seed = 0; seed < 300; seed++) {
      const food = spawnFood(5, 5, [], s.snakes, settings(0, 1), createRng(seed));
      expect(food).toHaveLength(1);
      const f = food[0]!;
      expect(f.y >= 2 && !(f.x === 0 && f.y === 2)).toBe(true);
      seen.add(`${f.x},${f.y}`);
    }
    expect(seen.size).toBe(14);
  });

  it('tops up to the minimum', () => {
    const s = board(
      [
        {
          id: 'a',
          body: [
            [5, 5],
            [5, 4],
            [5, 3],
          ],
        },
        {
          id: 'b',
          body: [
            [1, 1],
            [1, 0],
            [0, 0],
          ],
        },
      ],
      [],
      {
        minimumFood: 3,
      },
    );
    const s1 = step(s, moves({ a: 'up', b: 'right' }), createRng(1));
    expect(s1.food).toHaveLength(3);
    expect(new Set(s1.food.map((p) => `${p.x},${p.y}`)).size).toBe(3);
  });

  it('spawns an extra piece with (100 - rand(100)) < chance, i.e. 14 % at 15', () => {
    const rng = createRng('chance');
    let spawned = 0;
    const n = 40_000;
    for (let i = 0; i < n; i++) spawned += foodNeeded(5, settings(15, 1), rng);
    expect(spawned / n).toBeGreaterThan(0.13);
    expect(spawned / n).toBeLessThan(0.15);
    expect(foodNeeded(0, settings(0, 1), rng)).toBe(1);
    expect(foodNeeded(1, settings(0, 1), rng)).toBe(0);
  });

  it('is deterministic for a seed, and returns the same array when nothing spawns', () => {
    const s = board(
      [
        {
          id: 'a',
          body: [
            [5, 5],
            [5, 4],
            [5, 3],
          ],
        },
      ],
      [],
    );
    const a = spawnFood(11, 11, [], s.snakes, settings(15, 4), createRng(7));
    const b = spawnFood(11, 11, [], s.snakes, settings(15, 4), createRng(7));
    expect(a).toEqual(b);
    const none = spawnFood(11, 11, a, s.snakes, settings(0, 1), createRng(7));
    expect(none).toBe(a);
  });
});
