// `ladder climb`: a player sent up a made ladder's rungs, weakest first. At each rung a small
// tournament (the climber's agent on its current codebase vs the rung's codebase as a noop
// player); the climber holds the rung with `wins` round wins, and that tournament stops after
// the round that clinches the rung or puts it out of reach (CodeClash-like). The climber's code
// at the end of a held rung (its last round's tag, exported in a repo box) is where the next
// rung starts. climbs/<id>.json is rewritten after every rung.
import {
  type LadderClimb,
  type LadderFile,
  type LadderRung,
  LimitsConfig,
  type PlayerConfig,
  TournamentConfig,
  deriveSeed,
} from '@codearena/protocol';
import type { Listener } from '../bus/event-bus.ts';
import type { RuntimeMode } from '../compete/runtime.ts';
import { createAgent } from '../edit/agents.ts';
import { exportTag } from '../edit/git.ts';
import { sandboxLimitsFrom } from '../sandbox/limits.ts';
import type { IndexSink } from '../store/index-interfaces.ts';
import { RunFolder, newRunId } from '../store/run-folder.ts';
import { type TournamentOutcome, runTournament } from '../tournament/tournament.ts';
import type { LadderFolder } from './ladder-folder.ts';
import { rungPairs } from './make.ts';
import { currentPairs, ladderStandings } from './standings.ts';

/** The ladder's rungs in climbing order (weakest first), or why it cannot be climbed yet. */
export function climbOrder(folder: LadderFolder): { ladder: LadderFile; order: LadderRung[] } | { problem: string } {
  const ladder = folder.readLadder();
  if (!ladder) return { problem: `${folder.dir} holds no ladder; run \`codearena ladder make\` first` };
  const pairs = currentPairs(ladder, folder.pairs());
  const total = rungPairs(ladder).length;
  if (pairs.length < total)
    return {
      problem: `ladder ${ladder.name} has ${pairs.length} of its ${total} pairs played; run \`codearena ladder make\` first (it resumes)`,
    };
  const byName = new Map(ladder.rungs.map((r) => [r.name, r]));
  const order = ladderStandings(ladder, pairs)
    .reverse()
    .map((s) => byName.get(s.name)!);
  return { ladder, order };
}

export interface ClimbOptions {
  folder: LadderFolder;
  ladder: LadderFile;
  /** Rungs weakest first (climbOrder). */
  order: LadderRung[];
  /** The climber; its codebase absolute, or absent for the arena's starter. */
  player: PlayerConfig;
  /** Edit+compete rounds per rung (round 0, the baseline, does not count). */
  rounds: number;
  /** Round wins that hold a rung. */
  wins: number;
  /** Sims per round (default: the ladder's sims per pair). */
  sims?: number;
  simConcurrency?: number;
  runsDir: string;
  store?: IndexSink;
  signal?: AbortSignal;
  mode?: RuntimeMode;
  /** Every rung tournament's events. */
  listeners?: Listener[];
  /** After each rung, once climbs/<id>.json holds it. */
  onStep?: (climb: LadderClimb, outcome: TournamentOutcome) => void;
  now?: () => number;
}

export interface ClimbResult {
  climb: LadderClimb;
  /** Stopped by the signal or by infrastructure: the rung in play is not recorded. */
  aborted: boolean;
  infraProblem?: string;
}

/** Once a rung is decided: clinched, out of reach, or still open (null). */
export function rungDecided(
  won: number,
  played: number,
  o: { rounds: number; wins: number },
): 'clinched' | 'out_of_reach' | null {
  if (won >= o.wins) return 'clinched';
  return won + (o.rounds - played) < o.wins ? 'out_of_reach' : null;
}

export const agentLabel = (agent: PlayerConfig['agent']): string => {
  const a = createAgent(agent, { offline: true });
  return a.model ? `${a.id}:${a.model}` : a.id;
};

export async function climbLadder(o: ClimbOptions): Promise<ClimbResult> {
  const now = o.now ?? Date.now;
  const { ladder, player } = o;
  const climb: LadderClimb = {
    id: newRunId(`${ladder.name}-${player.name}`),
    ladder: ladder.name,
    player: player.name,
    agent: agentLabel(player.agent),
    startedAt: now(),
    finishedAt: null,
    rungs: o.order.map((r) => r.name),
    rounds: o.rounds,
    wins: o.wins,
    steps: [],
    highest: null,
    height: 0,
  };
  o.folder.writeClimb(climb);
  let codebase = player.codebase;
  for (const [k, rung] of o.order.entries()) {
    const played = await playRung(o, rung, codebase);
    if ('aborted' in played) {
      o.folder.writeClimb(climb);
      return { climb, aborted: true, ...(played.infraProblem ? { infraProblem: played.infraProblem } : {}) };
    }
    const { step, outcome } = played;
    climb.steps.push(step);
    if (step.held) {
      climb.highest = rung.name;
      climb.height = k + 1;
    }
    const last = !step.held || k === o.order.length - 1;
    if (last) climb.finishedAt = now();
    else {
      // The code the climber ended the rung with, exactly as its repo holds it (never a host copy
      // of an agent-written tree): the next rung's starting codebase.
      codebase = o.folder.climbCodebase(climb.id, rung.name);
      const lastRound = Math.max(...outcome.rounds.map((r) => r.round));
      await exportTag(new RunFolder(outcome.runDir).repo(player.name), `round-${lastRound}`, codebase, {
        runId: outcome.id,
        player: player.name,
        limits: sandboxLimitsFrom(LimitsConfig.parse({})),
      });
    }
    o.folder.writeClimb(climb);
    o.onStep?.(climb, outcome);
    if (last) break;
  }
  return { climb, aborted: false };
}

type Played =
  { step: LadderClimb['steps'][number]; outcome: TournamentOutcome } | { aborted: true; infraProblem?: string };

/** The tournament config of one rung: the climber on `codebase` (absent: the arena's starter) vs
 *  the rung's codebase as a noop player, seeded from the ladder's seed and the rung. */
export function rungConfig(
  o: Pick<ClimbOptions, 'ladder' | 'player' | 'rounds' | 'sims' | 'simConcurrency'>,
  rung: LadderRung,
  codebase: string | undefined,
): TournamentConfig {
  const { ladder, player } = o;
  return TournamentConfig.parse({
    tournament: {
      name: `climb ${ladder.name}: ${player.name} vs ${rung.name}`.slice(0, 80),
      ladder: ladder.name,
      rounds: o.rounds,
      sims_per_round: o.sims ?? ladder.sims,
      ...(o.simConcurrency ? { sim_concurrency: o.simConcurrency } : {}),
      seed: deriveSeed('climb', ladder.seed, rung.name),
    },
    arena: { id: ladder.arena },
    players: [
      { ...player, ...(codebase ? { codebase } : {}) },
      { name: rung.name, agent: { kind: 'noop' }, codebase: rung.codebase },
    ],
  });
}

/** One rung's tournament, ended after the round that decides it: `finished` with the decision as
 *  its stop reason (not aborted: `run --resume` has nothing to continue). */
async function playRung(o: ClimbOptions, rung: LadderRung, codebase: string | undefined): Promise<Played> {
  const { player } = o;
  const config = rungConfig(o, rung, codebase);
  const outcome = await runTournament({
    config,
    rawConfig: `${JSON.stringify(config, null, 2)}\n`,
    runsDir: o.runsDir,
    ...(o.store ? { store: o.store } : {}),
    ...(o.mode ? { mode: o.mode } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.listeners ? { listeners: o.listeners } : {}),
    stopAfter: (round, s) => rungDecided(s.roundWins[player.name] ?? 0, round, o),
  });
  if (outcome.status === 'aborted')
    return { aborted: true, ...(outcome.infraProblem ? { infraProblem: outcome.infraProblem } : {}) };
  if (outcome.leaseLost) return { aborted: true, infraProblem: outcome.leaseLost };
  const roundsPlayed = outcome.rounds.filter((r) => r.round > 0).length;
  const roundsWon = outcome.roundWins[player.name] ?? 0;
  return {
    outcome,
    step: {
      rung: rung.name,
      runId: outcome.id,
      roundsWon,
      roundsPlayed,
      held: roundsWon >= o.wins,
      stoppedEarly: outcome.stopped ?? null,
    },
  };
}
