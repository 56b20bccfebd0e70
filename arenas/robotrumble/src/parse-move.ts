// Bot output is untrusted. A reply is {"actions": {"<unit id>": {"type", "direction"} | null}}.
// A malformed reply is a fault and the team does nothing that turn (the original ends the game on
// "Program returned invalid data", ProgramError::DataError in logic/src/types.rs; we keep playing,
// as every codearena arena does). A well-formed entry for an id that is not one of the team's
// living units is skipped, as the original skips such an action (validate_robot_action).
import { type Fault, isFault, preview, replyObject } from '@codearena/protocol';
import { teamOf } from './rules.ts';
import type { Action, Direction, Move, State } from './state.ts';
import { DIRECTIONS } from './state.ts';

const EXAMPLE = '{"actions":{"123":{"type":"move","direction":"north"}}}';
const ID = /^[1-9][0-9]{0,8}$/;
/** More entries than any team can have units (the map has fewer open cells). */
const MAX_ENTRIES = 400;

const bad = (detail: string): Fault => ({ kind: 'bad_output', detail });
const invalid = (detail: string): Fault => ({ kind: 'invalid_move', detail });

export function parseMove(raw: unknown, state: State | null, player: string): Move | Fault {
  const obj = replyObject(raw, 'actions', ['actions'], EXAMPLE);
  if (isFault(obj)) return obj;
  const actions = obj.actions;
  if (typeof actions !== 'object' || actions === null || Array.isArray(actions))
    return bad(`"actions" must be an object of unit id -> action, like ${EXAMPLE}; got ${preview(actions)}`);
  const entries = Object.keys(actions);
  if (entries.length > MAX_ENTRIES) return bad(`"actions" has ${entries.length} entries; at most ${MAX_ENTRIES}`);
  const team = state ? teamOf(state, player) : null;
  const mine = new Set(state?.units.filter((u) => u.team === team).map((u) => u.id));
  const out: Move = { actions: [], ignored: 0 };
  for (const key of entries) {
    if (!ID.test(key)) return bad(`"actions" keys must be unit ids like "123"; got ${preview(key, 40)}`);
    const value = (actions as Record<string, unknown>)[key];
    if (value === null) continue; // the original's Ok(None): the unit passes
    const action = parseAction(value, key);
    if (isFault(action)) return action;
    const id = Number(key);
    if (mine.has(id)) out.actions.push({ id, action });
    else out.ignored++;
  }
  out.actions.sort((a, b) => a.id - b.id);
  return out;
}

function parseAction(value: unknown, key: string): Action | Fault {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return bad(`action of unit ${key} must be {"type","direction"} or null; got ${preview(value)}`);
  const v = value as Record<string, unknown>;
  const extra = Object.keys(v).filter((k) => k !== 'type' && k !== 'direction');
  if (extra.length > 0) return bad(`action of unit ${key} has unexpected key ${preview(extra[0], 40)}`);
  const { type, direction } = v;
  if (type !== 'move' && type !== 'attack')
    return invalid(`action type of unit ${key} must be "move" or "attack"; got ${preview(type)}`);
  if (typeof direction !== 'string' || !(DIRECTIONS as readonly string[]).includes(direction))
    return invalid(`direction of unit ${key} must be north, east, south or west; got ${preview(direction)}`);
  return { type, direction: direction as Direction };
}
