// Each rule of a frame (Halite.cpp processNextFrame) and of the game (runGame) on a hand-built
// position. Cells are "owner:strength:production".
import { describe, expect, it } from 'vitest';
import { gameOnGrid, isOver, outcome, ranking, step } from './rules.ts';
import { turnLimit } from './state.ts';
import { at, gridOf, moves, playing } from './test-support.ts';

describe('production and the cap', () => {
  it('a STILL site (or one given no move) gains its production', () => {
    const s = playing([['1:10:3', '0:50:1', '0:50:1', '2:7:2', '0:50:1', '0:50:1']]);
    const n = step(s, moves({ a: [[0, 0, 0]], b: [] }));
    expect(at(n, 0, 0)).toBe('1:13');
    expect(at(n, 3, 0)).toBe('2:9');
    expect(n.turn).toBe(1);
  });

  it('strength saturates at 255', () => {
    const s = playing([['1:250:10', '0:0:0', '0:0:0', '0:0:0', '2:255:5', '0:0:0', '0:0:0', '0:0:0']]);
    const n = step(s, moves({ a: [], b: [] }));
    expect(at(n, 0, 0)).toBe('1:255');
    expect(at(n, 4, 0)).toBe('2:255');
  });

  it('a moving site does not produce; it leaves a 0-strength site behind', () => {
    const s = playing([['1:20:5', '0:0:0', '0:0:0', '0:0:0', '0:0:0', '2:1:0', '0:9:0', '0:9:0']]);
    const n = step(s, moves({ a: [[0, 0, 2]] }));
    expect(at(n, 0, 0)).toBe('1:0');
    expect(at(n, 1, 0)).toBe('1:20');
  });
});

describe('merging', () => {
  it('pieces of one player landing on one site add up, capped at 255', () => {
    const s = playing(
      [
        ['0:0:0', '1:200:0', '0:0:0', '0:0:0', '0:0:0'],
        ['1:100:0', '1:10:0', '1:100:0', '0:0:0', '2:1:0'],
      ],
      ['a', 'b'],
    );
    const n = step(
      s,
      moves({
        a: [
          [1, 0, 3],
          [0, 1, 2],
          [2, 1, 4],
        ],
      }),
    );
    // 200 + 100 + 100 + the STILL site's own 10: capped.
    expect(at(n, 1, 1)).toBe('1:255');
    expect(at(n, 1, 0)).toBe('1:0');
  });

  it('two sites swapping places keep both strengths', () => {
    const s = playing([['1:30:0', '1:40:0', '0:0:0', '0:0:0', '0:0:0', '2:1:0', '0:9:0', '0:9:0']]);
    const n = step(
      s,
      moves({
        a: [
          [0, 0, 2],
          [1, 0, 4],
        ],
      }),
    );
    expect(at(n, 0, 0)).toBe('1:40');
    expect(at(n, 1, 0)).toBe('1:30');
  });
});

describe('wrap-around', () => {
  it('moving off an edge enters the opposite edge', () => {
    const s = playing([
      ['1:50:0', '0:0:0', '0:0:0', '0:0:0'],
      ['0:0:0', '0:0:0', '0:0:0', '0:0:0'],
      ['0:0:0', '0:0:0', '2:1:0', '0:0:0'],
    ]);
    const n = step(s, moves({ a: [[0, 0, 4]] }));
    expect(at(n, 3, 0)).toBe('1:50');
    const m = step(s, moves({ a: [[0, 0, 1]] }));
    expect(at(m, 0, 2)).toBe('1:50');
  });
});

describe('combat', () => {
  it('capturing a neutral site costs its strength; a weaker piece fails and wears it down', () => {
    const s = playing([['1:30:0', '0:20:0', '0:0:0', '0:0:0', '2:10:0', '0:25:0', '0:0:0', '0:0:0']]);
    const n = step(
      s,
      moves({
        a: [[0, 0, 2]],
        b: [[4, 0, 2]],
      }),
    );
    expect(at(n, 1, 0)).toBe('1:10');
    // b's 10 dies on the 25 site, which keeps 15; b keeps the 0-strength site it left.
    expect(at(n, 5, 0)).toBe('0:15');
    expect(at(n, 4, 0)).toBe('2:0');
    expect(n.alive).toEqual([true, true]);
  });

  it('equal strengths meeting on a site both die', () => {
    const s = playing([['1:40:0', '0:0:0', '2:40:0', '0:0:0', '0:0:0', '0:0:0', '0:0:0', '0:0:0']]);
    const n = step(s, moves({ a: [[0, 0, 2]], b: [[2, 0, 4]] }));
    expect(at(n, 1, 0)).toBe('0:0');
  });

  it('overkill: a piece damages every enemy piece on its site and the four around it', () => {
    // a's 100 enters (2,1); b has pieces N, S, E of it and one two steps away.
    const s = playing([
      ['0:0:0', '0:0:0', '2:30:0', '0:0:0', '0:0:0', '0:0:0'],
      ['0:0:0', '1:100:0', '0:0:0', '2:120:0', '2:50:0', '0:0:0'],
      ['0:0:0', '0:0:0', '2:70:0', '0:0:0', '0:0:0', '0:0:0'],
    ]);
    const n = step(s, moves({ a: [[1, 1, 2]] }));
    // Each of b's neighbours deals its strength back: 30 + 120 + 70 = 220 >= 100, a dies there;
    // a's 100 hits all three: 30 and 70 die, 120 keeps 20; 50, two steps away, is untouched.
    expect(at(n, 2, 1)).toBe('0:0');
    expect(at(n, 1, 1)).toBe('1:0');
    expect(at(n, 2, 0)).toBe('0:0');
    expect(at(n, 2, 2)).toBe('0:0');
    expect(at(n, 3, 1)).toBe('2:20');
    expect(at(n, 4, 1)).toBe('2:50');
  });

  it('a 0-strength piece dies next to any enemy piece, even a 0-strength one', () => {
    const s = playing([['1:0:0', '2:0:0', '0:0:0', '0:0:0', '0:0:0', '0:0:0']]);
    const n = step(s, moves({ a: [[0, 0, 0]], b: [[1, 0, 0]] }));
    expect(at(n, 0, 0)).toBe('0:0');
    expect(at(n, 1, 0)).toBe('0:0');
    expect(isOver(n)).toBe(true);
  });

  it('several players damaging one neutral site each take its full strength', () => {
    const s = playing([['1:60:0', '0:50:0', '2:80:0', '0:0:0', '0:0:0', '0:0:0', '0:0:0']]);
    const n = step(s, moves({ a: [[0, 0, 2]], b: [[2, 0, 4]] }));
    // a: 60 - 50 (site) - 80 (b) dies; b: 80 - 50 - 60 dies; the site loses 140 => 0.
    expect(at(n, 1, 0)).toBe('0:0');
  });
});

describe('elimination, turn limit and ranking', () => {
  it('the turn limit is floor(sqrt(w*h) * 10)', () => {
    expect(turnLimit(20, 20)).toBe(200);
    expect(turnLimit(30, 20)).toBe(244);
    expect(turnLimit(12, 8)).toBe(97);
  });

  it('ends at the turn limit and ranks survivors by territory', () => {
    let s = playing([['1:5:1', '1:5:1', '0:0:0', '0:0:0', '2:5:1', '0:0:0', '0:0:0', '0:0:0']]);
    expect(s.maxTurns).toBe(28);
    while (!isOver(s)) s = step(s, moves({ a: [], b: [] }));
    expect(s.turn).toBe(28);
    expect(outcome(s)?.ranks).toEqual({ a: 1, b: 2 });
    expect(outcome(s)?.scores).toEqual({ a: 2, b: 1 });
  });

  it('ties on territory go to the larger territory summed over the game, then the later seat', () => {
    const s = playing([['1:5:1', '0:0:0', '2:5:1', '0:0:0', '3:5:1', '0:0:0']], ['a', 'b', 'c']);
    const tied = { ...s, fullTerritory: [10, 12, 10] };
    expect(ranking(tied)).toEqual([1, 2, 0]);
  });

  it('a player eliminated earlier ranks below one eliminated later', () => {
    // a kills b at once, then c. On a 2-high map a site's north and south neighbour are the same
    // site, which the original hits twice.
    let s = playing(
      [
        ['1:200:0', '2:1:0', '0:0:0', '0:0:0', '0:0:0', '0:0:0'],
        ['0:0:0', '0:0:0', '3:10:0', '0:0:0', '0:0:0', '0:0:0'],
      ],
      ['a', 'b', 'c'],
    );
    s = step(s, moves({ a: [[0, 0, 2]] }));
    expect(s.alive).toEqual([true, false, true]);
    expect(at(s, 1, 0)).toBe('1:199');
    expect(isOver(s)).toBe(false);
    s = step(s, moves({ a: [[1, 0, 2]] }));
    expect(at(s, 2, 0)).toBe('1:179');
    expect(s.alive).toEqual([true, false, false]);
    expect(outcome(s)?.ranks).toEqual({ a: 1, c: 2, b: 3 });
  });

  it('a bot that does not answer init is out before the first frame; its site turns neutral', () => {
    const s = gameOnGrid(['a', 'b', 'c'], gridOf([['1:5:1', '0:0:0', '2:7:1', '0:0:0', '3:5:1', '0:0:0']]));
    const n = step(
      s,
      new Map<string, unknown>([
        ['a', { ready: true, name: 'Alpha' }],
        ['b', { kind: 'timeout', detail: 'late' }],
        ['c', { ready: true }],
      ]),
    );
    expect(n.alive).toEqual([true, false, true]);
    expect(at(n, 2, 0)).toBe('0:7');
    expect(n.names).toEqual(['Alpha', 'b', 'c']);
    expect(n.turn).toBe(0);
  });

  it('a faulted reply plays as all STILL', () => {
    const s = playing([['1:10:3', '0:0:0', '0:0:0', '2:10:3', '0:0:0', '0:0:0']]);
    const n = step(s, new Map<string, unknown>([['a', { kind: 'bad_output', detail: 'x' }]]));
    expect(at(n, 0, 0)).toBe('1:13');
  });
});
