// What a model call costs: the API's token counts × a price per million tokens. The table holds
// list prices of common models (USD, standard tier); a config's `price` overrides it, and is
// required for models the table does not know (0/0 for a local model).
import type { LlmPrice } from '@codearena/protocol';
import type { Usage } from './messages.ts';

const anthropic = (input: number, output: number): LlmPrice => ({
  input,
  output,
  cached_input: input * 0.1,
  cache_write: input * 1.25,
});
const openai = (input: number, output: number, cached: number): LlmPrice => ({ input, output, cached_input: cached });

/** Keyed by model name prefix; the longest matching prefix wins (gpt-4o-mini before gpt-4o). */
export const DEFAULT_PRICES: Readonly<Record<string, LlmPrice>> = {
  'gpt-5': openai(1.25, 10, 0.125),
  'gpt-5-mini': openai(0.25, 2, 0.025),
  'gpt-5-nano': openai(0.05, 0.4, 0.005),
  'gpt-4.1': openai(2, 8, 0.5),
  'gpt-4.1-mini': openai(0.4, 1.6, 0.1),
  'gpt-4.1-nano': openai(0.1, 0.4, 0.025),
  'gpt-4o': openai(2.5, 10, 1.25),
  'gpt-4o-mini': openai(0.15, 0.6, 0.075),
  o3: openai(2, 8, 0.5),
  'o3-mini': openai(1.1, 4.4, 0.55),
  'o4-mini': openai(1.1, 4.4, 0.275),
  'claude-opus-4': anthropic(15, 75),
  'claude-opus-4-5': anthropic(5, 25),
  'claude-sonnet-4': anthropic(3, 15),
  'claude-3-7-sonnet': anthropic(3, 15),
  'claude-3-5-sonnet': anthropic(3, 15),
  'claude-haiku-4-5': anthropic(1, 5),
  'claude-3-5-haiku': anthropic(0.8, 4),
};

/** The price of `model` ("openai/gpt-4o" as routers name it counts as "gpt-4o"), or null if unknown. */
export function priceFor(model: string, override?: LlmPrice): LlmPrice | null {
  if (override) return override;
  const name = model.toLowerCase().replace(/^.*\//, '');
  let best: string | undefined;
  for (const key of Object.keys(DEFAULT_PRICES)) {
    const boundary = name.length === key.length || /[-.:@]/.test(name[key.length] ?? '');
    if (name.startsWith(key) && boundary && key.length > (best?.length ?? 0)) best = key;
  }
  return best === undefined ? null : DEFAULT_PRICES[best]!;
}

export function costOf(u: Usage, p: LlmPrice): number {
  const fresh = Math.max(0, u.input - u.cachedInput - u.cacheWrite);
  const usd =
    fresh * p.input +
    u.cachedInput * (p.cached_input ?? p.input) +
    u.cacheWrite * (p.cache_write ?? p.input) +
    u.output * p.output;
  return usd / 1e6;
}
