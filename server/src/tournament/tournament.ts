// The round loop. Round 0 plays the starting codebases as a baseline; rounds 1..R are edit →
// validate → compete. The loop is named steps over injected services (tournament-services.ts):
// prepare and open the run, init the repos, then per round editRound, competeRound and the
// standings; at the end the run's containers are removed. Every step is an event on the bus
// (the JSONL log, the index and the CLI listen).
import type { EventOf, TournamentStatus } from '@codearena/protocol';
import type { EventBus, Listener } from '../bus/event-bus.ts';
import type { RuntimeMode } from '../compete/runtime.ts';
import { isInfraError } from '../sandbox/infra-error.ts';
import type { StoreIndex } from '../store/index-db.ts';
import { competeRound, editRound } from './round-steps.ts';
import { type RoundSummary, Standings } from './standings.ts';
import { type TournamentRun, openRun, prepareRun } from './tournament-run.ts';
import { type TournamentServices, tournamentServices } from './tournament-services.ts';

export type { RoundSummary } from './standings.ts';

export interface TournamentOptions {
  config: TournamentRun['config'];
  /** The config file's text, kept with the run so it can be reproduced. */
  rawConfig: string;
  runsDir: string;
  store?: StoreIndex;
  mode?: RuntimeMode;
  signal?: AbortSignal;
  listeners?: Listener[];
  /** Emit match.frame every n turns (0 = none). */
  frameEvery?: number;
  runId?: string;
}

/** What runTournament returns (the index's TournamentSummary is the stored view of the same run). */
export interface TournamentOutcome {
  id: string;
  runDir: string;
  status: Exclude<TournamentStatus, 'running'>;
  /** Why it was aborted: a stop request, or infrastructure that stayed down (the round in
   *  progress is then not scored; `infraProblem` names what failed). */
  abortReason?: EventOf<'tournament.finished'>['reason'];
  infraProblem?: string;
  winner: string | null;
  roundWins: Record<string, number>;
  ratings: Record<string, number>;
  rounds: RoundSummary[];
}

export async function runTournament(
  o: TournamentOptions,
  services: TournamentServices = tournamentServices,
): Promise<TournamentOutcome> {
  const run = await prepareRun(o, services);
  const { layout, signal, config } = run;
  const { bus, closeLog } = openRun(run, o, services.now);
  const standings = new Standings(run.names);
  let status: 'finished' | 'aborted' = 'finished';
  let infraProblem: string | undefined;

  try {
    await Promise.all(
      run.players.map((p) => services.initRepo(layout.repo(p.name), p.from, run.quota, run.gitFor(p.name))),
    );
    bus.emit({
      type: 'tournament.started',
      name: run.name,
      arena: run.arena.manifest.id,
      rounds: config.tournament.rounds,
      simsPerRound: config.tournament.sims_per_round,
      seed: run.seed,
      runDir: layout.runDir,
      players: run.players.map((p) => ({ name: p.name, agent: p.agent.id, model: p.agent.model })),
    });

    for (let r = 0; r <= config.tournament.rounds; r++) {
      if (signal.aborted) throw new Aborted();
      bus.emit({ type: 'round.started', round: r });
      const edits = r > 0 ? await editRound(run, bus, r, services) : {};
      if (signal.aborted) throw new Aborted();
      const result = await competeRound(run, bus, r, o.frameEvery ?? 1, services);
      if (signal.aborted) throw new Aborted();
      layout.writeRoundResults({ round: r, ...result });
      standings.record(bus, r, result, edits);
    }
  } catch (e) {
    if (!isInfraError(e) && !(e instanceof Aborted) && !signal.aborted) {
      reportBug(bus, e);
      closeLog();
      throw e;
    }
    if (isInfraError(e)) infraProblem = reportInfraFailure(bus, e, standings.rounds.length);
    status = 'aborted';
  } finally {
    if (run.mode === 'docker') await services.removeContainers(run.id).catch(() => 0);
  }
  const winner = status === 'finished' ? standings.winner() : null;
  const abortReason = status === 'aborted' ? (infraProblem ? 'infrastructure' : 'interrupted') : undefined;
  const { roundWins, ratings, rounds } = standings;
  bus.emit({
    type: 'tournament.finished',
    status,
    winner,
    roundWins,
    ratings,
    ...(abortReason ? { reason: abortReason } : {}),
  });
  closeLog();
  return {
    id: run.id,
    runDir: layout.runDir,
    status,
    winner,
    roundWins,
    ratings,
    rounds,
    ...(abortReason ? { abortReason } : {}),
    ...(infraProblem ? { infraProblem } : {}),
  };
}

class Aborted extends Error {}

/** Infrastructure is not anyone's fault and not a result: the round in progress is dropped
 *  unscored, and the log ends as aborted so the tournament can be resumed once the machine is
 *  fixed. Returns the problem. */
function reportInfraFailure(bus: EventBus, e: Error, round: number): string {
  bus.emit({
    type: 'fault',
    scope: 'system',
    round,
    player: null,
    fault: { kind: 'crash', detail: `infrastructure: ${e.message}; round ${round} aborted, not scored` },
  });
  return e.message;
}

/** A bug of ours: logged as a system fault, then rethrown. */
function reportBug(bus: EventBus, e: unknown): void {
  bus.emit({
    type: 'fault',
    scope: 'system',
    round: null,
    player: null,
    fault: { kind: 'crash', detail: (e as Error).stack ?? String(e) },
  });
}
