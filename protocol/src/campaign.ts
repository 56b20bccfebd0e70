// A campaign spec as written in YAML (snake_case, as users type it), and the tournament jobs it
// expands to: a matrix of arenas × player groups × repeats, each one ordinary TournamentConfig.
import { z } from 'zod';
import { TournamentId } from './api.ts';
import { LimitsConfig, PlayerConfig, PlayerName, TournamentConfig } from './config.ts';

export const CampaignName = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_-]{0,59}$/,
    'use 1–60 letters, digits, "_" or "-", starting with a letter or digit (it starts every run id)',
  );

/** Everything a tournament config's `tournament` section holds except what the campaign sets per
 *  tournament: its name, its seed (derived) and the campaign it belongs to. */
export const CampaignTournament = TournamentConfig.shape.tournament.omit({ name: true, seed: true, campaign: true });

/** A tournament seed's range, so every derived seed fits a TournamentConfig. */
const Seed = TournamentConfig.shape.tournament.shape.seed.unwrap();

export const CampaignArena = z
  .object({ id: z.string().min(1), args: z.record(z.string(), z.unknown()).default({}) })
  .strict();

/** `round-robin`: every pair of the roster; `all-play-all`: the whole roster in one N-player
 *  tournament; or explicit groups of roster names. */
export const Pairing = z.union([z.enum(['round-robin', 'all-play-all']), z.array(z.array(PlayerName).min(2)).min(1)], {
  error: 'use round-robin, all-play-all, or a list of groups of roster names such as [[a, b], [a, c, d]]',
});
export type Pairing = z.infer<typeof Pairing>;

/** A roster player: a tournament config's player whose starting codebase may differ by arena. */
export const CampaignPlayer = PlayerConfig.extend({
  /** One directory for every arena, or arena id → directory (arenas left out start from the starter). */
  codebase: z
    .union([z.string().min(1), z.record(z.string(), z.string().min(1))], {
      error: 'write a directory, or a mapping of arena id to directory such as { battlesnake: bots/snake }',
    })
    .optional(),
});
export type CampaignPlayer = z.infer<typeof CampaignPlayer>;

export const CampaignSpec = z
  .object({
    campaign: z
      .object({
        name: CampaignName,
        /** Tournaments per (arena, group), each with its own derived seed. */
        repeats: z.number().int().min(1).max(1000).default(1),
        /** Every tournament seed derives from it and the tournament's place in the matrix. */
        seed: Seed,
      })
      .strict(),
    tournament: CampaignTournament.default(CampaignTournament.parse({})),
    arenas: z.array(CampaignArena).min(1),
    pairing: Pairing.default('round-robin'),
    roster: z
      .array(CampaignPlayer)
      .min(2)
      .refine((ps) => new Set(ps.map((p) => p.name)).size === ps.length, 'player names must be unique'),
    limits: LimitsConfig.default(LimitsConfig.parse({})),
  })
  .strict();
export type CampaignSpec = z.infer<typeof CampaignSpec>;
export type CampaignSpecInput = z.input<typeof CampaignSpec>;

/** One tournament of a campaign, ready to run. */
export const CampaignJob = z.object({
  /** 0-based place in the matrix (arenas × groups × repeats, in that order). */
  index: z.number().int().min(0),
  arena: z.string(),
  /** The group's player names, in roster order for generated pairings, as written for explicit ones. */
  players: z.array(PlayerName).min(2),
  /** 0-based. */
  repeat: z.number().int().min(0),
  seed: Seed,
  /** Deterministic, unique within the campaign, and the run folder's name. */
  runId: TournamentId,
  config: TournamentConfig,
});
export type CampaignJob = z.infer<typeof CampaignJob>;

/** runs/campaigns/<name>/campaign.json: the campaign as first run or submitted — its spec's
 *  fingerprint (another spec under the same name is refused) and its matrix. */
export const CampaignRecord = z.object({
  name: z.string(),
  /** sha256 of the resolved spec (JSON). */
  specHash: z.string(),
  createdAt: z.number(),
  jobs: z.array(CampaignJob.pick({ index: true, runId: true, arena: true, players: true, repeat: true })),
});
export type CampaignRecord = z.infer<typeof CampaignRecord>;
