import { describe, expect, it } from 'vitest';
import { costOf, priceFor } from './pricing.ts';

describe('pricing', () => {
  it('finds the longest matching model prefix, also behind a router prefix', () => {
    expect(priceFor('gpt-4o-mini')?.input).toBe(0.15);
    expect(priceFor('gpt-4o-2024-08-06')?.input).toBe(2.5);
    expect(priceFor('openai/gpt-4.1-mini')?.input).toBe(0.4);
    expect(priceFor('claude-sonnet-4-5-20250929')?.output).toBe(15);
    expect(priceFor('claude-opus-4-5')?.input).toBe(5);
    expect(priceFor('claude-opus-4-1')?.input).toBe(15);
    expect(priceFor('o3-mini')?.input).toBe(1.1);
    expect(priceFor('gpt-4o3')).toBeNull(); // a prefix must end at a separator
    expect(priceFor('llama3.1:8b')).toBeNull();
  });

  it('lets the config override or supply a price', () => {
    expect(priceFor('llama3.1:8b', { input: 0, output: 0 })).toEqual({ input: 0, output: 0 });
    expect(priceFor('gpt-4o', { input: 1, output: 2 })).toEqual({ input: 1, output: 2 });
  });

  it('prices fresh input, cached input, cache writes and output separately', () => {
    const p = { input: 2, output: 10, cached_input: 0.5, cache_write: 2.5 };
    expect(costOf({ input: 1_000_000, output: 0, cachedInput: 0, cacheWrite: 0 }, p)).toBeCloseTo(2);
    expect(costOf({ input: 1_000_000, output: 500_000, cachedInput: 600_000, cacheWrite: 100_000 }, p)).toBeCloseTo(
      0.3 * 2 + 0.6 * 0.5 + 0.1 * 2.5 + 0.5 * 10,
    );
    expect(
      costOf({ input: 1000, output: 1000, cachedInput: 1000, cacheWrite: 0 }, { input: 1, output: 1 }),
    ).toBeCloseTo(0.002); // cached at the input price by default
  });
});
