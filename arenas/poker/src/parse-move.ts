// Bot output is untrusted: anything but {"action": fold|check|call|raise, "amount"?: integer}
// that is legal right now is a fault, which the rules turn into a fold.
import { type Fault, type PlayerId, isFault, preview, replyObject } from '@codearena/protocol';
import { illegality } from './rules.ts';
import type { ActionKind, Move, State } from './state.ts';
import { ACTIONS } from './state.ts';

/** The reply's shape only: accepts the parsed reply object or the raw line as a string. */
export function parseReply(raw: unknown): Move | Fault {
  const obj = replyObject(raw, 'action', ['action', 'amount'], '{"action":"call"}');
  if (isFault(obj)) return obj;
  const action = obj.action;
  if (typeof action !== 'string' || !(ACTIONS as readonly string[]).includes(action)) {
    return { kind: 'invalid_move', detail: `"action" must be one of fold, check, call, raise; got ${preview(action)}` };
  }
  if (Object.hasOwn(obj, 'amount') && (typeof obj.amount !== 'number' || !Number.isSafeInteger(obj.amount))) {
    return { kind: 'invalid_move', detail: `"amount" must be an integer number of chips, got ${preview(obj.amount)}` };
  }
  if (action === 'raise') {
    if (!Object.hasOwn(obj, 'amount'))
      return { kind: 'invalid_move', detail: 'a raise needs "amount": your total bet for the street after raising' };
    return { action: 'raise', amount: obj.amount as number };
  }
  return { action: action as ActionKind };
}

/** Shape, then legality for `player` in `state`. */
export function parseMove(raw: unknown, state: State, player: PlayerId): Move | Fault {
  const move = parseReply(raw);
  if ('kind' in move) return move;
  const h = state.hand;
  const seat = state.seats.indexOf(player);
  if (!h || seat !== h.toAct) return { kind: 'invalid_move', detail: `${move.action}: it is not your turn` };
  const why = illegality(h, seat, move);
  return why ? { kind: 'invalid_move', detail: `illegal ${move.action}: ${why}` } : move;
}
