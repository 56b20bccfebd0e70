// Ladders (README "Ladders"): a set of codebases (rungs) ranked by a round-robin, and players
// sent up those rungs. The spec is what users write (ladder.yaml); the rest are the files of a
// ladder's folder (runs/ladders/<name>/), its only source of truth: a pair's file exists once
// the pair has played, so a killed `ladder make` resumes by playing the pairs without one.
import { z } from 'zod';
import { PlayerName, TournamentConfig } from './config.ts';

export const LadderName = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_-]{0,59}$/,
    'use 1–60 letters, digits, "_" or "-", starting with a letter or digit (it names the ladder’s folder)',
  );

const Seed = TournamentConfig.shape.tournament.shape.seed.unwrap();

export const LadderRung = z
  .object({
    /** Names a file of every pair it plays in, hence a player name's characters. */
    name: PlayerName,
    /** A directory, relative to the ladder.yaml. */
    codebase: z.string().min(1, 'write the directory of this rung’s codebase, relative to the ladder.yaml'),
  })
  .strict();
export type LadderRung = z.infer<typeof LadderRung>;

/** ladder.yaml as written. */
export const LadderSpec = z
  .object({
    name: LadderName,
    arena: z.string().min(1, 'write an arena id (see `codearena arenas`)'),
    /** Sims each pair of rungs plays. */
    sims: z.number().int().min(1).max(10_000).default(10),
    /** Pair a–b's sims are seeded from (seed, a, b): same seed and code ⇒ same ladder. */
    seed: Seed.default(0),
    rungs: z.array(LadderRung).min(2, 'a ladder needs at least 2 rungs to rank'),
  })
  .strict();
export type LadderSpec = z.infer<typeof LadderSpec>;

/** A codebase's content hash (sha256 hex of its files, links as links; server/src/ladder/codebase-hash.ts). */
const CodebaseHash = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 hex digest');

/** ladder.json in the folder: the spec with every codebase an absolute path and the content hash
 *  it had when `ladder make` last ran (the key its pairs' results stand under). */
export const LadderFile = LadderSpec.extend({
  rungs: z.array(LadderRung.extend({ hash: CodebaseHash })).min(2),
});
export type LadderFile = z.infer<typeof LadderFile>;

/** pairs/<a>~<b>.json: one pair's played sims, a and b in rung order. */
export const LadderPair = z.object({
  a: PlayerName,
  b: PlayerName,
  /** The directories it was played from (for the reader; not part of the key). */
  codebases: z.tuple([z.string(), z.string()]),
  /** What the pair was played under: a pair whose codebase hashes, sims or seed differ from the
   *  ladder's is stale and played again (editing a rung's code replays its pairs). */
  hashes: z.tuple([CodebaseHash, CodebaseHash]),
  sims: z.number().int().min(1),
  seed: z.number().int(),
  /** Each sim's winner (a rung name), null for a tie, in sim order. */
  winners: z.array(PlayerName.nullable()),
  faults: z.record(z.string(), z.number().int().min(0)),
  ms: z.number().min(0),
});
export type LadderPair = z.infer<typeof LadderPair>;

/** A rung as ranked: Bradley–Terry rating on the Elo scale with its bootstrap interval. */
export const LadderStanding = z.object({
  name: PlayerName,
  rating: z.number(),
  lo: z.number(),
  hi: z.number(),
  wins: z.number().int(),
  draws: z.number().int(),
  losses: z.number().int(),
});
export type LadderStanding = z.infer<typeof LadderStanding>;

/** Why a climb's rung tournament ended before its last round: the climber won the rounds that
 *  hold the rung, or can no longer win them. The tournament is then `finished` (not aborted, not
 *  resumable) with this reason on its tournament.finished event. */
export const RungDecision = z.enum(['clinched', 'out_of_reach']);
export type RungDecision = z.infer<typeof RungDecision>;

/** One rung of a climb: the small tournament the climber played against that rung. */
export const ClimbStep = z.object({
  rung: PlayerName,
  /** The tournament's run id (its run folder is under the runs dir). */
  runId: z.string(),
  roundsWon: z.number().int().min(0),
  roundsPlayed: z.number().int().min(0),
  /** Won the rung (enough rounds); false: the climb ends here. */
  held: z.boolean(),
  /** Why the rung's tournament ended before its last round (clinched, or out of reach). */
  stoppedEarly: RungDecision.nullable(),
});
export type ClimbStep = z.infer<typeof ClimbStep>;

/** climbs/<id>.json: a player sent up the ladder's rungs, bottom first. Written after every rung
 *  (a killed climb shows how far it got). */
export const LadderClimb = z.object({
  id: z.string(),
  ladder: LadderName,
  /** The climber's player name and agent label (e.g. "llm:gpt-5-mini", "noop"). */
  player: PlayerName,
  agent: z.string(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  /** Rungs in climbing order (the ladder's standings, weakest first, as when the climb began). */
  rungs: z.array(PlayerName),
  /** Options: rounds per rung, round wins needed to hold a rung. */
  rounds: z.number().int().min(1),
  wins: z.number().int().min(1),
  steps: z.array(ClimbStep),
  /** The highest rung held (null: none), its 1-based height among `rungs`. */
  highest: PlayerName.nullable(),
  height: z.number().int().min(0),
});
export type LadderClimb = z.infer<typeof LadderClimb>;
