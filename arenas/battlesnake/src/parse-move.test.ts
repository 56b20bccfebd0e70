// Bot replies are untrusted: everything but {"move": dir, "shout"?: string} is a fault.
import { isFault } from '@codearena/protocol';
import { describe, expect, it } from 'vitest';
import { parseMove } from './parse-move.ts';

describe('parseMove', () => {
  it('accepts the four moves, with or without a shout, as objects or JSON text', () => {
    for (const move of ['up', 'down', 'left', 'right'] as const) expect(parseMove({ move })).toEqual({ move });
    expect(parseMove({ move: 'left', shout: 'hi' })).toEqual({ move: 'left', shout: 'hi' });
    expect(parseMove('{"move":"down"}')).toEqual({ move: 'down' });
    expect(parseMove({ move: 'up', shout: 'x'.repeat(1000) })).toEqual({ move: 'up', shout: 'x'.repeat(256) });
  });

  it.each([
    [null, 'bad_output'],
    [undefined, 'bad_output'],
    [42, 'bad_output'],
    ['up', 'bad_output'],
    ['{"move":', 'bad_output'],
    [['up'], 'bad_output'],
    [{}, 'bad_output'],
    [{ direction: 'up' }, 'bad_output'],
    [{ move: 'up', extra: 1 }, 'bad_output'],
    [{ move: 'up', shout: 5 }, 'bad_output'],
    [{ move: 'UP' }, 'invalid_move'],
    [{ move: 'north' }, 'invalid_move'],
    [{ move: '' }, 'invalid_move'],
    [{ move: 1 }, 'invalid_move'],
    [{ move: null }, 'invalid_move'],
    [{ move: ['up'] }, 'invalid_move'],
    [{ move: 'constructor' }, 'invalid_move'],
  ])('faults on %j as %s', (raw, kind) => {
    const r = parseMove(raw);
    expect(isFault(r)).toBe(true);
    if (isFault(r)) {
      expect(r.kind).toBe(kind);
      expect(r.detail.length).toBeGreaterThan(0);
      expect(r.detail.length).toBeLessThan(400);
    }
  });

  it('keeps fault details short for huge garbage', () => {
    const r = parseMove('x'.repeat(100_000));
    expect(isFault(r) && r.detail.length < 300).toBe(true);
  });
});
