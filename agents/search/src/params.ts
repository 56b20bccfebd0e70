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
  // Rounding and clamping can undo a small step; draw again so a candidate always differs.
  for (let attempt = 0; attempt < 50; attempt++) {
    const m = mutateOnce(params, rng, step);
    if (Object.keys(m).some((k) => m[k]!.value !== params[k]!.value)) return m;
  }
  return params;
}

function mutateOnce(params: ParamsFile, rng: Rng, step: number): ParamsFile {
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
    v =
      Number.isInteger(p.value) && Number.isInteger(p.min) && Number.isInteger(p.max)
        ? Math.round(v)
        : Math.round(v * 1000) / 1000;
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

/** Writes new values into the params.json text in place, so the round's diff shows only the
 *  numbers that moved; falls back to a fresh JSON document if the text has an unusual shape. */
export function rewriteValues(text: string, to: ParamsFile): string {
  let out = text;
  for (const [name, spec] of Object.entries(to)) {
    const re = new RegExp(
      `("${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:\\s*\\{[^{}]*?"value"\\s*:\\s*)(-?[0-9][0-9.eE+-]*)`,
    );
    if (!re.test(out)) return `${JSON.stringify(to, null, 2)}\n`;
    out = out.replace(re, (_m, head: string, old: string) =>
      Number(old) === spec.value ? `${head}${old}` : `${head}${spec.value}`,
    );
  }
  try {
    const check = ParamsFile.parse(JSON.parse(out));
    if (Object.entries(to).every(([k, v]) => check[k]?.value === v.value)) return out;
  } catch {
    /* fall through */
  }
  return `${JSON.stringify(to, null, 2)}\n`;
}
