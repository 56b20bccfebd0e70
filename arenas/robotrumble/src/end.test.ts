// The end of the game and faults. Sources: robot-rumble/logic logic/src/lib.rs `run` (turns
// 1..=max_turn, winner from the final state), determine_winner_normal and
// determine_winner_from_units_count ("if there are multiple teams tied for `max` score, no-one
// wins"); robot-rumble/docs source/index.rst ("If you have more robots in the arena after 100
// turns, you win!").
import { createRng } from '@codearena/protocol';
import { describe, expect, it } from 'vitest';
import { outcome, step } from './rules.ts';
import { act, play, position, where } from './test-support.ts';

describe('the end (lib.rs run, determine_winner_from_units_count)', () => {
  it('no outcome before turn 100; after it, more units wins', () => {
    const s = position(
      [
        [200, 9, 9, 'red'],
        [201, 10, 10, 'red'],
        [202, 5, 5, 'blue'],
      ],
      { turn: 99 },
    );
    expect(outcome(s)).toBeNull();
    const end = play(s, []);
    expect(outcome(end)).toEqual({
      ranks: { R: 1, B: 2 },
      scores: { R: 2, B: 1 },
      reason: 'units left: R 2, B 1',
    });
  });

  it('equal counts are a draw, zero each included', () => {
    const two = play(
      position(
        [
          [200, 9, 9, 'red'],
          [202, 5, 5, 'blue'],
        ],
        { turn: 99 },
      ),
      [],
    );
    expect(outcome(two)?.ranks).toEqual({ R: 1, B: 1 });
    expect(outcome(play(position([], { turn: 99 }), []))?.ranks).toEqual({ R: 1, B: 1 });
  });

  it('health does not count: 1 unit at 1 health beats nothing, and 2 hurt units beat 1 healthy one', () => {
    const s = play(
      position(
        [
          [200, 9, 9, 'red', 1],
          [201, 10, 10, 'red', 1],
          [202, 5, 5, 'blue', 5],
        ],
        { turn: 99 },
      ),
      [],
    );
    expect(outcome(s)?.ranks).toEqual({ R: 1, B: 2 });
  });

  it('a lost team can win back: units keep spawning until the end, so a team with none plays on', () => {
    expect(outcome(position([[200, 9, 9, 'red']], { turn: 50 }))).toBeNull();
  });

  it('max_turns lowers the end', () => {
    const s = play(position([[200, 9, 9, 'blue']], { turn: 19, args: { max_turns: 20 } }), []);
    expect(outcome(s)?.ranks).toEqual({ R: 2, B: 1 });
  });

  it('a faulted team does nothing that turn while the other acts', () => {
    const s = step(
      position([
        [200, 9, 9, 'red'],
        [201, 9, 10, 'blue'],
      ]),
      new Map([
        ['R', { kind: 'timeout' as const, detail: 'late' }],
        ['B', { actions: [act(201, 'attack', 'north')], ignored: 0 }],
      ]),
      createRng(1),
    );
    expect(where(s)).toEqual([
      [200, 9, 9, 4],
      [201, 9, 10, 5],
    ]);
    expect(s.lastFaults).toEqual(['red']);
  });

  it("a team's actions for units it does not own are never applied", () => {
    const s = play(
      position([
        [200, 9, 9, 'red'],
        [201, 9, 10, 'blue'],
      ]),
      [act(201, 'move', 'south')],
    );
    expect(where(s)).toEqual([
      [200, 9, 9, 5],
      [201, 9, 10, 5],
    ]);
  });
});
