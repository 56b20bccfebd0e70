// The Arena wiring: manifest, args, requests, and whole games between in-process players
// through the same turn loop as a tournament.
import { createRng } from '@codearena/protocol';
import { playLocal } from '@codearena/server/compete/local-play.ts';
import { describe, expect, it } from 'vitest';
import manifestJson from '../arena.json' with { type: 'json' };
import type { FrameMessage, InitMessage } from './api.ts';
import halite from './index.ts';

describe('manifest and args', () => {
  it('matches arena.json', () => {
    expect(halite.manifest).toEqual(manifestJson);
    expect(halite.manifest).toMatchObject({ id: 'halite', players: { min: 2, max: 6 }, botKind: 'process' });
  });

  it('parses sizes and rejects unknown or out-of-range fields', () => {
    expect(halite.parseArgs(undefined)).toEqual({});
    expect(halite.parseArgs({ width: 20, height: 30 })).toEqual({ width: 20, height: 30 });
    expect(() => halite.parseArgs({ widht: 20 })).toThrow(/widht/);
    expect(() => halite.parseArgs({ width: 11 })).toThrow(/width/);
    expect(() => halite.parseArgs({ height: 51 })).toThrow(/height/);
  });

  it('draws a square side from the original list when no size is given', () => {
    const sides = new Set<number>();
    for (let k = 0; k < 30; k++) {
      const s = halite.init(['a', 'b'], createRng(k), halite.parseArgs({}), new Map());
      expect(s.width).toBe(s.height);
      sides.add(s.width);
    }
    for (const side of sides) expect([20, 24, 30, 34, 40, 44, 50]).toContain(side);
    expect(sides.size).toBeGreaterThan(2);
  });
});

describe('requests', () => {
  it('sends init first, then a frame per turn, to living players only', () => {
    let s = halite.init(['a', 'b', 'c'], createRng(3), halite.parseArgs({ width: 24 }), new Map());
    const init = halite.observe(s, 'b') as InitMessage;
    expect(init).toMatchObject({ type: 'init', you: 2, width: s.width, height: s.height });
    expect(init.production).toHaveLength(s.height);
    expect(init.map.owners.flat().filter((o) => o === 2)).toHaveLength(1);
    s = halite.step(
      s,
      new Map([
        ['a', { ready: true }],
        ['b', { ready: true }],
        ['c', { kind: 'timeout', detail: 'x' }],
      ]),
      createRng(0),
    );
    const frame = halite.observe(s, 'a') as FrameMessage;
    expect(frame).toMatchObject({ type: 'frame', turn: 1, you: 1 });
    expect(halite.observe(s, 'c')).toBeNull();
    // The init exchange was the first step (the runner's turn 1); no frame played yet.
    expect([halite.turn(s), s.turn]).toEqual([1, 0]);
  });
});

describe('whole games', () => {
  it.each([2, 3, 4, 5, 6])('%i sample players play to an outcome with distinct ranks', async (n) => {
    const players = Array.from({ length: n }, (_, k) => `p${k}`);
    const played = await playLocal(halite, { players, seed: n, args: halite.parseArgs({ width: 20, height: 20 }) });
    expect(played.faults).toEqual([]);
    expect(played.outcome).not.toBeNull();
    expect(Object.values(played.outcome!.ranks).sort()).toEqual(players.map((_, k) => k + 1));
    expect(played.turns).toBeLessThanOrEqual(200 + 1); // the turn limit's frames + the init step
  });

  it('a player sending garbage keeps its sites STILL and is tallied, the game goes on', async () => {
    const played = await playLocal(halite, {
      players: ['good', 'bad'],
      seed: 9,
      args: halite.parseArgs({ width: 20, height: 20 }),
      policy: (p) => (req, rng) =>
        p === 'bad' && (req as { type: string }).type === 'frame' ? 'not json' : halite.sampleMove(req, rng),
    });
    expect(played.outcome).not.toBeNull();
    expect(played.faults).toEqual([
      expect.objectContaining({ player: 'bad', kind: 'bad_output', count: played.turns - 1 }), // every frame, not init
    ]);
  });

  it('frames carry the grid and per-player totals', async () => {
    const frames: unknown[] = [];
    await playLocal(halite, {
      players: ['a', 'b'],
      seed: 4,
      args: halite.parseArgs({ width: 12, height: 12 }),
      onState: (s) => frames.push(halite.frame(s)),
    });
    const last = frames.at(-1) as { players: { territory: number }[]; owners: number[][] };
    const owned = last.owners.flat().filter((o) => o > 0).length;
    expect(last.players.reduce((a, p) => a + p.territory, 0)).toBe(owned);
  });
});
