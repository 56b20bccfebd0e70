// Bot output is untrusted: anything but {"action": fold|check|call|raise, "amount"?: integer}
// that is legal right now is a fault, which the rules turn into a fold.
import type { Fault, PlayerId } from '@codearena/protocol';
import { illegality } from './rules.ts';
import type { ActionKind, Move, State } from './state.ts';
import { ACTIONS } from './state.ts';

const preview = (x: unknown): string => {
  let s: string;
  try {
    s = typeof x === 'string' ? x : (JSON.stringify(x) ?? String(x));
  } catch {
    s = String(x);
  }
  return s.length > 120 ? `${s.slice(0, 120)}…` : s;
};

/** The reply's shape only: accepts the parsed reply object or the raw line as a string. */
export function parseReply(raw: unknown): Move | Fault {
  let value = raw;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return { kind: 'bad_output', detail: `reply is not JSON: ${preview(raw)}` };
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'bad_output', detail: `reply must be an object like {"action":"call"}, got ${preview(value)}` };
  }
  const obj = value as Record<string, unknown>;
  const extra = Object.keys(obj).filter((k) => k !== 'action' && k !== 'amount');
  if (extra.length > 0) return { kind: 'bad_output', detail: `unexpected key(s) ${extra.join(', ')} in ${preview(obj)}; only "action" and "amount" are allowed` };
  if (!('action' in obj)) return { kind: 'bad_output', detail: `reply has no "action": ${preview(obj)}` };
  const action = obj.action;
  if (typeof action !== 'string' || !(ACTIONS as readonly string[]).includes(action)) {
    return { kind: 'invalid_move', detail: `"action" must be one of fold, check, call, raise; got ${preview(action)}` };
  }
  if ('amount' in obj && (typeof obj.amount !== 'number' || !Number.isInteger(obj.amount))) {
    return { kind: 'invalid_move', detail: `"amount" must be an integer number of chips, got ${preview(obj.amount)}` };
  }
  if (action === 'raise') {
    if (!('amount' in obj)) return { kind: 'invalid_move', detail: 'a raise needs "amount": your total bet for the street after raising' };
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
