// Hand-checked spawns. Source: robot-rumble/logic logic/src/lib.rs `run` (turn 1: spawn_units(true);
// turn t with (t-1) % spawn_every == 0: clear_spawn then spawn_units(false)), State::spawn_units
// (a point is available when it and its mirror are free; Blue on the point, Red on the mirror),
// State::clear_spawn, types.rs SpawnSettings::default (4, 4, every 10); robot-rumble/docs
// source/index.rst: "Every 10 turns, any robots still left in the spawn area are removed, and a
// batch of up to 4 robots randomly spawns for each team."
import { createRng } from '@codearena/protocol';
import { describe, expect, it } from 'vitest';
import { RobotRumbleArgs, settingsOf } from './args.ts';
import { SPAWN_KEYS, SPAWN_POINTS, cellKey, mirror } from './geometry.ts';
import { createGame, spawnsAt } from './rules.ts';
import { clearSpawn, spawnUnits } from './spawn.ts';
import { play, position, unit } from './test-support.ts';

const defaults = settingsOf(RobotRumbleArgs.parse({}));
const onSpawn = (u: { x: number; y: number }) => SPAWN_KEYS.has(cellKey(u.x, u.y));

describe('spawning (lib.rs run, spawn_units, clear_spawn)', () => {
  it('turn 1 starts with 4 units a team on spawn points, Red on the mirror of each Blue, 5 health', () => {
    const s = createGame(['R', 'B'], createRng(7), defaults);
    expect(s.units).toHaveLength(8);
    expect(s.units.map((u) => u.id)).toEqual([113, 114, 115, 116, 117, 118, 119, 120]);
    for (let i = 0; i < 8; i += 2) {
      const [blue, red] = [s.units[i]!, s.units[i + 1]!];
      expect([blue.team, red.team]).toEqual(['blue', 'red']);
      expect({ x: red.x, y: red.y }).toEqual(mirror(blue));
      expect(onSpawn(blue) && onSpawn(red)).toBe(true);
      expect(blue.health).toBe(5);
    }
    expect(s.nextId).toBe(121);
  });

  it('spawns at the start of turns 11, 21, …, 91 and never after the last turn', () => {
    const turns = Array.from({ length: 101 }, (_, i) => i + 1).filter((t) => spawnsAt(t, defaults));
    expect(turns).toEqual([11, 21, 31, 41, 51, 61, 71, 81, 91, 101]);
    // 101 is past the 100th turn: the step after turn 100 does not spawn (checked below).
    expect(spawnsAt(11, { ...defaults, spawnEvery: 0 })).toBe(false);
  });

  it('at a spawn turn, units of both teams on spawn points are removed, others stay, 4 new pairs arrive', () => {
    // After turn 10 is played, the state is readied for turn 11.
    const s = play(
      position(
        [
          [200, 1, 9, 'red'], // on a spawn point: removed
          [201, 17, 9, 'blue'], // on a spawn point: removed
          [202, 9, 9, 'blue'], // inside: stays
        ],
        { turn: 9 },
      ),
      [],
    );
    expect(s.turn).toBe(10);
    expect(s.units.find((u) => u.id === 200 || u.id === 201)).toBeUndefined();
    expect(s.units.find((u) => u.id === 202)).toMatchObject({ x: 9, y: 9 });
    const fresh = s.units.filter((u) => u.id >= 203);
    expect(fresh).toHaveLength(8);
    expect(fresh.every(onSpawn)).toBe(true);
  });

  it('units that step off the spawn area before the spawn turn survive it', () => {
    const s = play(position([[200, 1, 9, 'red']], { turn: 9 }), [
      { id: 200, action: { type: 'move', direction: 'east' } },
    ]);
    expect(s.units.find((u) => u.id === 200)).toMatchObject({ x: 2, y: 9 });
  });

  it('no spawn and no clearing after the last turn: units on spawn points count at the end', () => {
    const s = play(position([[200, 1, 9, 'red']], { turn: 99 }), []);
    expect(s.turn).toBe(100);
    expect(s.units.map((u) => u.id)).toEqual([200]);
  });

  it('a spawn point is unavailable when it or its mirror is occupied (spawn_units filter)', () => {
    // Without clear_spawn first (the original clears before every later spawn, so this matters
    // only when something else stands there): ask for every pair.
    const blocker = unit([200, 1, 9, 'red']);
    const m = mirror(blocker); // (17,9)
    const { units } = spawnUnits([blocker], 201, 24, createRng(3));
    const fresh = units.slice(1);
    expect(fresh).toHaveLength(46); // 23 pairs: the blocked point's pair is skipped
    expect(fresh.some((u) => (u.x === 1 && u.y === 9) || (u.x === m.x && u.y === m.y))).toBe(false);
    // A unit on the mirror cell blocks the same pair.
    const other = spawnUnits([unit([200, 17, 9, 'blue'])], 201, 24, createRng(3)).units.slice(1);
    expect(other.some((u) => u.x === 1 && u.y === 9)).toBe(false);
  });

  it('spawns fewer than asked when the points run out ("up to 4")', () => {
    const { units } = spawnUnits([], 113, 30, createRng(1));
    expect(units).toHaveLength(SPAWN_POINTS.length);
  });

  it('clear_spawn removes only units on spawn points', () => {
    const kept = clearSpawn([unit([1, 1, 9]), unit([2, 2, 9]), unit([3, 9, 1, 'blue'])]);
    expect(kept.map((u) => u.id)).toEqual([2]);
  });

  it('spawn_every 0 spawns only on turn 1', () => {
    const s = play(position([], { turn: 9, args: { spawn_every: 0 } }), []);
    expect(s.units).toEqual([]);
  });
});
