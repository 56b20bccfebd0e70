// Replies are untrusted: shapes are checked, illegal entries dropped as the original drops them,
// hostile replies come back as faults without throwing.
import { isFault } from '@codearena/protocol';
import { describe, expect, it } from 'vitest';
import { parseMove } from './parse-move.ts';
import { gameOnGrid } from './rules.ts';
import { gridOf, playing } from './test-support.ts';

const rows = [
  ['1:10:1', '1:10:1', '0:0:0', '0:0:0'],
  ['0:0:0', '0:0:0', '2:10:1', '0:0:0'],
];
const s = playing(rows);

describe('init replies', () => {
  const init = gameOnGrid(['a', 'b'], gridOf(rows));
  it('accepts {"ready":true} with an optional name, cut to 30 characters', () => {
    expect(parseMove('{"ready":true}', init, 'a')).toEqual({ ready: true });
    expect(parseMove({ ready: true, name: 'x'.repeat(40) }, init, 'a')).toEqual({ ready: true, name: 'x'.repeat(30) });
  });
  it('rejects anything else', () => {
    for (const r of ['{"ready":false}', '{"ready":true,"name":3}', '{"moves":[]}', 'null', 'nope'])
      expect(isFault(parseMove(r, init, 'a')), r).toBe(true);
  });
});

describe('frame replies', () => {
  it('accepts legal moves; sites left out stay STILL', () => {
    expect(parseMove('{"moves":[[0,0,2],[1,0,0]]}', s, 'a')).toEqual({
      moves: [
        [0, 0, 2],
        [1, 0, 0],
      ],
    });
    expect(parseMove({ moves: [] }, s, 'a')).toEqual({ moves: [] });
  });

  it('drops moves of sites the player does not own, and bad directions, keeping the rest', () => {
    const m = parseMove(
      {
        moves: [
          [2, 1, 1],
          [0, 0, 3],
          [1, 0, 7],
        ],
      },
      s,
      'a',
    );
    expect(isFault(m) && m.kind).toBe('invalid_move');
    expect((m as { legal: unknown }).legal).toEqual({ moves: [[0, 0, 3]] });
  });

  it('stops reading at the first site off the map, as the original does', () => {
    const m = parseMove(
      {
        moves: [
          [0, 0, 3],
          [9, 0, 1],
          [1, 0, 3],
        ],
      },
      s,
      'a',
    );
    expect(isFault(m) && m.detail).toMatch(/off the 4x2 map.*1 move/);
    expect((m as { legal: unknown }).legal).toEqual({ moves: [[0, 0, 3]] });
  });

  it('faults malformed and hostile replies without throwing', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const replies: unknown[] = [
      'garbage',
      '',
      deep,
      `{"moves":${deep}}`,
      '{"moves":"all"}',
      '{"moves":[[0,0]]}',
      '{"moves":[[0,0,1.5]]}',
      '{"moves":[["0",0,1]]}',
      '{"moves":[],"extra":1}',
      '{"__proto__":{"moves":[]}}',
      [1, 2, 3],
      42,
      { moves: Array.from({ length: 200_000 }, () => [0, 0, 0]) },
    ];
    for (const r of replies) {
      const m = parseMove(r, s, 'a');
      expect(isFault(m), String(r).slice(0, 40)).toBe(true);
      expect(isFault(m) && m.kind).not.toBe('invalid_move');
    }
  });
});
