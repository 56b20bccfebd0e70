// The arena as the match runner drives it (the server's turn loop): loadPlayer → init → step* →
// outcome, one frame per state; seeded placement; load faults; validation; settings from
// arena.args.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CodebaseReader, createRng, isFault } from '@codearena/protocol';
import { playLocal } from '@codearena/server/compete/local-play.ts';
import { describe, expect, it } from 'vitest';
import { ALPHABET as RENDERER_ALPHABET, decodeCore } from '../renderer/core-map.ts';
import corewar, { STEPS, type State } from './index.ts';
import { ALPHABET } from './frame.ts';
import type { Frame } from './frame.ts';
import { MAX_SOURCE_BYTES } from './load.ts';
import { processCount } from './mars.ts';
import { placeWarriors } from './placement.ts';
import { CorewarArgs, DEFAULT_SETTINGS, settingsOf } from './settings.ts';

const ARENA = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = (dir: string) => readFileSync(join(ARENA, dir, 'warrior.red'), 'utf8');
const reader = (files: Record<string, string>): CodebaseReader => ({ readFile: async (path) => files[path] ?? null });
const codebase = (text: string) => reader({ 'warrior.red': text });

/** A whole sim as runMatch plays it, keeping every frame. */
async function play(players: Record<string, string | CodebaseReader>, seed: number | string = 1, args: object = {}) {
  const readers = new Map(Object.entries(players).map(([id, s]) => [id, typeof s === 'string' ? codebase(s) : s]));
  const frames: Frame[] = [];
  const played = await playLocal(corewar, {
    players: [...readers.keys()],
    seed,
    args: corewar.parseArgs(args),
    readers,
    // Data bots are never asked for a move.
    policy: () => () => {
      throw new Error('a CoreWar player was asked for a move');
    },
    onState: (s) => frames.push(corewar.frame(s) as Frame),
  });
  return { ...played, frames };
}

describe('a sim', () => {
  it('is one battle, in at most STEPS steps, with a frame per step', async () => {
    const { state, frames, outcome } = await play({ a: source('starter'), b: source('bots/dwarf') });
    expect(outcome).not.toBeNull();
    expect(corewar.turn(state)).toBeLessThanOrEqual(STEPS);
    expect(STEPS).toBeLessThanOrEqual(corewar.manifest.maxTurns);
    expect(frames).toHaveLength(corewar.turn(state) + 1);
    expect(frames.at(-1)!.cycle).toBeGreaterThan(0);
  });

  it('ties when both survive the cycle limit', async () => {
    const { outcome, frames } = await play({ imp1: source('bots/imp'), imp2: source('bots/imp') });
    expect(outcome).toEqual({ ranks: { imp1: 1, imp2: 1 }, reason: '2 warriors survive 80000 cycles' });
    expect(frames).toHaveLength(STEPS + 1);
    expect(frames.at(-1)!.cycle).toBe(80000);
  });

  it('ranks the last warrior standing first and the dead by when they died', async () => {
    // Four warriors: two die at once (DAT), a Dwarf bombs the stationary one eventually or ties.
    const { outcome, state } = await play(
      { dat: 'DAT 0', jmp: 'JMP 0', dwarf: source('bots/dwarf'), div: 'DIV #0, 1' },
      'multi',
    );
    const b = state.battle!;
    expect(b.deaths.slice(0, 2).map((d) => d.cycle)).toEqual([1, 1]);
    const firstDead = state.players[b.deaths[0]!.warrior]!;
    const secondDead = state.players[b.deaths[1]!.warrior]!;
    expect(outcome!.ranks[firstDead]).toBe(4);
    expect(outcome!.ranks[secondDead]).toBe(3);
    expect(outcome!.ranks.dwarf).toBe(1);
    expect([1, 2]).toContain(outcome!.ranks.jmp);
  });

  it('is the same battle for the same seed, and seeds vary placement and who moves first', async () => {
    const players = { s: source('starter'), p: source('bots/paper') };
    const a = await play(players, 42);
    const b = await play(players, 42);
    expect(b.frames).toEqual(a.frames);
    expect(b.outcome).toEqual(a.outcome);
    const places = new Set<string>();
    for (let seed = 0; seed < 20; seed++) {
      const p = placeWarriors(2, DEFAULT_SETTINGS, createRng(seed));
      places.add(JSON.stringify(p));
      expect(p.positions[0]).toBe(0);
      expect(p.positions[1]).toBeGreaterThanOrEqual(100);
      expect(p.positions[1]).toBeLessThanOrEqual(7900);
    }
    expect(places.size).toBe(20);
  });

  it('places up to 8 warriors min_distance apart, all around the core', () => {
    for (let seed = 0; seed < 50; seed++) {
      const s = settingsOf(CorewarArgs.parse({ core_size: 800, max_length: 20, min_distance: 100 }));
      const { positions, order } = placeWarriors(8, s, createRng(seed));
      const sorted = [...positions].sort((x, y) => x - y);
      const gaps = sorted.map((p, i) => (sorted[(i + 1) % 8]! - p + 800) % 800);
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(100);
      expect([...order].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    }
  });

  it('gives frames that stand alone: the whole core map and the pointers', async () => {
    const { frames } = await play({ s: source('starter'), d: source('bots/dwarf') }, 7);
    expect(RENDERER_ALPHABET).toBe(ALPHABET);
    const first = frames[0]!;
    const cells = decodeCore(first.core, 8000);
    // Frame 0: exactly the two warriors as loaded, all "recent".
    expect([...cells].filter((v) => v !== 0).length).toBe(7 + 4);
    for (const [i, w] of first.warriors.entries()) {
      expect(cells[w.position]).toBe((i + 1) * 2 + 1);
      expect(w.pcs).toHaveLength(1);
    }
    for (const f of frames) {
      const c = decodeCore(f.core, f.coreSize);
      expect(c).toHaveLength(8000);
      for (const w of f.warriors) for (const pc of w.pcs) expect(pc).toBeLessThan(8000);
    }
    // Later frames: old cells dim, new writes recent; the stone's bombs pile up.
    const mid = decodeCore(frames[3]!.core, 8000);
    expect([...mid].filter((v) => v >> 1 === 1).length).toBeGreaterThan(50);
    expect(JSON.stringify(frames).length).toBeLessThan(600_000);
  });

  it('plays WARRIORS-dependent code assembled for the real number of warriors', async () => {
    const w = ';assert WARRIORS == 2\nJMP 0';
    const { outcome, state } = await play({ a: w, b: 'JMP 0', c: 'JMP 0' }, 1, { max_cycles: 100 });
    expect(state.failures[0]).toMatch(/assertion failed/);
    expect(outcome!.ranks).toEqual({ a: 3, b: 1, c: 1 });
  });
});

describe('loading', () => {
  it('records a warrior that does not load as a fault and ranks it last', async () => {
    const { outcome, faults } = await play({
      bad: ';assert 1\n  mov 0, 1\n  jmp nowhere',
      good: 'JMP 0',
      missing: reader({}),
    });
    expect(faults.find((f) => f.player === 'bad')).toEqual({
      player: 'bad',
      kind: 'invalid_move',
      count: 1,
      detail: 'warrior.red: line 3: A-operand "nowhere": undefined symbol "nowhere"',
    });
    expect(faults.find((f) => f.player === 'missing')?.kind).toBe('bad_output');
    expect(outcome).toEqual({
      ranks: { bad: 2, good: 1, missing: 2 },
      reason: 'good is the only warrior that assembled',
    });
  });

  it('ties everyone when no warrior loads', async () => {
    const { outcome } = await play({ x: 'MOV 1', y: 'FOO 0' });
    expect(outcome).toEqual({ ranks: { x: 1, y: 1 }, reason: 'no warrior assembled' });
  });

  it('refuses a warrior.red over 64 KiB', async () => {
    const loaded = await corewar.loadPlayer(codebase(`JMP 0\n${';'.repeat(MAX_SOURCE_BYTES)}`), corewar.parseArgs({}));
    expect(loaded).toEqual({ kind: 'bad_output', detail: 'warrior.red is larger than 64 KiB' });
  });

  it('assembles with the tournament settings', async () => {
    const w = ';assert CORESIZE == 800\nJMP 0';
    expect(isFault(await corewar.loadPlayer(codebase(w), corewar.parseArgs({})))).toBe(true);
    expect(isFault(await corewar.loadPlayer(codebase(w), corewar.parseArgs({ core_size: 800, max_length: 20 })))).toBe(
      false,
    );
  });
});

describe('validate', () => {
  const ctx = (files: Record<string, string>, args?: object) => ({
    ...reader(files),
    codeDir: '/code',
    args: corewar.parseArgs(args),
    exec: async () => {
      throw new Error('CoreWar validation runs nothing');
    },
    startBot: async () => {
      throw new Error('CoreWar bots are data');
    },
  });

  it.each(['starter', 'bots/imp', 'bots/dwarf', 'bots/stone', 'bots/paper', 'bots/scanner'])(
    'accepts %s',
    async (dir) => {
      const v = await corewar.validate(ctx({ 'warrior.red': source(dir) }));
      expect(v.ok, v.detail).toBe(true);
      expect(v.detail).toMatch(/^".+" by .+: \d+ instructions, starts at \d+/);
    },
  );

  it('reports errors with line numbers, and warnings', async () => {
    const v = await corewar.validate(ctx({ 'warrior.red': 'mov 0, 1\n  jmp 0, 0, 0\n  add.z 1, 2' }));
    expect(v).toEqual({
      ok: false,
      detail:
        'warrior.red does not assemble: line 2: too many operands (at most two); line 3: bad modifier "z" (A B AB BA F X I)\nwarnings: no ;assert: the warrior does not check the settings it expects',
    });
    const w = await corewar.validate(ctx({ 'warrior.red': 'jmp 0' }));
    expect(w).toEqual({
      ok: true,
      detail:
        '"Unknown" by Anonymous: 1 instructions, starts at 0; warnings: no ;assert: the warrior does not check the settings it expects',
    });
  });

  it('checks against the tournament settings and explains a missing file', async () => {
    const w = { 'warrior.red': ';assert CORESIZE == 800\nJMP 0' };
    expect((await corewar.validate(ctx(w))).ok).toBe(false);
    expect((await corewar.validate(ctx(w, { core_size: 800, max_length: 20 }))).ok).toBe(true);
    expect(await corewar.validate(ctx({}))).toEqual({
      ok: false,
      detail: 'no readable warrior.red at the codebase root (it must be a regular file, not a symlink)',
    });
  });
});

describe('arena.args', () => {
  it('defaults to the standard hill and names a bad field', () => {
    expect(settingsOf(CorewarArgs.parse({}))).toEqual({
      coreSize: 8000,
      maxCycles: 80000,
      maxProcesses: 8000,
      maxLength: 100,
      minDistance: 100,
      pspaceSize: 500,
    });
    expect(settingsOf(CorewarArgs.parse({ core_size: 800, max_length: 20 }))).toMatchObject({
      minDistance: 20,
      pspaceSize: 50,
    });
    expect(() => corewar.parseArgs({ core_size: 8000, min_distance: 50 })).toThrow(/min_distance/);
    expect(() => corewar.parseArgs({ cores: 8000 })).toThrow(/cores/);
    expect(() => corewar.parseArgs({ core_size: 500 })).toThrow(/core_size/);
  });

  it('runs battles with the settings given', async () => {
    const { state, outcome } = await play({ a: 'JMP 0', b: 'SPL 0\nJMP -1' }, 3, {
      core_size: 800,
      max_length: 20,
      max_cycles: 1000,
      max_processes: 16,
    });
    expect(outcome!.reason).toBe('2 warriors survive 1000 cycles');
    expect(processCount((state as State).battle!, 1)).toBe(16);
  });
});
