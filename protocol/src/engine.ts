// The wire between the host and an `engine` arena's engine process (e.g. RoboCode's JVM): JSON
// lines over the process's stdio. The engine runs player code in its own process, so every line
// it writes is as hostile as a bot's reply: the host parses each with these schemas (the arena
// parses its own parts: frames and result details) and drops or faults what does not fit.
import { z } from 'zod';
import { FaultKind } from './arena.ts';

/** A codebase the engine builds at start: `id` names it in sim requests, `dir` is its read-only
 *  mount inside the engine's container. */
export interface EnginePlayer {
  id: string;
  dir: string;
}

/** host → engine: play one sim. `players` holds one id per seat (an id may sit twice: self-play). */
export const EngineSimRequest = z.object({
  op: z.literal('sim'),
  sim: z.string(),
  seed: z.number().int(),
  players: z.array(z.string()),
  /** A frame every n turns (0: none). */
  frameEvery: z.number().int().nonnegative(),
  /** The arena's own settings of the sim. */
  args: z.unknown(),
});
export type EngineSimRequest = z.infer<typeof EngineSimRequest>;

const text = z.string().max(64 * 1024);

/** engine → host, once built: which players can play (a failed build says why). */
export const EngineReady = z.object({
  type: z.literal('ready'),
  players: z.array(z.object({ id: z.string(), ok: z.boolean(), robot: z.string().optional(), detail: text })),
  ms: z.number().optional(),
});

export const EngineFrameLine = z.object({ type: z.literal('frame'), sim: z.string(), frame: z.unknown() });

/** A fault of the robot in `seat` (banned, not stopping, out of memory). */
export const EngineFaultLine = z.object({
  type: z.literal('fault'),
  sim: z.string(),
  seat: z.number().int().nonnegative(),
  kind: FaultKind,
  detail: text,
});

/** The sim's end. `restart`: the engine kept state from this sim that could leak into the next
 *  (a robot banned for the rest of the process), so the host starts a fresh one. The rest of the
 *  line is the arena's (scores per seat); the arena turns it into an Outcome. */
export const EngineResultLine = z
  .object({
    type: z.literal('result'),
    sim: z.string(),
    turns: z.number().int().nonnegative(),
    restart: z.boolean().default(false),
  })
  .loose();

/** The sim could not be played (the engine's own trouble, or a request it refused). */
export const EngineErrorLine = z.object({ type: z.literal('error'), sim: z.string().optional(), detail: text });

export const EngineLine = z.discriminatedUnion('type', [
  EngineReady,
  EngineFrameLine,
  EngineFaultLine,
  EngineResultLine,
  EngineErrorLine,
]);
export type EngineLine = z.infer<typeof EngineLine>;
