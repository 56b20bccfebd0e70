// Battle settings: `arena.args` from a tournament config (snake_case as users type them), and
// what the engine is sent of them. Defaults are Robocode's own (800×600, gun cooling 0.1,
// inactivity 450 turns) and CodeClash's 10 rounds per sim.
import { z } from 'zod';
import { MAX_FIELD, MIN_FIELD } from './frame.ts';

export const RobocodeArgs = z
  .object({
    width: z.number().int().min(MIN_FIELD).max(MAX_FIELD).default(800),
    height: z.number().int().min(MIN_FIELD).max(MAX_FIELD).default(600),
    /** Rounds per battle (one battle is one sim). */
    rounds: z.number().int().min(1).max(100).default(10),
    /** Gun heat lost per turn. */
    gun_cooling_rate: z.number().min(0.01).max(1).default(0.1),
    /** Turns without damage before every robot starts losing energy. */
    inactivity_time: z.number().int().min(1).max(100_000).default(450),
    /** Robots see "enemy" instead of each other's names. */
    hide_enemy_names: z.boolean().default(false),
  })
  .strict();
export type RobocodeArgs = z.infer<typeof RobocodeArgs>;

/** The engine's part of a sim request (see the engine's Main.java). */
export const battleArgs = (a: RobocodeArgs) => ({
  width: a.width,
  height: a.height,
  rounds: a.rounds,
  gunCoolingRate: a.gun_cooling_rate,
  inactivityTime: a.inactivity_time,
  hideEnemyNames: a.hide_enemy_names,
});

/**
 * Wall-clock cap on one battle. An honest 10-round duel takes 1–3 s; a robot that never yields
 * costs the engine about 4.5 s a round before Robocode force-stops it, and a thread bomb some
 * seconds more; a battle still running past this has stalled the engine.
 */
export const battleTimeoutMs = (a: RobocodeArgs) => 60_000 + a.rounds * 30_000;
