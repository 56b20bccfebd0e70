import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRng } from '@codearena/protocol';
import { ParamsFile, describeChange, mutate, rewriteValues } from './params.ts';

const starterText = readFileSync(new URL('../../../arenas/battlesnake/starter/params.json', import.meta.url), 'utf8');
const starter = ParamsFile.parse(JSON.parse(starterText));

describe('mutate', () => {
  it('moves at least one parameter, keeps every value in range and integers whole', () => {
    const rng = createRng(5);
    for (let i = 0; i < 200; i++) {
      const m = mutate(starter, rng, 0.5);
      expect(describeChange(starter, m)).not.toBe('no change');
      for (const [k, p] of Object.entries(m)) {
        expect(p.value).toBeGreaterThanOrEqual(p.min);
        expect(p.value).toBeLessThanOrEqual(p.max);
        if (Number.isInteger(starter[k]!.value) && Number.isInteger(p.min) && Number.isInteger(p.max))
          expect(Number.isInteger(p.value)).toBe(true);
      }
    }
  });

  it('is reproducible from the seed', () => {
    expect(mutate(starter, createRng(9), 0.3)).toEqual(mutate(starter, createRng(9), 0.3));
  });
});

describe('rewriteValues', () => {
  it('changes only the numbers that moved, keeping the layout and docs', () => {
    const to = { ...starter, food_weight: { ...starter.food_weight!, value: 7.5 } };
    const out = rewriteValues(starterText, to);
    const changed = out.split('\n').filter((line, i) => line !== starterText.split('\n')[i]);
    expect(changed).toHaveLength(1);
    expect(changed[0]).toContain('"food_weight"');
    expect(ParamsFile.parse(JSON.parse(out)).food_weight!.value).toBe(7.5);
  });

  it('falls back to plain JSON when the text has another shape', () => {
    const out = rewriteValues('{"a":{"min":0,"max":1,"value":0.5}}', { a: { value: 0.25, min: 0, max: 1 } });
    expect(JSON.parse(out).a.value).toBe(0.25);
  });
});
