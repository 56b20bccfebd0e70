// The web view receives frames as unknown JSON: check the shape before drawing it.
import type { Frame } from '../src/frame.ts';

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

export function asFrame(x: unknown): Frame | null {
  if (typeof x !== 'object' || x === null) return null;
  const f = x as Partial<Frame>;
  if (!isInt(f.coreSize) || f.coreSize < 1 || f.coreSize > 65536) return null;
  if (!isInt(f.cycle) || !isInt(f.maxCycles) || typeof f.core !== 'string') return null;
  if (!Array.isArray(f.warriors) || f.warriors.length > 255) return null;
  for (const w of f.warriors) {
    if (
      typeof w !== 'object' ||
      w === null ||
      typeof w.id !== 'string' ||
      typeof w.alive !== 'boolean' ||
      !isInt(w.processes)
    )
      return null;
    if (!Array.isArray(w.pcs) || !w.pcs.every((p) => isInt(p) && p >= 0 && p < f.coreSize!)) return null;
  }
  return f as Frame;
}
