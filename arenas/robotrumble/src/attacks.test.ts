// Hand-checked attacks. Source: robot-rumble/logic logic/src/lib.rs run_turn (the attack loop
// after update_grid_with_movement: health -= attacks on the cell × ATTACK_POWER, saturating,
// removed at 0), Obj::UNIT_HEALTH = 5, Obj::ATTACK_POWER = 1; robot-rumble/docs
// source/index.rst: "Every robot starts out with 5 HP, and attacks do 1 damage. There is no
// collateral damage, but there is friendly fire."
import { describe, expect, it } from 'vitest';
import { act, play, position, where } from './test-support.ts';

describe('attacks (lib.rs run_turn)', () => {
  it('an attack takes 1 health from the unit in the target cell, and only that cell', () => {
    const s = play(
      position([
        [113, 9, 9, 'red'],
        [114, 10, 9, 'blue'],
        [115, 11, 9, 'blue'],
      ]),
      [act(113, 'attack', 'east')],
    );
    expect(where(s)).toEqual([
      [113, 9, 9, 5],
      [114, 10, 9, 4],
      [115, 11, 9, 5],
    ]);
  });

  it('attacks on one cell add up, and a unit at 0 health is removed', () => {
    const s = play(
      position([
        [113, 9, 9, 'blue', 2],
        [114, 8, 9, 'red'],
        [115, 10, 9, 'red'],
        [116, 9, 8, 'red'],
      ]),
      [act(114, 'attack', 'east'), act(115, 'attack', 'west'), act(116, 'attack', 'south')],
    );
    expect(where(s).map((u) => u[0])).toEqual([114, 115, 116]);
  });

  it('friendly fire: an attack hurts a unit of its own team', () => {
    const s = play(
      position([
        [113, 9, 9, 'red'],
        [114, 9, 10, 'red'],
      ]),
      [act(113, 'attack', 'south')],
    );
    expect(where(s)).toEqual([
      [113, 9, 9, 5],
      [114, 9, 10, 4],
    ]);
  });

  it('attacks land after every move: a unit that steps away dodges, one that steps in is hit', () => {
    // 113 attacks (10,9). 114 leaves (10,9) northwards; 115 enters it from (11,9).
    const s = play(
      position([
        [113, 9, 9, 'red'],
        [114, 10, 9, 'blue'],
        [115, 11, 9, 'blue'],
      ]),
      [act(113, 'attack', 'east')],
      [act(114, 'move', 'north'), act(115, 'move', 'west')],
    );
    expect(where(s)).toEqual([
      [113, 9, 9, 5],
      [114, 10, 8, 5],
      [115, 10, 9, 4],
    ]);
  });

  it('the target cell is taken from where the attacker stood; attacks are simultaneous (both 1-health units die)', () => {
    const s = play(
      position([
        [113, 9, 9, 'red', 1],
        [114, 10, 9, 'blue', 1],
      ]),
      [act(113, 'attack', 'east')],
      [act(114, 'attack', 'west')],
    );
    expect(where(s)).toEqual([]);
  });

  it('an attack on a wall or an empty cell does nothing; health never goes below 0', () => {
    const s = play(
      position([
        [113, 1, 9, 'red'],
        [114, 9, 9, 'red'],
      ]),
      [act(113, 'attack', 'west'), act(114, 'attack', 'north')],
    );
    expect(where(s)).toEqual([
      [113, 1, 9, 5],
      [114, 9, 9, 5],
    ]);
  });

  it('a unit does one thing: a unit that attacks does not move', () => {
    const s = play(
      position([
        [113, 9, 9, 'red'],
        [114, 9, 7, 'blue'],
      ]),
      [act(113, 'attack', 'north')],
      [act(114, 'move', 'south')],
    );
    // 114 walks into the attacked cell (9,8) and takes the hit.
    expect(where(s)).toEqual([
      [113, 9, 9, 5],
      [114, 9, 8, 4],
    ]);
  });
});
