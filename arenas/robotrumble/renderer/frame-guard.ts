// The web view receives frames as unknown JSON: check the shape before drawing it.
import type { Frame } from '../src/frame.ts';

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isPair = (p: unknown): boolean => Array.isArray(p) && p.length === 2 && isInt(p[0]) && isInt(p[1]);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const DIRS = new Set(['north', 'east', 'south', 'west']);

export function asFrame(x: unknown): Frame | null {
  if (!isObj(x)) return null;
  const f = x as Partial<Frame>;
  if (!isInt(f.size) || f.size < 3 || f.size > 64 || !isInt(f.turn)) return null;
  if (!Array.isArray(f.walls) || !f.walls.every(isPair) || !Array.isArray(f.spawn) || !f.spawn.every(isPair))
    return null;
  if (!isObj(f.players) || typeof f.players.red !== 'string' || typeof f.players.blue !== 'string') return null;
  if (!Array.isArray(f.units) || !Array.isArray(f.actions)) return null;
  for (const u of f.units as unknown[])
    if (!isObj(u) || !isInt(u.x) || !isInt(u.y) || !isInt(u.health) || (u.team !== 'red' && u.team !== 'blue'))
      return null;
  for (const a of f.actions as unknown[])
    if (!isObj(a) || !isInt(a.x) || !isInt(a.y) || typeof a.direction !== 'string' || !DIRS.has(a.direction))
      return null;
  return f as Frame;
}
