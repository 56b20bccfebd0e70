// A tournament's fixed facts, derived once from its config (arena, limits, players, seed), and
// the run it writes to: the run folder, the event log and the bus every step reports on.
import { readFileSync } from 'node:fs';
import type { Agent, Arena, EditExit, ModelAnswer, TournamentConfig } from '@codearena/protocol';
import { EventBus, type Listener } from '../bus/event-bus.ts';
import { getArena } from '../arenas.ts';
import type { RuntimeMode } from '../compete/runtime.ts';
import { ConfigError } from '../config/config-error.ts';
import type { GitOptions } from '../edit/git.ts';
import { type RepoQuota, repoQuotaFrom } from '../edit/repo-quota.ts';
import { type SandboxLimits, sandboxLimitsFrom } from '../sandbox/limits.ts';
import type { IndexSink } from '../store/index-interfaces.ts';
import { RunFolder, newRunId } from '../store/run-folder.ts';
import type { TournamentServices } from './tournament-services.ts';

export interface TournamentRun {
  id: string;
  name: string;
  config: TournamentConfig;
  arena: Arena;
  args: unknown;
  brief: string;
  mode: RuntimeMode;
  limits: SandboxLimits;
  quota: RepoQuota;
  deadlineMs: number;
  seed: number;
  signal: AbortSignal;
  players: { name: string; agent: Agent; from: string }[];
  names: string[];
  layout: RunFolder;
  gitFor(player: string): GitOptions;
  /** `codearena replay`: the recorded answers and exit of a player's round in the original run. */
  replay?: ReplaySource;
}

export type ReplaySource = (player: string, round: number) => { answers: ModelAnswer[]; exit: EditExit } | undefined;

export interface RunSetup {
  config: TournamentConfig;
  runsDir: string;
  runId?: string;
  mode?: RuntimeMode;
  signal?: AbortSignal;
  /** `codearena replay`: the recorded run this one re-runs, and its answers per player and round. */
  replay?: { of: string; source: ReplaySource };
}

/** Derives the run from its config; refuses limits the machine cannot grant before anything is written. */
export async function prepareRun(
  o: RunSetup,
  services: Pick<TournamentServices, 'createAgent' | 'hostLimitIssues'>,
): Promise<TournamentRun> {
  const { config } = o;
  const entry = getArena(config.arena.id);
  const { arena } = entry;
  const args = arena.parseArgs(config.arena.args);
  const name = config.tournament.name ?? `${arena.manifest.id}-${config.players.map((p) => p.name).join('-')}`;
  const id = o.runId ?? newRunId(name);
  const mode = o.mode ?? 'docker';
  const limits = sandboxLimitsFrom(config.limits);
  const brief = readFileSync(entry.brief, 'utf8');
  // Limits the machine cannot grant would make every container fail to start: refuse them
  // before anything is written, naming the field.
  if (mode === 'docker') {
    const issues = await services.hostLimitIssues(config.limits);
    if (issues.length) throw new ConfigError('config', issues);
  }
  const players = config.players.map((p) => ({
    name: p.name,
    agent: services.createAgent(p.agent),
    from: p.codebase ?? entry.starter,
  }));
  return {
    id,
    name,
    config,
    arena,
    args,
    brief,
    mode,
    limits,
    quota: repoQuotaFrom(config.limits),
    deadlineMs: config.limits.turn_deadline_ms ?? arena.manifest.turnDeadlineMs,
    seed: config.tournament.seed,
    signal: o.signal ?? new AbortController().signal,
    players,
    names: players.map((p) => p.name),
    layout: new RunFolder(`${o.runsDir}/${id}`),
    gitFor: (player) => ({ runId: id, player, limits }),
    ...(o.replay ? { replay: o.replay.source } : {}),
  };
}

/** Writes the config into the run folder and opens the event log; the bus feeds the log, the
 *  index and any other listeners, in that order. A resumed run (`nextSeq` given) keeps the
 *  config it was started with, repairs a torn tail of its log, rebuilds its index rows from the
 *  log and numbers its events on from `nextSeq`. */
export function openRun(
  run: TournamentRun,
  o: { rawConfig: string; store?: IndexSink; listeners?: Listener[] },
  now: () => number = Date.now,
  nextSeq?: number,
): { bus: EventBus; closeLog(): void } {
  if (nextSeq === undefined) run.layout.writeConfig(run.config, o.rawConfig);
  const log = run.layout.openLog();
  const bus = new EventBus(run.id, nextSeq ?? 0, now);
  bus.subscribe((e) => log.append(e));
  if (o.store) {
    const store = o.store;
    if (nextSeq !== undefined) store.reindex(run.layout.runDir);
    bus.subscribe((e) => store.ingest(e));
  }
  for (const l of o.listeners ?? []) bus.subscribe(l);
  return { bus, closeLog: () => log.close() };
}
