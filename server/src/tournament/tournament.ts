// The round loop. Round 0 plays the starting codebases as a baseline; rounds 1..R are edit →
// validate → compete. It knows nothing of Docker or HTTP beyond the phases it calls, and
// every step is an event on the bus (the JSONL log, the index and the CLI listen).
import { readFileSync } from 'node:fs';
import type { EventOf, RoundRow, TournamentConfig, TournamentStatus } from '@codearena/protocol';
import { EventBus, type Listener } from '../bus/event-bus.ts';
import { getArena } from '../arenas.ts';
import type { RuntimeMode } from '../compete/runtime.ts';
import { createAgent } from '../edit/agents.ts';
import { editPhase } from '../edit/edit-phase.ts';
import { type GitOptions, exportTag, initRepo } from '../edit/git.ts';
import { repoQuotaFrom } from '../edit/repo-quota.ts';
import { eloUpdate, pairwiseFromRanks } from '../rating/index.ts';
import { removeContainers } from '../sandbox/cleanup.ts';
import { isInfraError } from '../sandbox/infra-error.ts';
import { sandboxLimitsFrom } from '../sandbox/limits.ts';
import { hostLimitIssues } from '../sandbox/host-limits.ts';
import { ConfigError } from '../config/config-error.ts';
import { RunFolder, newRunId } from '../store/run-folder.ts';
import type { StoreIndex } from '../store/index-db.ts';
import { competePhase } from './compete-phase.ts';
import { tournamentWinner } from './round-result.ts';

export interface TournamentOptions {
  config: TournamentConfig;
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

/** A round as the CLI's rounds table shows it: the index's row without ratings, with edit exits. */
export type RoundSummary = Omit<RoundRow, 'ratings'> & { edits: Record<string, string> };

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

export async function runTournament(o: TournamentOptions): Promise<TournamentOutcome> {
  const { config } = o;
  const entry = getArena(config.arena.id);
  const { arena } = entry;
  const args = arena.parseArgs(config.arena.args);
  const name = config.tournament.name ?? `${arena.manifest.id}-${config.players.map((p) => p.name).join('-')}`;
  const id = o.runId ?? newRunId(name);
  const layout = new RunFolder(`${o.runsDir}/${id}`);
  const signal = o.signal ?? new AbortController().signal;
  const mode = o.mode ?? 'docker';
  const limits = sandboxLimitsFrom(config.limits);
  const quota = repoQuotaFrom(config.limits);
  const gitFor = (player: string): GitOptions => ({ runId: id, player, limits });
  const deadlineMs = config.limits.turn_deadline_ms ?? arena.manifest.turnDeadlineMs;
  const seed = config.tournament.seed;
  const brief = readFileSync(entry.brief, 'utf8');
  // Limits the machine cannot grant would make every container fail to start: refuse them
  // before anything is written, naming the field.
  if (mode === 'docker') {
    const issues = await hostLimitIssues(config.limits);
    if (issues.length) throw new ConfigError('config', issues);
  }

  layout.writeConfig(config, o.rawConfig);
  const log = layout.openLog();
  const bus = new EventBus(id);
  bus.subscribe((e) => log.append(e));
  if (o.store) {
    const store = o.store;
    bus.subscribe((e) => store.ingest(e));
  }
  for (const l of o.listeners ?? []) bus.subscribe(l);

  const players = config.players.map((p) => ({
    name: p.name,
    agent: createAgent(p.agent),
    from: p.codebase ?? entry.starter,
  }));
  const names = players.map((p) => p.name);
  const roundWins = Object.fromEntries(names.map((n) => [n, 0]));
  let ratings = Object.fromEntries(names.map((n) => [n, 1200]));
  const rounds: RoundSummary[] = [];
  let status: 'finished' | 'aborted' = 'finished';
  let infraProblem: string | undefined;

  try {
    await Promise.all(players.map((p) => initRepo(layout.repo(p.name), p.from, quota, gitFor(p.name))));
    bus.emit({
      type: 'tournament.started',
      name,
      arena: arena.manifest.id,
      rounds: config.tournament.rounds,
      simsPerRound: config.tournament.sims_per_round,
      seed,
      runDir: layout.runDir,
      players: players.map((p) => ({ name: p.name, agent: p.agent.id, model: p.agent.model })),
    });

    for (let r = 0; r <= config.tournament.rounds; r++) {
      if (signal.aborted) throw new Aborted();
      bus.emit({ type: 'round.started', round: r });
      const edits: Record<string, string> = {};
      if (r > 0) {
        const opponents = config.tournament.transparent
          ? await snapshotOpponents(names, r - 1, layout, gitFor)
          : new Map<string, { name: string; dir: string }[]>();
        await Promise.all(
          players.map(async (p) => {
            const res = await editPhase({
              round: r,
              rounds: config.tournament.rounds,
              player: p.name,
              agent: p.agent,
              arena,
              arenaArgs: args,
              brief,
              seed,
              editSeconds: config.limits.edit_seconds,
              opponents: opponents.get(p.name) ?? [],
              seats: names.length,
              mode,
              limits,
              quota,
              deadlineMs,
              bus,
              layout,
              signal,
            });
            edits[p.name] = res.exit;
          }),
        );
      }
      if (signal.aborted) throw new Aborted();
      const result = await competePhase({
        round: r,
        arena,
        args,
        players: names.map((n) => ({ name: n, codeDir: layout.repo(n) })),
        sims: config.tournament.sims_per_round,
        concurrency: config.tournament.sim_concurrency,
        seed,
        deadlineMs,
        mode,
        limits,
        bus,
        layout,
        signal,
        frameEvery: o.frameEvery ?? 1,
      });
      if (signal.aborted) throw new Aborted();
      layout.writeRoundResults({ round: r, ...result });
      bus.emit({
        type: 'round.finished',
        round: r,
        simWins: result.simWins,
        ties: result.ties,
        sims: result.sims,
        winner: result.winner,
        forfeited: result.forfeited,
      });
      rounds.push({
        round: r,
        winner: result.winner,
        simWins: result.simWins,
        ties: result.ties,
        sims: result.sims,
        forfeited: result.forfeited,
        edits,
      });
      // Round 0 compares the starting codebases: a baseline, not part of the contest.
      if (r > 0) {
        if (result.winner) roundWins[result.winner]!++;
        ratings = eloUpdate(ratings, pairwiseFromRanks(result.ranks));
        bus.emit({ type: 'rating.updated', round: r, ratings });
      }
    }
  } catch (e) {
    if (isInfraError(e)) {
      // Not anyone's fault and not a result: the round in progress is dropped unscored, and the
      // log ends as aborted so the tournament can be resumed from it once the machine is fixed.
      infraProblem = e.message;
      const round = rounds.length;
      bus.emit({
        type: 'fault',
        scope: 'system',
        round,
        player: null,
        fault: { kind: 'crash', detail: `infrastructure: ${e.message}; round ${round} aborted, not scored` },
      });
    } else if (!(e instanceof Aborted) && !signal.aborted) {
      bus.emit({
        type: 'fault',
        scope: 'system',
        round: null,
        player: null,
        fault: { kind: 'crash', detail: (e as Error).stack ?? String(e) },
      });
      log.close();
      throw e;
    }
    status = 'aborted';
  } finally {
    if (mode === 'docker') await removeContainers(id).catch(() => 0);
  }
  const winner = status === 'finished' ? tournamentWinner(roundWins) : null;
  const abortReason = status === 'aborted' ? (infraProblem ? 'infrastructure' : 'interrupted') : undefined;
  bus.emit({
    type: 'tournament.finished',
    status,
    winner,
    roundWins,
    ratings,
    ...(abortReason ? { reason: abortReason } : {}),
  });
  log.close();
  return {
    id,
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

/** Transparent tournaments: each player may read the others' code as of the previous round. */
async function snapshotOpponents(
  names: string[],
  round: number,
  layout: RunFolder,
  gitFor: (player: string) => GitOptions,
) {
  await Promise.all(
    names.map((n) => exportTag(layout.repo(n), `round-${round}`, layout.snapshot(round, n), gitFor(n))),
  );
  return new Map(
    names.map((n) => [n, names.filter((m) => m !== n).map((m) => ({ name: m, dir: layout.snapshot(round, m) }))]),
  );
}
