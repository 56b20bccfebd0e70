// Bot output is untrusted. Init phase: {"ready": true, "name"?: string}. Play: {"moves":
// [[x, y, dir], ...]}. A reply that is not that shape is a fault and the player's sites all stay
// STILL this frame. Within a well-formed reply, entries are judged as the original judges them
// (Networking.cpp deserializeMoveSet, Halite.cpp processNextFrame): a later entry for the same
// site replaces an earlier one, moves of sites the player does not own are ignored, and reading
// stops at the first site outside the map (the entries after it are dropped). Those entries cost
// an invalid_move fault, but the legal moves of the reply are still played. One deviation: the
// original lets a direction above 4 through (the piece then stays without producing); we ignore
// such entries, so the site stays STILL.
import { type Fault, isFault, preview, replyObject } from '@codearena/protocol';
import type { HaliteMove, PartialMove, Ready } from './rules.ts';
import type { Direction, Move, SiteMove, State } from './state.ts';

/** The original cuts names to 30 characters (Networking.cpp handleInitNetworking). */
export const MAX_NAME = 30;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

export function parseReady(raw: unknown): Ready | Fault {
  const obj = replyObject(raw, 'ready', ['ready', 'name'], '{"ready":true,"name":"MyBot"}');
  if (isFault(obj)) return obj;
  if (obj.ready !== true) return { kind: 'bad_output', detail: `"ready" must be true, got ${preview(obj.ready)}` };
  if (Object.hasOwn(obj, 'name') && typeof obj.name !== 'string')
    return { kind: 'bad_output', detail: `"name" must be a string, got ${preview(obj.name)}` };
  const out: Ready = { ready: true };
  // Cut without leaving half a surrogate pair.
  if (typeof obj.name === 'string' && obj.name !== '')
    out.name = obj.name.slice(0, MAX_NAME).replace(/[\ud800-\udbff]$/, '');
  return out;
}

export function parseMoves(raw: unknown, state: State, tag: number): Move | PartialMove | Fault {
  const obj = replyObject(raw, 'moves', ['moves'], '{"moves":[[3,4,1]]}');
  if (isFault(obj)) return obj;
  const list = obj.moves;
  if (!Array.isArray(list)) return { kind: 'bad_output', detail: `"moves" must be an array, got ${preview(list)}` };
  const moves: SiteMove[] = [];
  const problems: string[] = [];
  for (let k = 0; k < list.length; k++) {
    const e: unknown = list[k];
    if (!Array.isArray(e) || e.length !== 3 || !e.every(isInt))
      return { kind: 'bad_output', detail: `moves[${k}] must be [x, y, dir] with whole numbers, got ${preview(e)}` };
    const [x, y, dir] = e as [number, number, number];
    if (x < 0 || y < 0 || x >= state.width || y >= state.height) {
      const rest = list.length - k - 1;
      problems.push(
        `(${x},${y}) is off the ${state.width}x${state.height} map; it and the ${rest} move(s) after it were dropped`,
      );
      break;
    }
    if (dir < 0 || dir > 4) {
      problems.push(`(${x},${y}): direction ${dir} is not 0-4`);
      continue;
    }
    if (state.owner[y * state.width + x] !== tag) {
      problems.push(`(${x},${y}) is not your site`);
      continue;
    }
    moves.push([x, y, dir as Direction]);
  }
  if (problems.length === 0) return { moves };
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more ignored)` : '';
  return { kind: 'invalid_move', detail: `ignored: ${problems[0]}${more}`, legal: { moves } };
}

/** Accepts the parsed reply object, or the raw reply line as a string. */
export function parseMove(raw: unknown, state: State, player: string): HaliteMove | Fault {
  if (state.phase === 'init') return parseReady(raw);
  return parseMoves(raw, state, state.players.indexOf(player) + 1);
}
