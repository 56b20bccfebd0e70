import { describe, expect, it } from 'vitest';
import { editDistance, suggest } from './suggest.ts';

describe('editDistance', () => {
  it('counts an adjacent swap as one edit', () => {
    expect(editDistance('tournamnet', 'tournament')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('suggest', () => {
  const fields = ['rounds', 'sims_per_round', 'sim_concurrency', 'transparent', 'seed', 'name'];
  it('finds typos, case and separator variants', () => {
    expect(suggest('rounsd', fields)).toBe('rounds');
    expect(suggest('simsPerRound', fields)).toBe('sims_per_round');
    expect(suggest('SEED', fields)).toBe('seed');
    expect(suggest('sim-concurrency', fields)).toBe('sim_concurrency');
  });
  it('stays quiet when nothing is close', () => {
    expect(suggest('temperature', fields)).toBeUndefined();
    expect(suggest('x', ['id'])).toBeUndefined();
    expect(suggest('', fields)).toBeUndefined();
  });
});
