// The web view receives frames as unknown JSON: check the shape before drawing it.
import type { Frame } from '../src/frame.ts';

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isCard = (c: unknown): boolean => typeof c === 'string' && /^[2-9TJQKA][shdc]$/.test(c);

export function asFrame(x: unknown): Frame | null {
  if (typeof x !== 'object' || x === null) return null;
  const f = x as Partial<Frame>;
  if (!isInt(f.hand) || !isInt(f.hands) || !isInt(f.pot) || !isInt(f.button)) return null;
  if (!Array.isArray(f.board) || !f.board.every(isCard) || f.board.length > 5) return null;
  if (!Array.isArray(f.players) || f.players.length < 1 || f.players.length > 10) return null;
  for (const p of f.players) {
    if (
      typeof p !== 'object' ||
      p === null ||
      typeof p.id !== 'string' ||
      !isInt(p.stack) ||
      !isInt(p.bet) ||
      !isInt(p.net)
    )
      return null;
    if (!Array.isArray(p.hole_cards) || !p.hole_cards.every(isCard)) return null;
  }
  if (!Array.isArray(f.finished)) return null;
  return f as Frame;
}
