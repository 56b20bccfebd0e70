// Tunable parameters as arenas' starters publish them in params.json:
// { "name": { "value": x, "min": a, "max": b, "doc": "..." }, ... }
import { z } from 'zod';
import type { Rng } from '@codearena/protocol';

export const ParamSpec = z.object({ value: z.number(), min: z.number(), max: z.number(), doc: z.string().optional() });
export const ParamsFile = z.record(z.string(), ParamSpec);
export type ParamsFile = z.infer<typeof ParamsFile>;

/** Moves each parameter with probability ½ (at least one always moves) by a normal step of
 *  `step` × its range, clamped to [min, max]; integers stay integers. */
export function mutate(params: ParamsFile, rng: Rng, step: number): ParamsFile {
  const names = Object.keys(params);
  const forced = names[rng.int(names.length)];
  const out: ParamsFile = {};
  for (const name of names) {
    const p = params[name]!;
    if (name !== forced && rng.next() < 0.5) {
      out[name] = { ...p };
      continue;
    }
    const range = p.max - p.min;
    let v = p.value + gaussian(rng) * step * range;
    v = Math.min(p.max, Math.max(p.min, v));
    v = Number.isInteger(p.value) && Number.isInteger(p.min) && Number.isInteger(p.max) ? Math.round(v) : Math.round(v * 1000) / 1000;
    out[name] = { ...p, value: v };
  }
  return out;
}

/** Box–Muller with the given Rng. */
function gaussian(rng: Rng): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export function describeChange(from: ParamsFile, to: ParamsFile): string {
  const parts = Object.keys(to)
    .filter((k) => from[k]?.value !== to[k]!.value)
    .map((k) => `${k} ${from[k]?.value ?? '?'}→${to[k]!.value}`);
  return parts.length ? parts.join(', ') : 'no change';
}
