// Reply parsing. A malformed reply is a fault (the original's ProgramError::DataError, "Program
// returned invalid data": logic/src/types.rs); an action for an id that is not one of the team's
// living units is skipped (validate_robot_action in logic/src/lib.rs); null is a pass (the
// original's Ok(None)).
import { createRng, isFault } from '@codearena/protocol';
import { describe, expect, it } from 'vitest';
import { RobotRumbleArgs, settingsOf } from './args.ts';
import { parseMove } from './parse-move.ts';
import { createGame } from './rules.ts';

const state = createGame(['R', 'B'], createRng(1), settingsOf(RobotRumbleArgs.parse({})));
const red = state.units.filter((u) => u.team === 'red').map((u) => String(u.id));
const blue = state.units.filter((u) => u.team === 'blue').map((u) => String(u.id));

describe('parseMove', () => {
  it('reads actions for own units, in id order; null passes; {} does nothing', () => {
    const m = parseMove(
      {
        actions: {
          [red[1]!]: { type: 'attack', direction: 'west' },
          [red[0]!]: { type: 'move', direction: 'north' },
          [red[2]!]: null,
        },
      },
      state,
      'R',
    );
    expect(m).toEqual({
      actions: [
        { id: Number(red[0]), action: { type: 'move', direction: 'north' } },
        { id: Number(red[1]), action: { type: 'attack', direction: 'west' } },
      ],
      ignored: 0,
    });
    expect(parseMove('{"actions":{}}', state, 'R')).toEqual({ actions: [], ignored: 0 });
  });

  it("skips well-formed actions for the other team's units or unknown ids", () => {
    const m = parseMove(
      { actions: { [blue[0]!]: { type: 'move', direction: 'north' }, '99999': { type: 'move', direction: 'east' } } },
      state,
      'R',
    );
    expect(m).toEqual({ actions: [], ignored: 2 });
  });

  it.each([
    ['no actions', {}],
    ['actions not an object', { actions: [1] }],
    ['a key that is not an id', { actions: { abc: null } }],
    ['an own __proto__ key', JSON.parse('{"actions":{"__proto__":{"type":"move","direction":"north"}}}') as unknown],
    ['an unknown action type', { actions: { [red[0]!]: { type: 'heal', direction: 'north' } } }],
    ['an unknown direction', { actions: { [red[0]!]: { type: 'move', direction: 'up' } } }],
    ['an extra key in an action', { actions: { [red[0]!]: { type: 'move', direction: 'north', x: 1 } } }],
    ['an action that is a string', { actions: { [red[0]!]: 'north' } }],
    ['an extra top-level key', { actions: {}, debug: 1 }],
    ['broken JSON', '{"actions": {'],
  ])('%s is a fault', (_label, raw) => {
    expect(isFault(parseMove(raw, state, 'R'))).toBe(true);
  });
});

describe('hostile replies (the conformance suite lists)', () => {
  it('garbage and hostile lines are faults with short details, never exceptions', async () => {
    const { hostileReplies, MAX_DETAIL } = await import('@codearena/server/conformance/hostile-replies.ts');
    const { garbageReplies } = await import('@codearena/server/conformance/play.ts');
    for (const g of garbageReplies()) expect(isFault(parseMove(g.value, state, 'R')), g.label).toBe(true);
    for (const h of hostileReplies('actions')) {
      const r = parseMove(h.line, state, 'R');
      expect(isFault(r), h.label).toBe(true);
      if (isFault(r)) expect(r.detail.length, h.label).toBeLessThanOrEqual(MAX_DETAIL);
    }
  });
});
