// The round loop. Round 0 plays the starting codebases as a baseline; rounds 1..R are edit →
// validate → compete. The loop is named steps over injected services (tournament-services.ts):
// prepare and open the run, init the repos, then per round editRound, competeRound and the
// standings; at the end the run's containers are removed. Every step is an event on the bus
// (the JSONL log, the index and the CLI listen).
import { type EventOf, type RungDecision, type TournamentStatus, maxSimsPerRound } from '@codearena/protocol';
import type { EventBus, Listener } from '../bus/event-bus.ts';
import { isInfraError } from '../sandbox/infra-error.ts';
import type { IndexSink } from '../store/index-interfaces.ts';
import { type ResumeState, readResumeState } from './resume-state.ts';
import { competeRound, editRound } from './round-steps.ts';
import { type RoundSummary, Standings } from './standings.ts';
import { type RunSetup, type TournamentRun, openRun, prepareRun } from './tournament-run.ts';
import { type TournamentServices, tournamentServices } from './tournament-services.ts';

export type { RoundSummary } from './standings.ts';

/** The run's setup (config, runs dir, id, mode, signal, replay source) and how it is watched. */
export interface TournamentOptions extends RunSetup {
  /** The config file's text, kept with the run so it can be reproduced. */
  rawConfig: string;
  store?: IndexSink;
  listeners?: Listener[];
  /** Emit match.frame every n turns (0 = none). */
  frameEvery?: number;
  /** Continue the run in runsDir/runId from its run folder (`codearena run --resume`). */
  resume?: boolean;
  /** Asked after each scored round but the last: a reason ends the tournament there, `finished`
   *  (not aborted: nothing is left to resume) with that reason (`ladder climb`: the rung is decided). */
  stopAfter?: (round: number, standings: Pick<Standings, 'roundWins' | 'rounds'>) => RungDecision | null;
}

/** What runTournament returns (the index's TournamentSummary is the stored view of the same run). */
export interface TournamentOutcome {
  id: string;
  runDir: string;
  status: Exclude<TournamentStatus, 'running'>;
  /** Why it was aborted: a stop request, or infrastructure that stayed down (the round in
   *  progress is then not scored; `infraProblem` names what failed). */
  abortReason?: EventOf<'tournament.finished'>['reason'];
  /** Finished before its configured rounds: why (stopAfter's answer). */
  stopped?: RungDecision;
  infraProblem?: string;
  /** Another process took the run over (this one stalled past its lease): it runs it now. */
  leaseLost?: string;
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
  const { layout, config } = run;
  // One process runs a tournament: the lease is taken before anything is written (and a live
  // holder refuses a second `--resume`); it is renewed while the run works, released at the end.
  const lease = services.acquireLease(layout);
  run.signal = AbortSignal.any([run.signal, lease.lost]);
  let resume: ResumeState | null = null;
  try {
    if (o.resume) {
      resume = readResumeState(layout, run.names, run.id);
      // What the dead process left: its containers (they would hold repos or play on), and
      // half-written files of atomic writes.
      if (run.mode === 'docker') await services.removeContainers(run.id);
      layout.removeTornWrites();
    }
  } catch (e) {
    lease.release();
    throw e;
  }
  const { bus, closeLog } = openRun(run, o, services.now, resume?.nextSeq);
  const signal = run.signal;
  const standings = resume ? Standings.restore(run.names, resume) : new Standings(run.names);
  let status: 'finished' | 'aborted' = 'finished';
  let infraProblem: string | undefined;
  let stopped: RungDecision | null = null;

  try {
    if (resume?.started) await continueRun(run, bus, resume, services);
    else {
      await Promise.all(
        run.players.map((p) => services.initRepo(layout.repo(p.name), p.from, run.quota, run.gitFor(p.name))),
      );
      bus.emit({
        type: 'tournament.started',
        name: run.name,
        arena: run.arena.manifest.id,
        rounds: config.tournament.rounds,
        simsPerRound: maxSimsPerRound(config.tournament.sims_per_round),
        ...(typeof config.tournament.sims_per_round === 'object'
          ? { sequential: config.tournament.sims_per_round }
          : {}),
        seed: run.seed,
        runDir: layout.runDir,
        players: run.players.map((p) => ({ name: p.name, agent: p.agent.id, model: p.agent.model })),
        ...(o.replay ? { replayOf: o.replay.of } : {}),
        ...(config.tournament.campaign ? { campaign: config.tournament.campaign } : {}),
        ...(config.tournament.ladder ? { ladder: config.tournament.ladder } : {}),
      });
    }

    for (let r = resume?.started ? resume.round : 0; r <= config.tournament.rounds; r++) {
      // The round an interrupted run was in goes on from where it stopped.
      const cont = resume?.started && r === resume.round ? resume : null;
      if (signal.aborted) throw new Aborted();
      if (!cont?.roundStarted) bus.emit({ type: 'round.started', round: r });
      const edits = r > 0 ? await editRound(run, bus, r, services, cont?.edits) : {};
      if (signal.aborted) throw new Aborted();
      const result = await competeRound(run, bus, r, o.frameEvery ?? 1, services, cont?.sims);
      if (signal.aborted) throw new Aborted();
      layout.writeRoundResults({ round: r, ...result });
      standings.record(bus, r, result, edits);
      if (r > 0 && r < config.tournament.rounds) stopped = o.stopAfter?.(r, standings) ?? null;
      if (stopped) break;
    }
  } catch (e) {
    if (!isInfraError(e) && !(e instanceof Aborted) && !signal.aborted) {
      reportBug(bus, e);
      closeLog();
      lease.release();
      throw e;
    }
    if (isInfraError(e)) infraProblem = reportInfraFailure(bus, e, standings.rounds.length);
    status = 'aborted';
  } finally {
    // A lost lease means another process runs the tournament now: its containers carry the same
    // run id, so nothing is removed and nothing more is logged.
    if (run.mode === 'docker' && !lease.lost.aborted) await services.removeContainers(run.id).catch(() => 0);
  }
  const winner = status === 'finished' ? standings.winner() : null;
  const abortReason = status === 'aborted' ? (infraProblem ? 'infrastructure' : 'interrupted') : undefined;
  const { roundWins, ratings, rounds } = standings;
  if (!lease.lost.aborted)
    bus.emit({
      type: 'tournament.finished',
      status,
      winner,
      roundWins,
      ratings,
      ...(abortReason ? { reason: abortReason } : {}),
      ...(stopped ? { stopped } : {}),
    });
  closeLog();
  lease.release();
  return {
    id: run.id,
    runDir: layout.runDir,
    status,
    winner,
    roundWins,
    ratings,
    rounds,
    ...(abortReason ? { abortReason } : {}),
    ...(stopped ? { stopped } : {}),
    ...(infraProblem ? { infraProblem } : {}),
    ...(lease.lost.aborted
      ? { leaseLost: String((lease.lost.reason as Error | undefined)?.message ?? 'lease lost') }
      : {}),
  };
}

/** Before a resumed run goes on: every repo is put back at the tag its log vouches for (the
 *  round's tag where the player's edit finished, the previous round's where it is redone), and
 *  the resume is announced. */
async function continueRun(
  run: TournamentRun,
  bus: EventBus,
  resume: ResumeState,
  services: Pick<TournamentServices, 'resetRepo'>,
): Promise<void> {
  const r = resume.round;
  const redo = r > 0 ? run.names.filter((n) => !(n in resume.edits)) : [];
  await Promise.all(
    run.names.map((n) =>
      services.resetRepo(run.layout.repo(n), redo.includes(n) || r === 0 ? Math.max(0, r - 1) : r, run.gitFor(n)),
    ),
  );
  bus.emit({
    type: 'tournament.resumed',
    attempt: resume.attempt,
    round: r,
    edits: redo,
    keptSims: [...resume.sims.keys()].sort((a, b) => a - b),
  });
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
