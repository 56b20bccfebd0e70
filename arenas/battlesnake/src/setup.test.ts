// Opening positions and food must match the official fixed placement.
import { createRng } from '@codearena/protocol';
import { describe, expect, it } from 'vitest';
import { BattlesnakeArgs, boardOptions } from './args.ts';
import { createGame, startSquares } from './setup.ts';

const key = (p: { x: number; y: number }) => `${p.x},${p.y}`;
const CORNERS = new Set(['1,1', '1,9', '9,1', '9,9']);
const MID_EDGES = new Set(['1,5', '5,1', '5,9', '9,5']);

describe('start positions', () => {
  it('lays out the official 11×11 squares', () => {
    const { corners, midEdges } = startSquares(11, 11);
    expect(new Set(corners.map(key))).toEqual(CORNERS);
    expect(new Set(midEdges.map(key))).toEqual(MID_EDGES);
  });

  it('puts all snakes on corners or all on mid-edges, 3 stacked segments, health 100', () => {
    const kinds = new Set<string>();
    const squaresSeen = new Map<string, Set<string>>();
    for (let seed = 0; seed < 200; seed++) {
      const players = ['a', 'b', 'c', 'd'].slice(0, 2 + (seed % 3));
      const s = createGame(players, createRng(seed), boardOptions(BattlesnakeArgs.parse({})));
      const heads = s.snakes.map((sn) => key(sn.body[0]!));
      const kind = heads.every((h) => CORNERS.has(h))
        ? 'corners'
        : heads.every((h) => MID_EDGES.has(h))
          ? 'mid'
          : 'mixed';
      expect(kind).not.toBe('mixed');
      kinds.add(kind);
      expect(new Set(heads).size).toBe(players.length);
      for (const sn of s.snakes) {
        expect(sn.body).toHaveLength(3);
        expect(new Set(sn.body.map(key)).size).toBe(1);
        expect(sn.health).toBe(100);
        expect(sn.eliminated).toBeNull();
        const seen = squaresSeen.get(sn.id) ?? new Set();
        seen.add(key(sn.body[0]!));
        squaresSeen.set(sn.id, seen);
      }
    }
    expect(kinds).toEqual(new Set(['corners', 'mid']));
    // Assignment is random: player "a" has started on every one of the 8 squares.
    expect(squaresSeen.get('a')?.size).toBe(8);
  });

  it('rejects fewer than 2 or more than 4 snakes', () => {
    expect(() => createGame(['a'], createRng(1), boardOptions(BattlesnakeArgs.parse({})))).toThrow(RangeError);
    expect(() => createGame(['a', 'b', 'c', 'd', 'e'], createRng(1), boardOptions(BattlesnakeArgs.parse({})))).toThrow(
      RangeError,
    );
    expect(() => createGame(['a', 'a'], createRng(1), boardOptions(BattlesnakeArgs.parse({})))).toThrow(RangeError);
  });
});

describe('initial food', () => {
  it('places one piece diagonal to each head, away from the centre and not in a corner, plus the centre', () => {
    const options = new Set<string>();
    for (let seed = 0; seed < 200; seed++) {
      const s = createGame(['a', 'b', 'c', 'd'], createRng(`food-${seed}`), boardOptions(BattlesnakeArgs.parse({})));
      expect(s.food).toHaveLength(5);
      expect(s.food.map(key)).toContain('5,5');
      for (const sn of s.snakes) {
        const h = sn.body[0]!;
        const near = s.food.filter((f) => Math.abs(f.x - h.x) === 1 && Math.abs(f.y - h.y) === 1);
        expect(near).toHaveLength(1);
        const f = near[0]!;
        const away = Math.abs(f.x - 5) > Math.abs(h.x - 5) || Math.abs(f.y - 5) > Math.abs(h.y - 5);
        expect(away).toBe(true);
        expect((f.x === 0 || f.x === 10) && (f.y === 0 || f.y === 10)).toBe(false);
        if (key(h) === '1,1') options.add(key(f));
      }
    }
    // From (1,1) the only choices are (0,2) and (2,0); both occur.
    expect(options).toEqual(new Set(['0,2', '2,0']));
  });

  it('works on other board sizes', () => {
    for (const [width, height] of [
      [5, 5],
      [7, 7],
      [19, 19],
      [25, 9],
    ] as const) {
      const s = createGame(
        ['a', 'b', 'c', 'd'],
        createRng(width * height),
        boardOptions(BattlesnakeArgs.parse({ width, height })),
      );
      for (const sn of s.snakes) {
        const h = sn.body[0]!;
        expect(h.x >= 0 && h.x < width && h.y >= 0 && h.y < height).toBe(true);
      }
      expect(s.food.map(key)).toContain(`${Math.floor((width - 1) / 2)},${Math.floor((height - 1) / 2)}`);
      expect(new Set(s.food.map(key)).size).toBe(s.food.length);
    }
  });

  it('is a function of the seed', () => {
    const a = createGame(['a', 'b', 'c'], createRng(42), boardOptions(BattlesnakeArgs.parse({})));
    const b = createGame(['a', 'b', 'c'], createRng(42), boardOptions(BattlesnakeArgs.parse({})));
    expect(a).toEqual(b);
  });
});
