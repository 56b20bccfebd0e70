// The Arena wiring: manifest, args, requests, frames, and whole games between simple players.
import { createRng, isFault } from '@codearena/protocol';
import { describe, expect, it } from 'vitest';
import manifestJson from '../arena.json' with { type: 'json' };
import type { ApiRequest } from './api.ts';
import battlesnake from './index.ts';
import type { Direction, State } from './state.ts';
import { DIRECTIONS, inBounds, offset } from './state.ts';
import { board, greedy, playGame, randomSafe } from './test-support.ts';

describe('manifest and args', () => {
  it('matches arena.json', () => {
    expect(battlesnake.manifest).toEqual(manifestJson);
    expect(battlesnake.manifest).toMatchObject({
      id: 'battlesnake',
      players: { min: 2, max: 4 },
      botKind: 'process',
      turnDeadlineMs: 500,
      startupGraceMs: 3000,
      image: 'codearena/base:latest',
      maxTurns: 1000,
    });
  });

  it('parses args with defaults and rejects unknown or out-of-range fields', () => {
    expect(battlesnake.parseArgs({})).toEqual({
      width: 11,
      height: 11,
      food_spawn_chance: 15,
      minimum_food: 1,
      max_turns: 1000,
    });
    expect(battlesnake.parseArgs(undefined)).toMatchObject({ width: 11 });
    expect(battlesnake.parseArgs({ width: 7, height: 9, max_turns: 50 })).toMatchObject({
      width: 7,
      height: 9,
      max_turns: 50,
    });
    expect(() => battlesnake.parseArgs({ widht: 7 })).toThrow(/widht/);
    expect(() => battlesnake.parseArgs({ width: 4 })).toThrow(/width/);
    expect(() => battlesnake.parseArgs({ height: 26 })).toThrow(/height/);
    expect(() => battlesnake.parseArgs({ food_spawn_chance: 101 })).toThrow();
    expect(() => battlesnake.parseArgs({ max_turns: 1001 })).toThrow(/max_turns/);
  });

  it('uses the args in init', () => {
    const s = battlesnake.init(
      ['a', 'b'],
      createRng(1),
      battlesnake.parseArgs({ width: 7, height: 9, max_turns: 20, minimum_food: 2 }),
      new Map(),
    );
    expect([s.width, s.height, s.settings.maxTurns, s.settings.minimumFood]).toEqual([7, 9, 20, 2]);
  });
});

describe('requests', () => {
  const dead = (s: State, id: string): State => ({
    ...s,
    snakes: s.snakes.map((x) =>
      x.id === id ? { ...x, eliminated: { cause: 'wall-collision' as const, turn: 3 } } : x,
    ),
  });
  const s0 = board(
    [
      {
        id: 'a',
        body: [
          [5, 5],
          [5, 4],
          [5, 3],
        ],
        health: 80,
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
    ],
    [[2, 2]],
  );

  it('builds official move requests for living snakes and null for dead ones', () => {
    const req = battlesnake.observe(s0, 'a') as ApiRequest;
    expect(req.type).toBe('move');
    expect(req.game.ruleset).toMatchObject({
      name: 'standard',
      settings: { foodSpawnChance: 0, minimumFood: 0, hazardDamagePerTurn: 14 },
    });
    expect(req.game.map).toBe('standard');
    expect(req.game.timeout).toBe(500);
    expect(req.turn).toBe(0);
    expect(req.board).toMatchObject({ width: 11, height: 11, food: [{ x: 2, y: 2 }], hazards: [] });
    expect(req.you).toMatchObject({
      id: 'a',
      name: 'a',
      health: 80,
      length: 3,
      head: { x: 5, y: 5 },
      shout: '',
      latency: '0',
      body: [
        { x: 5, y: 5 },
        { x: 5, y: 4 },
        { x: 5, y: 3 },
      ],
    });
    expect(req.you.customizations).toHaveProperty('color');
    const s1 = dead(s0, 'c');
    expect(battlesnake.observe(s1, 'c')).toBeNull();
    expect((battlesnake.observe(s1, 'a') as ApiRequest).board.snakes.map((s) => s.id)).toEqual(['a', 'b']);
    expect(battlesnake.observe(s0, 'nobody')).toBeNull();
    // Requests are JSON and share nothing with the state.
    expect(JSON.parse(JSON.stringify(req))).toEqual(req);
  });

  it('sends start and end to every snake, dead or alive', () => {
    const s1 = dead(dead(s0, 'c'), 'b');
    for (const id of ['a', 'b', 'c']) {
      const end = battlesnake.notify(s1, id, 'end') as ApiRequest;
      expect(end.type).toBe('end');
      expect(end.you.id).toBe(id);
      expect(end.board.snakes.map((s) => s.id)).toEqual(['a']);
      expect((battlesnake.notify(s0, id, 'start') as ApiRequest).type).toBe('start');
    }
    expect(battlesnake.observe(s1, 'a')).toBeNull(); // the game is over
  });

  it('draws frames with every snake and its cause of death', () => {
    const f = battlesnake.frame(dead(s0, 'b')) as {
      turn: number;
      snakes: { id: string; alive: boolean; cause?: string }[];
    };
    expect(f).toMatchObject({ turn: 0, width: 11, height: 11, food: [{ x: 2, y: 2 }] });
    expect(f.snakes.map((s) => [s.id, s.alive, s.cause])).toEqual([
      ['a', true, undefined],
      ['b', false, 'wall-collision'],
      ['c', true, undefined],
    ]);
    expect(battlesnake.turn(s0)).toBe(0);
  });

  it('parses moves through the arena', () => {
    expect(battlesnake.parseMove({ move: 'up' }, s0, 'a')).toEqual({ move: 'up' });
    expect(isFault(battlesnake.parseMove('nope', s0, 'a'))).toBe(true);
  });
});

describe('whole games', () => {
  it('end, with every player ranked, for 2–4 simple players', async () => {
    for (let seed = 0; seed < 60; seed++) {
      const players = ['p1', 'p2', 'p3', 'p4'].slice(0, 2 + (seed % 3));
      const policies = Object.fromEntries(players.map((p, i) => [p, i % 2 === 0 ? greedy : randomSafe]));
      const states = await playGame(players, policies, seed, { max_turns: 600 });
      const last = states[states.length - 1]!;
      const o = battlesnake.outcome(last);
      expect(o).not.toBeNull();
      expect(Object.keys(o!.ranks).sort()).toEqual(players.slice().sort());
      expect(Math.min(...Object.values(o!.ranks))).toBe(1);
      expect(last.turn).toBeLessThanOrEqual(600);
      expect(battlesnake.turn(last)).toBe(states.length - 1);
      // Invariants along the way: living snakes stay on the board with health in 1..100.
      for (const s of states) {
        for (const sn of s.snakes) {
          if (sn.eliminated) continue;
          expect(sn.health).toBeGreaterThan(0);
          expect(sn.health).toBeLessThanOrEqual(100);
          expect(sn.body.every((p) => p.x >= 0 && p.x < s.width && p.y >= 0 && p.y < s.height)).toBe(true);
        }
      }
    }
  });

  it('are identical for the same seed and differ across seeds', async () => {
    const play = async (seed: number) =>
      (await playGame(['a', 'b', 'c'], { a: greedy, b: randomSafe, c: greedy }, seed)).map((s) => battlesnake.frame(s));
    expect(await play(11)).toEqual(await play(11));
    expect(await play(11)).not.toEqual(await play(12));
  });

  it('plays 100 four-snake games to an outcome (engine speed: see npm run bench)', () => {
    const rng = createRng('perf');
    let turns = 0;
    for (let g = 0; g < 100; g++) {
      let s = battlesnake.init(['a', 'b', 'c', 'd'], createRng(g), battlesnake.parseArgs({}), new Map());
      while (battlesnake.outcome(s) === null) {
        const moves = new Map(s.snakes.map((sn) => [sn.id, { move: cheapMove(s, sn.id, rng.int(4)) }]));
        s = battlesnake.step(s, moves, rng);
        turns++;
      }
      expect(battlesnake.turn(s)).toBeLessThanOrEqual(battlesnake.manifest.maxTurns);
    }
    expect(turns).toBeGreaterThan(1000);
  });
});

/** First in-bounds move not onto a body, starting from a random direction. */
function cheapMove(s: State, id: string, start: number): Direction {
  const me = s.snakes.find((x) => x.id === id)!;
  const taken = new Set<number>();
  for (const sn of s.snakes) if (!sn.eliminated) for (const p of sn.body.slice(0, -1)) taken.add(p.x * s.height + p.y);
  for (let k = 0; k < 4; k++) {
    const d = DIRECTIONS[(start + k) % 4]!;
    const p = offset(me.body[0]!, d);
    if (inBounds(p, s.width, s.height) && !taken.has(p.x * s.height + p.y)) return d;
  }
  return 'up';
}
