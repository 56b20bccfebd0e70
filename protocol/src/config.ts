// Tournament configuration as written in YAML (snake_case, as users type it).
import { z } from 'zod';

export const PlayerName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, 'use 1–40 letters, digits, "_", "." or "-", starting with a letter or digit');

export const NoopAgentConfig = z.object({ kind: z.literal('noop') }).strict();

export const SearchAgentConfig = z
  .object({
    kind: z.literal('search'),
    /** Candidate parameter sets tried per round. */
    candidates: z.number().int().min(1).max(50).default(4),
    /** Self-play sims per candidate against the round's starting code. */
    sims_per_candidate: z.number().int().min(2).max(200).default(6),
    /** How far a parameter may move in one mutation, as a fraction of its range. */
    step: z.number().positive().max(1).default(0.25),
  })
  .strict();

export const AgentConfig = z.discriminatedUnion('kind', [NoopAgentConfig, SearchAgentConfig]);
export type AgentConfig = z.infer<typeof AgentConfig>;

export const PlayerConfig = z
  .object({
    name: PlayerName,
    agent: AgentConfig,
    /** Directory to start from instead of the arena's starter (relative to the config file). */
    codebase: z.string().min(1).optional(),
  })
  .strict();
export type PlayerConfig = z.infer<typeof PlayerConfig>;

export const LimitsConfig = z
  .object({
    /** Wall-clock budget of one player's edit phase. */
    edit_seconds: z.number().positive().max(24 * 3600).default(300),
    /** Memory cap per container (MiB), swap included. */
    memory_mb: z.number().int().min(64).max(65536).default(512),
    /** CPU cap per container (cores, fractional allowed). */
    cpus: z.number().positive().max(64).default(1),
    /** Process cap per container (fork bombs stop here). */
    pids: z.number().int().min(16).max(4096).default(128),
    /** Per-turn reply deadline; defaults to the arena's. */
    turn_deadline_ms: z.number().int().min(10).max(60_000).optional(),
  })
  .strict();
export type LimitsConfig = z.infer<typeof LimitsConfig>;

export const TournamentConfig = z
  .object({
    tournament: z
      .object({
        name: z.string().min(1).max(80).optional(),
        rounds: z.number().int().min(1).max(1000).default(3),
        sims_per_round: z.number().int().min(1).max(10_000).default(10),
        sim_concurrency: z.number().int().min(1).max(64).default(2),
        /** Agents may read opponents' code from earlier rounds. */
        transparent: z.boolean().default(false),
        seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
      })
      .strict(),
    arena: z.object({ id: z.string(), args: z.record(z.string(), z.unknown()).default({}) }).strict(),
    players: z
      .array(PlayerConfig)
      .min(2)
      .refine((ps) => new Set(ps.map((p) => p.name)).size === ps.length, 'player names must be unique'),
    limits: LimitsConfig.default(LimitsConfig.parse({})),
  })
  .strict();
export type TournamentConfig = z.infer<typeof TournamentConfig>;
export type TournamentConfigInput = z.input<typeof TournamentConfig>;
