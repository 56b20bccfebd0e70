// Hand-checked positions for the turn order and the elimination rules of the official engine.
import { createRng } from '@codearena/protocol';
import { describe, expect, it } from 'vitest';
import { outcome, step } from './rules.ts';
import { board, moves, snake, xy } from './test-support.ts';

const rng = () => createRng('rules-test');

describe('movement', () => {
  it('moves the head and drops the tail; health drops by one', () => {
    const s0 = board([
      {
        id: 'a',
        body: [
          [5, 5],
          [5, 4],
          [5, 3],
        ],
      },
      {
        id: 'b',
        body: [
          [1, 1],
          [1, 0],
          [0, 0],
        ],
      },
    ]);
    const s1 = step(s0, moves({ a: 'up', b: 'right' }), rng());
    expect(xy(snake(s1, 'a'))).toEqual([
      [5, 6],
      [5, 5],
      [5, 4],
    ]);
    expect(xy(snake(s1, 'b'))).toEqual([
      [2, 1],
      [1, 1],
      [1, 0],
    ]);
    expect(snake(s1, 'a').health).toBe(99);
    expect(s1.turn).toBe(1);
    expect(snake(s0, 'a').body[0]).toEqual({ x: 5, y: 5 }); // step is pure
  });

  it('unstacks the starting segments one per move', () => {
    const s0 = board([
      {
        id: 'a',
        body: [
          [1, 1],
          [1, 1],
          [1, 1],
        ],
      },
      {
        id: 'b',
        body: [
          [9, 9],
          [9, 9],
          [9, 9],
        ],
      },
    ]);
    const s1 = step(s0, moves({ a: 'up', b: 'down' }), rng());
    expect(xy(snake(s1, 'a'))).toEqual([
      [1, 2],
      [1, 1],
      [1, 1],
    ]);
    const s2 = step(s1, moves({ a: 'up', b: 'down' }), rng());
    expect(xy(snake(s2, 'a'))).toEqual([
      [1, 3],
      [1, 2],
      [1, 1],
    ]);
  });
});

describe('head-to-head', () => {
  it('kills both snakes when they are equally long', () => {
    const s0 = board([
      {
        id: 'a',
        body: [
          [3, 5],
          [2, 5],
          [1, 5],
        ],
      },
      {
        id: 'b',
        body: [
          [5, 5],
          [6, 5],
          [7, 5],
        ],
      },
    ]);
    const s1 = step(s0, moves({ a: 'right', b: 'left' }), rng());
    expect(snake(s1, 'a').eliminated).toEqual({ cause: 'head-collision', turn: 1, by: 'b' });
    expect(snake(s1, 'b').eliminated).toEqual({ cause: 'head-collision', turn: 1, by: 'a' });
    expect(outcome(s1)?.ranks).toEqual({ a: 1, b: 1 });
  });

  it('kills only the shorter snake', () => {
    const s0 = board([
      {
        id: 'a',
        body: [
          [3, 5],
          [2, 5],
          [1, 5],
        ],
      },
      {
        id: 'b',
        body: [
          [5, 5],
          [6, 5],
          [7, 5],
          [8, 5],
        ],
      },
    ]);
    const s1 = step(s0, moves({ a: 'right', b: 'left' }), rng());
    expect(snake(s1, 'a').eliminated?.cause).toBe('head-collision');
    expect(snake(s1, 'b').eliminated).toBeNull();
    expect(outcome(s1)?.ranks).toEqual({ b: 1, a: 2 });
  });

  it('compares lengths after eating: both eat the contested food and stay equal', () => {
    const s0 = board(
      [
        {
          id: 'a',
          body: [
            [3, 5],
            [2, 5],
            [1, 5],
          ],
        },
        {
          id: 'b',
          body: [
            [5, 5],
            [6, 5],
            [7, 5],
          ],
        },
      ],
      [[4, 5]],
    );
    const s1 = step(s0, moves({ a: 'right', b: 'left' }), rng());
    expect(snake(s1, 'a').body).toHaveLength(4);
    expect(snake(s1, 'b').body).toHaveLength(4);
    expect(snake(s1, 'a').eliminated?.cause).toBe('head-collision');
    expect(snake(s1, 'b').eliminated?.cause).toBe('head-collision');
    expect(s1.food).toEqual([]);
  });
});

describe('feeding and starvation', () => {
  it('lets a snake on 1 health survive by eating on that move', () => {
    const s0 = board(
      [
        {
          id: 'a',
          body: [
            [5, 5],
            [5, 4],
            [5, 3],
          ],
          health: 1,
        },
        {
          id: 'b',
          body: [
            [1, 1],
            [1, 0],
            [0, 0],
          ],
        },
      ],
      [[5, 6]],
    );
    const s1 = step(s0, moves({ a: 'up', b: 'right' }), rng());
    const a = snake(s1, 'a');
    expect(a.eliminated).toBeNull();
    expect(a.health).toBe(100);
    // Grows by doubling the tail: the tail stays put on the next move.
    expect(xy(a)).toEqual([
      [5, 6],
      [5, 5],
      [5, 4],
      [5, 4],
    ]);
    expect(s1.food).toEqual([]);
    const s2 = step(s1, moves({ a: 'up', b: 'right' }), rng());
    expect(xy(snake(s2, 'a'))).toEqual([
      [5, 7],
      [5, 6],
      [5, 5],
      [5, 4],
    ]);
  });

  it('starves a snake whose health reaches 0 without food', () => {
    const s0 = board([
      {
        id: 'a',
        body: [
          [5, 5],
          [5, 4],
          [5, 3],
        ],
        health: 1,
      },
      {
        id: 'b',
        body: [
          [1, 1],
          [1, 0],
          [0, 0],
        ],
      },
    ]);
    const s1 = step(s0, moves({ a: 'up', b: 'right' }), rng());
    expect(snake(s1, 'a').eliminated).toEqual({ cause: 'out-of-health', turn: 1 });
    expect(snake(s1, 'a').health).toBe(0);
    expect(outcome(s1)?.ranks).toEqual({ b: 1, a: 2 });
  });

  it('does not treat a starved snake as an obstacle in the same turn', () => {
    // b's head enters a's neck, but a starves this turn, so b lives.
    const s0 = board([
      {
        id: 'a',
        body: [
          [5, 5],
          [5, 4],
          [5, 3],
        ],
        health: 1,
      },
      {
        id: 'b',
        body: [
          [4, 5],
          [3, 5],
          [2, 5],
        ],
      },
      {
        id: 'c',
        body: [
          [9, 9],
          [9, 8],
          [9, 7],
        ],
      },
    ]);
    const s1 = step(s0, moves({ a: 'up', b: 'right', c: 'left' }), rng());
    expect(snake(s1, 'a').eliminated?.cause).toBe('out-of-health');
    expect(snake(s1, 'b').eliminated).toBeNull();
  });
});

describe('walls and bodies', () => {
  it('eliminates a snake that leaves the board through any wall', () => {
    for (const [body, dir] of [
      [
        [
          [0, 5],
          [1, 5],
          [2, 5],
        ],
        'left',
      ],
      [
        [
          [10, 3],
          [9, 3],
          [8, 3],
        ],
        'right',
      ],
      [
        [
          [3, 10],
          [3, 9],
          [3, 8],
        ],
        'up',
      ],
      [
        [
          [3, 0],
          [3, 1],
          [3, 2],
        ],
        'down',
      ],
    ] as const) {
      const t = board([
        { id: 'a', body: body.map(([x, y]) => [x, y] as [number, number]) },
        {
          id: 'c',
          body: [
            [6, 6],
            [6, 5],
            [6, 4],
          ],
        },
      ]);
      const t1 = step(t, moves({ a: dir, c: 'up' }), rng());
      expect(snake(t1, 'a').eliminated).toEqual({ cause: 'wall-collision', turn: 1 });
      expect(outcome(t1)?.ranks).toEqual({ c: 1, a: 2 });
    }
  });

  it('does not treat a snake that left the board as an obstacle', () => {
    // a heads off the board; b's head goes where a's neck was. a dies by the wall first, so b lives.
    const s0 = board([
      {
        id: 'a',
        body: [
          [0, 5],
          [1, 5],
          [1, 4],
          [1, 3],
        ],
      },
      {
        id: 'b',
        body: [
          [2, 5],
          [3, 5],
          [4, 5],
        ],
      },
      {
        id: 'c',
        body: [
          [9, 9],
          [9, 8],
          [9, 7],
        ],
      },
    ]);
    const s1 = step(s0, moves({ a: 'left', b: 'left', c: 'left' }), rng());
    expect(snake(s1, 'a').eliminated?.cause).toBe('wall-collision');
    expect(snake(s1, 'b').eliminated).toBeNull();
  });

  it('eliminates a snake that runs into itself', () => {
    const s0 = board([
      {
        id: 'a',
        body: [
          [2, 2],
          [2, 3],
          [3, 3],
          [3, 2],
          [3, 1],
        ],
      },
      {
        id: 'b',
        body: [
          [8, 8],
          [8, 7],
          [8, 6],
        ],
      },
    ]);
    const s1 = step(s0, moves({ a: 'right', b: 'up' }), rng());
    expect(snake(s1, 'a').eliminated).toEqual({ cause: 'snake-self-collision', turn: 1, by: 'a' });
  });

  it('eliminates a snake that runs into another snake, which survives', () => {
    const s0 = board([
      {
        id: 'a',
        body: [
          [4, 4],
          [3, 4],
          [2, 4],
        ],
      },
      {
        id: 'b',
        body: [
          [5, 6],
          [5, 5],
          [5, 4],
          [5, 3],
        ],
      },
    ]);
    // a moves right onto (5,4): after b moves up, b's body is (5,7),(5,6),(5,5),(5,4).
    const s1 = step(s0, moves({ a: 'right', b: 'up' }), rng());
    expect(snake(s1, 'a').eliminated).toEqual({ cause: 'snake-collision', turn: 1, by: 'b' });
    expect(snake(s1, 'b').eliminated).toBeNull();
  });

  it('decides collisions on the post-move board and applies them together', () => {
    // Each head enters the other's body as it stands after both moved: both die.
    const s0 = board([
      {
        id: 'a',
        body: [
          [4, 5],
          [5, 5],
          [6, 5],
        ],
      },
      {
        id: 'b',
        body: [
          [5, 4],
          [4, 4],
          [3, 4],
        ],
      },
    ]);
    const s1 = step(s0, moves({ a: 'down', b: 'up' }), rng());
    expect(snake(s1, 'a').eliminated).toEqual({ cause: 'snake-collision', turn: 1, by: 'b' });
    expect(snake(s1, 'b').eliminated).toEqual({ cause: 'snake-collision', turn: 1, by: 'a' });
    expect(outcome(s1)?.ranks).toEqual({ a: 1, b: 1 });
  });
});

describe('tails', () => {
  it('lets a snake move into the square its own tail vacates', () => {
    const s0 = board([
      {
        id: 'a',
        body: [
          [1, 1],
          [1, 2],
          [2, 2],
          [2, 1],
        ],
      },
      {
        id: 'b',
        body: [
          [8, 8],
          [8, 7],
          [8, 6],
        ],
      },
    ]);
    const s1 = step(s0, moves({ a: 'right', b: 'up' }), rng());
    expect(snake(s1, 'a').eliminated).toBeNull();
    expect(xy(snake(s1, 'a'))).toEqual([
      [2, 1],
      [1, 1],
      [1, 2],
      [2, 2],
    ]);
  });

  it("lets a snake follow another snake's moving tail", () => {
    const s0 = board([
      {
        id: 'a',
        body: [
          [4, 3],
          [3, 3],
          [2, 3],
        ],
      },
      {
        id: 'b',
        body: [
          [5, 5],
          [5, 4],
          [5, 3],
        ],
      },
    ]);
    const s1 = step(s0, moves({ a: 'right', b: 'up' }), rng());
    expect(snake(s1, 'a').eliminated).toBeNull();
  });

  it('blocks the tail of a snake that has just eaten', () => {
    const s0 = board([
      {
        id: 'a',
        body: [
          [4, 3],
          [3, 3],
          [2, 3],
        ],
      },
      {
        id: 'b',
        body: [
          [5, 5],
          [5, 4],
          [5, 3],
          [5, 3],
        ],
      }, // ate last turn: tail doubled
    ]);
    const s1 = step(s0, moves({ a: 'right', b: 'up' }), rng());
    expect(snake(s1, 'a').eliminated).toEqual({ cause: 'snake-collision', turn: 1, by: 'b' });
  });

  it("blocks one's own tail right after eating, frees it otherwise", () => {
    const start = (food: [number, number][]) =>
      board(
        [
          {
            id: 'a',
            body: [
              [2, 2],
              [2, 1],
              [1, 1],
              [1, 0],
            ],
          },
          {
            id: 'b',
            body: [
              [8, 8],
              [8, 7],
              [8, 6],
            ],
          },
        ],
        food,
      );
    // Eats at (1,2); the tail (1,1) doubles, so closing the loop onto it kills.
    const fed = step(start([[1, 2]]), moves({ a: 'left', b: 'up' }), rng());
    expect(xy(snake(fed, 'a'))).toEqual([
      [1, 2],
      [2, 2],
      [2, 1],
      [1, 1],
      [1, 1],
    ]);
    expect(snake(step(fed, moves({ a: 'down', b: 'up' }), rng()), 'a').eliminated?.cause).toBe('snake-self-collision');
    // Without the food the same two moves chase the tail safely.
    const unfed = step(start([]), moves({ a: 'left', b: 'up' }), rng());
    const after = step(unfed, moves({ a: 'down', b: 'up' }), rng());
    expect(snake(after, 'a').eliminated).toBeNull();
    expect(xy(snake(after, 'a'))).toEqual([
      [1, 1],
      [1, 2],
      [2, 2],
      [2, 1],
    ]);
  });
});

describe('faults', () => {
  it('repeats the last move for a faulted or silent snake, "up" when there is none', () => {
    const s0 = board([
      {
        id: 'a',
        body: [
          [5, 5],
          [6, 5],
          [7, 5],
        ],
        lastMove: 'left',
      },
      {
        id: 'b',
        body: [
          [2, 2],
          [2, 2],
          [2, 2],
        ],
      },
      {
        id: 'c',
        body: [
          [8, 1],
          [8, 0],
          [9, 0],
        ],
        lastMove: 'up',
      },
    ]);
    const ms = new Map([
      ['a', { kind: 'timeout' as const, detail: 'late' }],
      ['b', { kind: 'bad_output' as const, detail: 'garbage' }],
    ]);
    const s1 = step(s0, ms, rng());
    expect(snake(s1, 'a').body[0]).toEqual({ x: 4, y: 5 });
    expect(snake(s1, 'b').body[0]).toEqual({ x: 2, y: 3 });
    expect(snake(s1, 'c').body[0]).toEqual({ x: 8, y: 2 });
    expect(snake(s1, 'a').eliminated).toBeNull();
    expect(snake(s1, 'b').lastMove).toBe('up');
  });

  it('treats a malformed move like a fault', () => {
    const s0 = board([
      {
        id: 'a',
        body: [
          [5, 5],
          [5, 4],
          [5, 3],
        ],
        lastMove: 'up',
      },
      {
        id: 'b',
        body: [
          [1, 1],
          [1, 1],
          [1, 1],
        ],
      },
    ]);
    const junk = new Map<string, never>([
      ['a', { move: 'sideways' } as never],
      ['b', {} as never],
    ]);
    const s1 = step(s0, junk, rng());
    expect(snake(s1, 'a').body[0]).toEqual({ x: 5, y: 6 });
    expect(snake(s1, 'b').body[0]).toEqual({ x: 1, y: 2 });
  });

  it('records a valid move as the one to repeat', () => {
    const s0 = board([
      {
        id: 'a',
        body: [
          [5, 5],
          [5, 5],
          [5, 5],
        ],
      },
      {
        id: 'b',
        body: [
          [1, 1],
          [1, 1],
          [1, 1],
        ],
      },
    ]);
    const s1 = step(s0, moves({ a: 'right', b: 'right' }), rng());
    const s2 = step(s1, new Map([['a', { kind: 'timeout' as const, detail: '' }]]), rng());
    expect(snake(s2, 'a').body[0]).toEqual({ x: 7, y: 5 });
    expect(snake(s2, 'b').body[0]).toEqual({ x: 3, y: 1 });
  });

  it('keeps shouts (truncated) and clears them on a fault', () => {
    const s0 = board([
      {
        id: 'a',
        body: [
          [5, 5],
          [5, 5],
          [5, 5],
        ],
      },
      {
        id: 'b',
        body: [
          [1, 1],
          [1, 1],
          [1, 1],
        ],
      },
    ]);
    const s1 = step(s0, new Map([['a', { move: 'up' as const, shout: 'x'.repeat(300) }]]), rng());
    expect(snake(s1, 'a').shout).toHaveLength(256);
    expect(snake(s1, 'b').shout).toBe('');
  });
});

describe('outcome', () => {
  it('is null while two or more snakes live', () => {
    const s0 = board([
      {
        id: 'a',
        body: [
          [5, 5],
          [5, 4],
          [5, 3],
        ],
      },
      {
        id: 'b',
        body: [
          [1, 1],
          [1, 0],
          [0, 0],
        ],
      },
    ]);
    expect(outcome(s0)).toBeNull();
  });

  it('ranks dead snakes by elimination turn, later deaths better, same turn tied', () => {
    const s0 = board([
      {
        id: 'a',
        body: [
          [5, 5],
          [5, 4],
          [5, 3],
        ],
      },
      {
        id: 'b',
        body: [
          [1, 1],
          [1, 0],
          [0, 0],
        ],
      },
      {
        id: 'c',
        body: [
          [8, 8],
          [8, 7],
          [8, 6],
        ],
      },
      {
        id: 'd',
        body: [
          [3, 8],
          [3, 7],
          [3, 6],
        ],
      },
    ]);
    const dead = (turn: number) => ({ cause: 'wall-collision' as const, turn });
    const s = {
      ...s0,
      turn: 20,
      snakes: s0.snakes.map((x) =>
        x.id === 'a' ? x : { ...x, eliminated: x.id === 'b' ? dead(7) : x.id === 'c' ? dead(12) : dead(12) },
      ),
    };
    expect(outcome(s)?.ranks).toEqual({ a: 1, c: 2, d: 2, b: 4 });
    const allDead = { ...s, snakes: s.snakes.map((x) => (x.id === 'a' ? { ...x, eliminated: dead(20) } : x)) };
    expect(outcome(allDead)?.ranks).toEqual({ a: 1, c: 2, d: 2, b: 4 });
    expect(outcome(allDead)?.reason).toMatch(/no snake survived/);
  });

  it('ranks survivors at the turn cap by length, then health; equal ones tie', () => {
    const s0 = board(
      [
        {
          id: 'a',
          body: [
            [5, 5],
            [5, 4],
            [5, 3],
          ],
          health: 90,
        },
        {
          id: 'b',
          body: [
            [1, 1],
            [1, 0],
            [0, 0],
            [0, 1],
          ],
          health: 10,
        },
        {
          id: 'c',
          body: [
            [8, 8],
            [8, 7],
            [8, 6],
          ],
          health: 95,
        },
        {
          id: 'd',
          body: [
            [3, 8],
            [3, 7],
            [3, 6],
          ],
          health: 90,
        },
      ],
      [],
      { maxTurns: 50, turn: 50 },
    );
    const o = outcome(s0);
    expect(o?.ranks).toEqual({ b: 1, c: 2, a: 3, d: 3 });
    expect(o?.reason).toMatch(/turn cap/);
  });

  it('ends a game at the turn cap', () => {
    const s0 = board(
      [
        {
          id: 'a',
          body: [
            [5, 5],
            [5, 4],
            [5, 3],
          ],
        },
        {
          id: 'b',
          body: [
            [1, 1],
            [1, 0],
            [0, 0],
          ],
        },
      ],
      [],
      { maxTurns: 1 },
    );
    const s1 = step(s0, moves({ a: 'up', b: 'right' }), rng());
    expect(outcome(s1)?.ranks).toEqual({ a: 1, b: 1 });
    expect(step(s1, moves({ a: 'up', b: 'right' }), rng())).toBe(s1);
  });
});
