// defineArena: the defaults every call site relies on, args parsed by the arena's schema, and
// the hooks a kind of arena cannot do without.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ArenaManifest, ArenaSpec } from './arena.ts';
import { defineArena, defineEngineArena } from './arena-kit.ts';

const manifest = (botKind: ArenaManifest['botKind']): ArenaManifest => ({
  id: 'toy',
  name: 'Toy',
  description: 'a counter',
  players: { min: 2, max: 2 },
  botKind,
  turnDeadlineMs: 100,
  startupGraceMs: 0,
  image: 'codearena/base:latest',
  maxTurns: 5,
});
const Args = z.object({ goal: z.number().int().default(3) }).strict();
const spec = (botKind: ArenaManifest['botKind']): ArenaSpec<number, never, z.infer<typeof Args>> => ({
  manifest: manifest(botKind),
  args: Args,
  validate: async () => ({ ok: true, detail: '' }),
  init: () => 0,
  step: (n) => n + 1,
  outcome: () => null,
  frame: (n) => n,
  turn: (n) => n,
});

describe('defineArena', () => {
  it('fills the hooks a data arena does without, so no caller tests for one', async () => {
    const arena = defineArena({ ...spec('data'), loadPlayer: async () => 'warrior' });
    expect(arena.observe(0, 'a')).toBeNull();
    expect(arena.notify(0, 'a', 'start')).toBeNull();
    expect(arena.notices(0, 'a')).toEqual([]);
    expect(arena.parseMove({ move: 1 }, 0, 'a')).toEqual({ kind: 'invalid_move', detail: 'toy bots make no moves' });
    expect(
      arena.sampleMove(null, {
        next: () => 0,
        int: () => 0,
        fork: () => {
          throw new Error('unused');
        },
      }),
    ).toBeNull();
    expect(await arena.loadPlayer({ readFile: async () => null }, { goal: 3 })).toBe('warrior');
  });

  it('parses args with the arena schema: undefined means all defaults, unknown keys throw', () => {
    const arena = defineArena({ ...spec('data'), loadPlayer: async () => null });
    expect(arena.parseArgs(undefined)).toEqual({ goal: 3 });
    expect(arena.parseArgs({ goal: 4 })).toEqual({ goal: 4 });
    expect(() => arena.parseArgs({ gaol: 4 })).toThrow(/gaol/);
    expect(arena.argsSchema).toBe(Args);
  });

  it("refuses an arena missing its kind's own hooks, and engine arenas (defineEngineArena makes those)", () => {
    expect(() => defineArena(spec('process'))).toThrow(/process arenas must define observe\(\)/);
    expect(() =>
      defineArena({ ...spec('process'), observe: () => ({}), parseMove: () => ({ kind: 'bad_output', detail: '' }) }),
    ).toThrow(/sampleMove/);
    expect(() => defineArena(spec('data'))).toThrow(/loadPlayer/);
    expect(() => defineArena(spec('engine'))).toThrow(/made with defineEngineArena/);
  });

  it('an engine arena keeps its engine hooks and refuses to be played turn by turn', () => {
    const engine = {
      command: () => ['engine'],
      simArgs: () => ({}),
      simTimeoutMs: () => 1000,
      memoryMb: 256,
      pids: 64,
      frameEvery: 1,
      frame: () => null,
      frameClock: () => ({ round: 0, turn: 0 }),
      outcome: () => 'no result',
    };
    const arena = defineEngineArena({
      manifest: manifest('engine'),
      args: Args,
      validate: async () => ({ ok: true, detail: '' }),
      engine,
    });
    expect(arena.engine).toBe(engine);
    expect(defineArena({ ...spec('data'), loadPlayer: async () => null }).engine).toBeNull();
    expect(arena.parseArgs(undefined)).toEqual({ goal: 3 });
    expect(() =>
      arena.init([], { next: () => 0, int: () => 0, fork: () => null as never }, { goal: 3 }, new Map()),
    ).toThrow(/played by its engine/);
    expect(() =>
      defineEngineArena({
        manifest: manifest('process'),
        args: Args,
        validate: async () => ({ ok: true, detail: '' }),
        engine,
      }),
    ).toThrow(/for engine arenas/);
  });
});
