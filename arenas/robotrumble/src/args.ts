// `arena.args` from a tournament config, snake_case as users type them in YAML. Defaults are the
// original's: SpawnSettings::default (logic/src/types.rs) and the 100-turn game of the docs
// (robot-rumble/docs source/index.rst: "If you have more robots in the arena after 100 turns").
import { z } from 'zod';
import manifestJson from '../arena.json' with { type: 'json' };
import type { Settings } from './state.ts';

export const RobotRumbleArgs = z
  .object({
    /** The runner stops every sim at the manifest's maxTurns, so this can only lower it. */
    max_turns: z.number().int().min(1).max(manifestJson.maxTurns).default(manifestJson.maxTurns),
    /** Turns between spawns; 0 spawns only on turn 1 (the original's `spawn_every != 0` test). */
    spawn_every: z.number().int().min(0).max(100).default(10),
    /** Pairs of units spawned on turn 1 and on every later spawn turn. */
    initial_units: z.number().int().min(0).max(24).default(4),
    recurrent_units: z.number().int().min(0).max(24).default(4),
  })
  .strict();
export type RobotRumbleArgs = z.infer<typeof RobotRumbleArgs>;

export const settingsOf = (a: RobotRumbleArgs): Settings => ({
  maxTurns: a.max_turns,
  spawnEvery: a.spawn_every,
  initialUnits: a.initial_units,
  recurrentUnits: a.recurrent_units,
});
