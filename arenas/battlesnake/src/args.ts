// `arena.args` from a tournament config, snake_case as users type them in YAML.
import { z } from 'zod';
import manifestJson from '../arena.json' with { type: 'json' };
import type { BoardOptions } from './setup.ts';

export const BattlesnakeArgs = z
  .object({
    width: z.number().int().min(5).max(25).default(11),
    height: z.number().int().min(5).max(25).default(11),
    /** Percent chance per turn of one extra food once minimum_food is met (official default 15). */
    food_spawn_chance: z.number().int().min(0).max(100).default(15),
    /** Food is topped up to this many pieces at the end of every turn (official default 1). */
    minimum_food: z.number().int().min(0).max(100).default(1),
    /** Turn cap after which survivors are ranked by length, then health. The runner stops every
     *  sim at the manifest's maxTurns, so this can only lower it. */
    max_turns: z.number().int().min(1).max(manifestJson.maxTurns).default(manifestJson.maxTurns),
  })
  .strict();
export type BattlesnakeArgs = z.infer<typeof BattlesnakeArgs>;

/** Board size and settings for the rules. */
export function boardOptions(a: BattlesnakeArgs): BoardOptions {
  return {
    width: a.width,
    height: a.height,
    settings: { foodSpawnChance: a.food_spawn_chance, minimumFood: a.minimum_food, maxTurns: a.max_turns },
  };
}
