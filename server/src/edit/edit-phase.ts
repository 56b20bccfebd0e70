// One player's edit phase: the agent works on its repo within the wall-clock limit, then the
// result is committed and tagged round-N whatever happened. Never throws: an agent that
// crashes or overruns ends with that exit status and plays whatever its repo holds.
import { mkdirSync, rmSync } from 'node:fs';
import { type Agent, type EditExit, type SelfPlayResult, type Workspace, deriveSeed } from '@codearena/protocol';
import type { Arena } from '@codearena/protocol';
import type { EventBus } from '../bus/event-bus.ts';
import { type PlayerRuntime, type RuntimeMode, openRuntime } from '../compete/runtime.ts';
import { playSeries } from '../compete/series.ts';
import { InfraError, isInfraError } from '../sandbox/infra-error.ts';
import type { Sandbox } from '../sandbox/sandbox.ts';
import type { SandboxLimits } from '../sandbox/limits.ts';
import type { RunFolder } from '../store/run-folder.ts';
import { commitRound } from './git.ts';
import { type RepoQuota, checkRepoQuota } from './repo-quota.ts';
import { repoFiles } from './repo-files.ts';
import { openWorkspace } from './workspace.ts';

export interface EditInput {
  round: number;
  rounds: number;
  player: string;
  agent: Agent;
  arena: Arena;
  arenaArgs: unknown;
  brief: string;
  seed: number;
  editSeconds: number;
  opponents: { name: string; dir: string }[];
  /** Players per sim in the tournament (self-play uses the same number of seats). */
  seats: number;
  mode: RuntimeMode;
  limits: SandboxLimits;
  /** Size cap of the player's repo, checked before the round's commit. */
  quota: RepoQuota;
  deadlineMs: number;
  bus: EventBus;
  layout: RunFolder;
  signal: AbortSignal;
}

/** Time an agent gets to wind down after its deadline before the phase is closed anyway. */
const GRACE_MS = 15_000;
/** How often the repo is measured while an agent's commands run. */
const QUOTA_WATCH_MS = 2_000;

export async function editPhase(e: EditInput): Promise<{ exit: EditExit; commit: string }> {
  const t0 = Date.now();
  const { bus, round, player, layout } = e;
  const repoDir = layout.repo(player);
  const scratchDir = layout.scratch(player, round);
  mkdirSync(scratchDir, { recursive: true });
  mkdirSync(layout.roundsDir, { recursive: true });
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  e.signal.addEventListener('abort', onAbort);
  const deadline = t0 + e.editSeconds * 1000;
  let steps = 0;
  let ws: { workspace: Workspace; sandbox: Sandbox } | null = null;
  let wsOpening: Promise<Workspace> | null = null;

  const selfPlay = async (candidateDir: string, baselineDir: string, sims: number): Promise<SelfPlayResult> => {
    const opts = {
      mode: e.mode,
      arena: e.arena,
      runId: bus.tournamentId,
      limits: e.limits,
      role: `selfplay:${player}`,
    };
    const seats = Math.min(e.arena.manifest.players.max, Math.max(2, e.seats));
    const runtimes: PlayerRuntime[] = [];
    try {
      runtimes.push(await openRuntime('candidate', candidateDir, opts));
      // One container holds the baseline; each extra seat is another bot process in it.
      const base = await openRuntime('baseline', baselineDir, opts);
      runtimes.push(base);
      for (let s = 2; s < seats; s++) runtimes.push({ ...base, name: `baseline-${s}`, dispose: async () => {} });
      const { standings } = await playSeries({
        arena: e.arena,
        args: e.arenaArgs,
        players: runtimes,
        sims,
        concurrency: 1,
        seedParts: [e.seed, 'selfplay', round, player],
        deadlineMs: e.deadlineMs,
      });
      const c = standings[0]!;
      return { sims, seats, wins: c.wins, losses: c.losses, ties: c.ties, faults: c.faults };
    } finally {
      await Promise.all(runtimes.map((r) => r.dispose()));
    }
  };

  let exit: EditExit = 'crashed';
  let timer: NodeJS.Timeout | undefined;
  let quotaStopped = false;
  let summary = '';
  let costUsd = 0;
  try {
    const work = e.agent.edit({
      tournamentId: bus.tournamentId,
      round,
      rounds: e.rounds,
      player,
      arenaId: e.arena.manifest.id,
      brief: e.brief,
      repo: repoFiles(repoDir, e.quota),
      logsDir: layout.roundsDir,
      logs: layout.roundLogs(),
      scratchDir,
      opponents: e.opponents,
      seed: deriveSeed(e.seed, 'edit', round, player),
      deadline,
      signal: stop.signal,
      step: (action, output, extra = {}) => {
        steps++;
        // The trajectory file keeps the conversation (messages); the event stays small.
        const { messages, ...shown } = extra;
        layout.appendTrajectory(player, round, {
          step: steps,
          ts: Date.now(),
          action,
          output,
          ...shown,
          ...(messages ? { messages } : {}),
        });
        bus.emit({ type: 'edit.step', round, player, step: steps, action, output: output.slice(0, 20_000), ...shown });
      },
      selfPlay,
      workspace: () => {
        wsOpening ??= openWorkspace({
          image: e.arena.manifest.image,
          runId: bus.tournamentId,
          player,
          repoDir,
          logsDir: layout.roundsDir,
          opponents: e.opponents,
          limits: e.limits,
        }).then((w) => {
          ws = w;
          return w.workspace;
        });
        return wsOpening;
      },
    });
    const overrun = new Promise<'overrun'>((resolve) => {
      timer = setTimeout(
        () => {
          stop.abort();
          setTimeout(() => resolve('overrun'), GRACE_MS).unref();
        },
        Math.max(0, deadline - Date.now()),
      );
    });
    // While commands run in the workspace, the repo is measured every few seconds: an agent that
    // writes past its quota (a disk-filling loop) is stopped then, not at the end of its phase.
    const watch = setInterval(() => {
      if (!ws || stop.signal.aborted || checkRepoQuota(repoDir, e.quota).ok) return;
      quotaStopped = true;
      stop.abort();
      void (ws as { sandbox: Sandbox }).sandbox.dispose();
    }, QUOTA_WATCH_MS);
    const r = await Promise.race([work, overrun]).finally(() => clearInterval(watch));
    clearTimeout(timer);
    if (r === 'overrun') {
      exit = 'time_limit';
      summary = `did not finish within ${e.editSeconds} s`;
      work.catch(() => {});
    } else {
      exit = r.exit;
      summary = r.summary;
      costUsd = r.costUsd;
    }
    // An agent that "crashed" because its container or the daemon went away did nothing wrong:
    // that is the infrastructure's failure, and the round is aborted unscored.
    const box = ws as { sandbox: Sandbox } | null;
    const down = exit === 'crashed' && box && !quotaStopped ? await box.sandbox.health() : null;
    if (down) throw new InfraError(`the workspace of ${player} failed: ${down}`);
  } catch (err) {
    if (isInfraError(err)) throw err;
    exit = 'crashed';
    summary = `agent crashed: ${(err as Error).message}`;
    bus.emit({ type: 'fault', scope: 'agent', round, player, fault: { kind: 'crash', detail: summary } });
  } finally {
    e.signal.removeEventListener('abort', onAbort);
    clearTimeout(timer);
    await (wsOpening as Promise<Workspace> | null)?.catch(() => null);
    await (ws as { sandbox: Sandbox } | null)?.sandbox.dispose();
    rmSync(scratchDir, { recursive: true, force: true });
  }
  // What the agent left is measured before git sees it: over the quota, nothing of the round is
  // committed and the previous round's code plays. After a provider failure it plays too (a
  // half-done edit is not the model's choice).
  const quota = checkRepoQuota(repoDir, e.quota);
  if (!quota.ok) {
    exit = 'over_quota';
    summary = `${quota.problem}; the previous round's code plays`;
    bus.emit({ type: 'fault', scope: 'agent', round, player, fault: { kind: 'output_limit', detail: summary } });
  }
  const c = await commitRound(repoDir, round, summary || exit, {
    runId: bus.tournamentId,
    player,
    limits: e.limits,
    restore: exit === 'provider_error' || exit === 'over_quota',
  });
  if (c.removed.length)
    summary += `${summary ? '; ' : ''}nested git metadata removed (a repo inside the repo is never honoured): ${c.removed.slice(0, 5).join(', ')}`;
  if (c.failed) {
    summary += `${summary ? '; ' : ''}the repo could not be committed (${c.failed}); the previous round's code plays`;
    bus.emit({
      type: 'fault',
      scope: 'agent',
      round,
      player,
      fault: { kind: 'crash', detail: `round commit failed: ${c.failed}` },
    });
  }
  // The commit is the truth about change, whatever the agent said.
  if (exit === 'submitted' && c.stat.files === 0) exit = 'unchanged';
  layout.writeDiff(player, round, c.diff);
  bus.emit({
    type: 'edit.finished',
    round,
    player,
    exit,
    steps,
    costUsd,
    ms: Date.now() - t0,
    commit: c.commit,
    diff: c.stat,
    summary,
  });
  return { exit, commit: c.commit };
}
