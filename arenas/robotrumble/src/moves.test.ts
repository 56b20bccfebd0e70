// Hand-checked movement positions. Every case follows robot-rumble/logic logic/src/lib.rs
// run_turn (contest priority, swap test) and update_grid_with_movement (blocked moves undone
// round after round); the docs (robot-rumble/docs source/index.rst) say "If more than one robot
// moves into the same location, priority is given in a clockwise order starting from the North".
import { describe, expect, it } from 'vitest';
import { act, play, position, where } from './test-support.ts';

describe('moves (lib.rs run_turn, update_grid_with_movement)', () => {
  it('a free move goes one cell; north is y-1', () => {
    const s = play(position([[113, 9, 9]]), [act(113, 'move', 'north')]);
    expect(where(s)).toEqual([[113, 9, 8, 5]]);
  });

  it('a move into a wall is undone (walls sit in the grid: update_grid_with_movement)', () => {
    // (1,9) is a spawn point next to the wall (0,9).
    const s = play(position([[113, 1, 9]]), [act(113, 'move', 'west')]);
    expect(where(s)).toEqual([[113, 1, 9, 5]]);
  });

  it('a move into a unit that stays (friend or foe) is undone', () => {
    const s = play(
      position([
        [113, 9, 9, 'red'],
        [114, 10, 9, 'blue'],
        [115, 9, 10, 'red'],
      ]),
      [act(113, 'move', 'east'), act(115, 'move', 'north')],
    );
    expect(where(s)).toEqual([
      [113, 9, 9, 5],
      [114, 10, 9, 5],
      [115, 9, 10, 5],
    ]);
  });

  it('a contested cell goes to the unit moving north, then east, south, west (min_by_key)', () => {
    // Target (9,9). From the south moving north, from the west moving east, from the north moving
    // south, from the east moving west.
    const all = position([
      [113, 9, 10, 'red'], // moves north
      [114, 8, 9, 'blue'], // moves east
      [115, 9, 8, 'red'], // moves south
      [116, 10, 9, 'blue'], // moves west
    ]);
    const s1 = play(
      all,
      [act(113, 'move', 'north'), act(115, 'move', 'south')],
      [act(114, 'move', 'east'), act(116, 'move', 'west')],
    );
    expect(where(s1)).toEqual([
      [113, 9, 9, 5],
      [114, 8, 9, 5],
      [115, 9, 8, 5],
      [116, 10, 9, 5],
    ]);
    // Without the north-mover, east wins; without both, south beats west.
    const s2 = play(all, [act(115, 'move', 'south')], [act(114, 'move', 'east'), act(116, 'move', 'west')]);
    expect(where(s2).find((u) => u[0] === 114)).toEqual([114, 9, 9, 5]);
    const s3 = play(all, [act(115, 'move', 'south')], [act(116, 'move', 'west')]);
    expect(where(s3).find((u) => u[0] === 115)).toEqual([115, 9, 9, 5]);
  });

  it('priority does not depend on ids or teams (only the direction of travel)', () => {
    const s = play(
      position([
        [113, 8, 9, 'red'], // lower id, moves east
        [200, 9, 10, 'blue'], // higher id, moves north: wins
      ]),
      [act(113, 'move', 'east')],
      [act(200, 'move', 'north')],
    );
    expect(where(s)).toEqual([
      [113, 8, 9, 5],
      [200, 9, 9, 5],
    ]);
  });

  it('two units swapping places both stay (the swap test on the origin cell)', () => {
    const ew = play(
      position([
        [113, 9, 9, 'red'],
        [114, 10, 9, 'blue'],
      ]),
      [act(113, 'move', 'east')],
      [act(114, 'move', 'west')],
    );
    expect(where(ew)).toEqual([
      [113, 9, 9, 5],
      [114, 10, 9, 5],
    ]);
    const ns = play(
      position([
        [113, 9, 9, 'red'],
        [114, 9, 10, 'red'],
      ]),
      [act(113, 'move', 'south'), act(114, 'move', 'north')],
    );
    expect(where(ns)).toEqual([
      [113, 9, 9, 5],
      [114, 9, 10, 5],
    ]);
  });

  it('a chain of units moving the same way all move (movers leave the grid first)', () => {
    const s = play(
      position([
        [113, 7, 9],
        [114, 8, 9],
        [115, 9, 9],
      ]),
      [act(113, 'move', 'east'), act(114, 'move', 'east'), act(115, 'move', 'east')],
    );
    expect(where(s)).toEqual([
      [113, 8, 9, 5],
      [114, 9, 9, 5],
      [115, 10, 9, 5],
    ]);
  });

  it('a chain whose head is blocked is undone from the head back, one round at a time', () => {
    // (16,9) -> (17,9) free, (17,9) -> (18,9) is a wall: the head bounces, then the rest.
    const s = play(
      position([
        [113, 15, 9],
        [114, 16, 9],
        [115, 17, 9],
      ]),
      [act(113, 'move', 'east'), act(114, 'move', 'east'), act(115, 'move', 'east')],
    );
    expect(where(s)).toEqual([
      [113, 15, 9, 5],
      [114, 16, 9, 5],
      [115, 17, 9, 5],
    ]);
  });

  it('a unit that lost a contest stays and blocks the unit moving into its cell', () => {
    // 113 and 114 contest (9,9): 113 moves north and wins; 114 (east-mover) stays at (8,9), so 115
    // moving east into (8,9) is undone.
    const s = play(
      position([
        [113, 9, 10],
        [114, 8, 9],
        [115, 7, 9],
      ]),
      [act(113, 'move', 'north'), act(114, 'move', 'east'), act(115, 'move', 'east')],
    );
    expect(where(s)).toEqual([
      [113, 9, 9, 5],
      [114, 8, 9, 5],
      [115, 7, 9, 5],
    ]);
  });

  it('four units turning round a 2x2 square all move (a cycle frees every target)', () => {
    const s = play(
      position([
        [113, 9, 9], // top-left moves east
        [114, 10, 9], // top-right moves south
        [115, 10, 10], // bottom-right moves west
        [116, 9, 10], // bottom-left moves north
      ]),
      [act(113, 'move', 'east'), act(114, 'move', 'south'), act(115, 'move', 'west'), act(116, 'move', 'north')],
    );
    expect(where(s)).toEqual([
      [113, 10, 9, 5],
      [114, 10, 10, 5],
      [115, 9, 10, 5],
      [116, 9, 9, 5],
    ]);
  });

  it("the original's swap test reads only the lowest-id mover into the origin: with two extra movers, a north/south pair passes through", () => {
    // run_turn checks `movement_map.get(&origin_coords)`, which is the FIRST mover (lowest id)
    // into the origin cell. X (5,6) north and Y (5,5) south would swap. W (4,5) also moves east
    // into (5,5) and Z (6,6) west into (5,6), with lower ids: X still wins (5,5) (north beats east),
    // Y still wins (5,6) (south beats west), but each swap test sees W or Z instead of its partner,
    // so both moves are kept and X and Y trade places.
    const W = 113,
      Z = 114,
      X = 115,
      Y = 116;
    const start = position([
      [W, 4, 5],
      [Z, 6, 6],
      [X, 5, 6],
      [Y, 5, 5],
    ]);
    const all = [act(W, 'move', 'east'), act(Z, 'move', 'west'), act(X, 'move', 'north'), act(Y, 'move', 'south')];
    expect(where(play(start, all))).toEqual([
      [W, 4, 5, 5],
      [Z, 6, 6, 5],
      [X, 5, 5, 5],
      [Y, 5, 6, 5],
    ]);
    // Control: give the pair the lower ids and the swap test sees the partner: nobody moves.
    const control = position([
      [X - 2, 5, 6],
      [Y - 2, 5, 5],
      [W + 2, 4, 5],
      [Z + 2, 6, 6],
    ]);
    const again = [
      act(X - 2, 'move', 'north'),
      act(Y - 2, 'move', 'south'),
      act(W + 2, 'move', 'east'),
      act(Z + 2, 'move', 'west'),
    ];
    expect(where(play(control, again))).toEqual([
      [113, 5, 6, 5],
      [114, 5, 5, 5],
      [115, 4, 5, 5],
      [116, 6, 6, 5],
    ]);
  });
});
