// The web view receives frames as unknown JSON: check the shape before drawing it.
import type { Frame } from '../src/frame.ts';

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isPoint = (p: unknown): boolean =>
  typeof p === 'object' && p !== null && isInt((p as { x: unknown }).x) && isInt((p as { y: unknown }).y);

export function asFrame(x: unknown): Frame | null {
  if (typeof x !== 'object' || x === null) return null;
  const f = x as Partial<Frame>;
  if (!isInt(f.width) || !isInt(f.height) || f.width < 1 || f.height < 1 || f.width > 100 || f.height > 100)
    return null;
  if (!Array.isArray(f.food) || !f.food.every(isPoint)) return null;
  if (!Array.isArray(f.snakes)) return null;
  for (const s of f.snakes) {
    if (
      typeof s !== 'object' ||
      s === null ||
      typeof s.id !== 'string' ||
      !Array.isArray(s.body) ||
      !s.body.every(isPoint)
    )
      return null;
  }
  return f as Frame;
}
