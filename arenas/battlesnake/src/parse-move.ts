// Bot output is untrusted: anything but exactly {"move": <direction>, "shout"?: <string>} is a
// fault, which the rules turn into "repeat the last move".
import { type Fault, isFault, preview, replyObject } from '@codearena/protocol';
import type { Direction, Move } from './state.ts';
import { DIRECTIONS, MAX_SHOUT } from './state.ts';

/** Accepts the parsed reply object, or the raw reply line as a string. */
export function parseMove(raw: unknown): Move | Fault {
  const obj = replyObject(raw, 'move', ['move', 'shout'], '{"move":"up"}');
  if (isFault(obj)) return obj;
  const move = obj.move;
  if (typeof move !== 'string' || !(DIRECTIONS as readonly string[]).includes(move)) {
    return { kind: 'invalid_move', detail: `"move" must be one of up, down, left, right; got ${preview(move)}` };
  }
  if (Object.hasOwn(obj, 'shout') && typeof obj.shout !== 'string') {
    return { kind: 'bad_output', detail: `"shout" must be a string, got ${preview(obj.shout)}` };
  }
  const out: Move = { move: move as Direction };
  // Kept in frames and sent to every bot: capped, without a half surrogate pair at the cut.
  if (typeof obj.shout === 'string') out.shout = obj.shout.slice(0, MAX_SHOUT).replace(/[\ud800-\udbff]$/, '');
  return out;
}
