// The web view receives frames as unknown JSON: check the shape before drawing it.
import type { Frame } from '../src/frame.ts';

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isGrid = (g: unknown, w: number, h: number): boolean =>
  Array.isArray(g) && g.length === h && g.every((row) => Array.isArray(row) && row.length === w && row.every(isInt));

export function asFrame(x: unknown): Frame | null {
  if (typeof x !== 'object' || x === null) return null;
  const f = x as Partial<Frame>;
  if (!isInt(f.width) || !isInt(f.height) || f.width < 1 || f.height < 1 || f.width > 100 || f.height > 100)
    return null;
  if (!isGrid(f.owners, f.width, f.height) || !isGrid(f.strengths, f.width, f.height)) return null;
  if (!isGrid(f.productions, f.width, f.height)) return null;
  if (
    !Array.isArray(f.players) ||
    !f.players.every((p) => typeof p === 'object' && p !== null && typeof p.id === 'string')
  )
    return null;
  return f as Frame;
}
