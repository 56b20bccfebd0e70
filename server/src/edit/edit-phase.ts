// One player's edit phase, as named steps: prepare the scratch dir, run the agent under its
// deadline (run-agent.ts) with its workspace opened lazily (lazy-workspace.ts) and its steps
// recorded (step-recorder.ts), then commit the round whatever happened and report it
// (commit-edit.ts). Never throws but for infrastructure failure: an agent that crashes or
// overruns ends with that exit status and plays whatever its repo holds.
import { mkdirSync, rmSync } from 'node:fs';
import { type Agent, type Arena, type EditExit, type ModelAnswer, deriveSeed } from '@codearena/protocol';
import type { EventBus } from '../bus/event-bus.ts';
import type { RuntimeMode } from '../compete/runtime.ts';
import { createFifoDir, removeFifoDir } from '../sandbox/fifo.ts';
import type { SandboxLimits } from '../sandbox/limits.ts';
import type { RunFolder } from '../store/run-folder.ts';
import { commitEdit, reportEdit } from './commit-edit.ts';
import { type EditServices, editServices } from './edit-services.ts';
import { lazyWorkspace } from './lazy-workspace.ts';
import { repoFiles } from './repo-files.ts';
import type { RepoQuota } from './repo-quota.ts';
import { type AgentRun, runAgent } from './run-agent.ts';
import { selfPlayFor } from './self-play.ts';
import { stepRecorder } from './step-recorder.ts';

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
  /** A replay (`codearena replay`): the recorded run's answers for this phase, and the exit the
   *  recorded phase ended with (no provider is called). Without it, the phase is served the
   *  answers its own earlier attempts recorded (a resume), then calls the provider. */
  replay?: { answers: ModelAnswer[]; exit: EditExit };
}

export async function editPhase(
  e: EditInput,
  services: EditServices = editServices,
): Promise<{ exit: EditExit; commit: string }> {
  const t0 = services.now();
  const { bus, round, player, layout } = e;
  const repoDir = layout.repo(player);
  const scratchDir = layout.scratch(player, round);
  // A restarted phase (resume) begins from scratch: a new trajectory, an empty scratch dir.
  layout.setAsideTrajectory(player, round);
  rmSync(scratchDir, { recursive: true, force: true });
  mkdirSync(scratchDir, { recursive: true });
  mkdirSync(layout.roundsDir, { recursive: true });
  // A FIFO-style directory: one owner (sandbox/fifo.ts) names, reaps and removes such dirs.
  let privateDir: string | null = null;
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  e.signal.addEventListener('abort', onAbort);
  const deadline = t0 + e.editSeconds * 1000;
  const recorder = stepRecorder({ bus, layout, player, round, now: services.now });
  const workspace = lazyWorkspace(services, {
    image: e.arena.manifest.image,
    runId: bus.tournamentId,
    player,
    repoDir,
    logsDir: layout.roundsDir,
    opponents: e.opponents,
    limits: e.limits,
  });

  let run: AgentRun;
  try {
    run = await runAgent(
      {
        start: () =>
          e.agent.edit({
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
            step: recorder.step,
            selfPlay: selfPlayFor({ ...e, runId: bus.tournamentId }),
            workspace: workspace.open,
            privateDir: () => (privateDir ??= createFifoDir()),
            answers: layout.openAnswers(
              player,
              round,
              e.replay ? { recorded: e.replay.answers, offline: e.replay.exit } : {},
            ),
          }),
        stop,
        deadline,
        editSeconds: e.editSeconds,
        workspace,
        withinQuota: () => services.checkRepoQuota(repoDir, e.quota).ok,
        bus,
        round,
        player,
      },
      services,
    );
  } finally {
    e.signal.removeEventListener('abort', onAbort);
    await workspace.close();
    if (privateDir) removeFifoDir(privateDir);
    rmSync(scratchDir, { recursive: true, force: true });
  }
  const done = await commitEdit(run, { repoDir, round, player, quota: e.quota, limits: e.limits, bus }, services);
  reportEdit(
    done,
    { bus, layout, round, player },
    { steps: recorder.count(), costUsd: run.costUsd, ms: services.now() - t0 },
  );
  return { exit: done.exit, commit: done.commit.commit };
}
