// The generator's guarantees, as the original's: one starting site per player with production
// >= 1, strength and production in range, the size cut to tile evenly, and every player's
// surroundings the same up to the mirroring and shifting of tiles.
import { createRng } from '@codearena/protocol';
import { describe, expect, it } from 'vitest';
import { generateMap, tiling } from './mapgen.ts';

describe('generateMap', () => {
  it('tiles by the factor pair closest to square', () => {
    expect(tiling(4, true)).toEqual({ dw: 2, dh: 2 });
    expect(tiling(6, true)).toEqual({ dw: 3, dh: 2 });
    expect(tiling(6, false)).toEqual({ dw: 2, dh: 3 });
    expect(tiling(5, false)).toEqual({ dw: 1, dh: 5 });
  });

  it.each([2, 3, 4, 5, 6])('%i players: one start each, values in range, the same production at every start', (n) => {
    for (const seed of [1, 2, 3]) {
      const g = generateMap(30, 30, n, createRng(`map-${n}-${seed}`));
      expect(g.width).toBeLessThanOrEqual(30);
      expect(g.height).toBeLessThanOrEqual(30);
      expect(g.width * g.height).toBeGreaterThan(0);
      const starts = [...g.owner].map((o, i) => [o, i] as const).filter(([o]) => o > 0);
      expect(starts.map(([o]) => o).sort()).toEqual(Array.from({ length: n }, (_, k) => k + 1));
      for (const [, i] of starts) expect(g.production[i]).toBeGreaterThanOrEqual(1);
      expect(Math.max(...g.strength)).toBeLessThanOrEqual(255);
      expect(Math.max(...g.production)).toBeLessThanOrEqual(15);
      // Each player's start has the same production before the blur evens seams out; after
      // it, the starting sites' productions are all the same by symmetry.
      const prods = new Set(starts.map(([, i]) => g.production[i]));
      expect(prods.size).toBe(1);
    }
  });

  it('is deterministic for a seed', () => {
    const a = generateMap(25, 25, 3, createRng('same'));
    const b = generateMap(25, 25, 3, createRng('same'));
    expect([...a.strength]).toEqual([...b.strength]);
    expect([...a.production]).toEqual([...b.production]);
  });
});
