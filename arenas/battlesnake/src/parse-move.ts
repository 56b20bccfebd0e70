// Bot output is untrusted: anything but exactly {"move": <direction>, "shout"?: <string>} is a
// fault, which the rules turn into "repeat the last move".
import type { Fault } from '@codearena/protocol';
import type { Direction, Move } from './state.ts';
import { DIRECTIONS, MAX_SHOUT } from './state.ts';

const preview = (x: unknown): string => {
  let s: string;
  try {
    s = typeof x === 'string' ? x : JSON.stringify(x) ?? String(x);
  } catch {
    s = String(x);
  }
  return s.length > 120 ? `${s.slice(0, 120)}…` : s;
};

/** Accepts the parsed reply object, or the raw reply line as a string. */
export function parseMove(raw: unknown): Move | Fault {
  let value = raw;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return { kind: 'bad_output', detail: `reply is not JSON: ${preview(raw)}` };
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'bad_output', detail: `reply must be an object like {"move":"up"}, got ${preview(value)}` };
  }
  const obj = value as Record<string, unknown>;
  const extra = Object.keys(obj).filter((k) => k !== 'move' && k !== 'shout');
  if (extra.length > 0) {
    return { kind: 'bad_output', detail: `unexpected key(s) ${extra.join(', ')} in ${preview(obj)}; only "move" and "shout" are allowed` };
  }
  if (!('move' in obj)) return { kind: 'bad_output', detail: `reply has no "move": ${preview(obj)}` };
  const move = obj.move;
  if (typeof move !== 'string' || !(DIRECTIONS as readonly string[]).includes(move)) {
    return { kind: 'invalid_move', detail: `"move" must be one of up, down, left, right; got ${preview(move)}` };
  }
  if ('shout' in obj && typeof obj.shout !== 'string') {
    return { kind: 'bad_output', detail: `"shout" must be a string, got ${preview(obj.shout)}` };
  }
  const out: Move = { move: move as Direction };
  if (typeof obj.shout === 'string') out.shout = obj.shout.slice(0, MAX_SHOUT);
  return out;
}
