// The end of an edit phase: what the agent left is measured before git sees it, committed and
// tagged round-N in a repo box whatever happened, and the outcome written (diff file and the
// edit.finished event). Over the quota or after a provider failure, the previous round's code
// is committed again: it plays.
import type { EditExit } from '@codearena/protocol';
import type { EventBus } from '../bus/event-bus.ts';
import type { SandboxLimits } from '../sandbox/limits.ts';
import type { RunFolder } from '../store/run-folder.ts';
import type { EditServices } from './edit-services.ts';
import type { RoundCommit } from './git.ts';
import type { RepoQuota } from './repo-quota.ts';
import type { AgentRun } from './run-agent.ts';

export interface CommitEditOptions {
  repoDir: string;
  round: number;
  player: string;
  quota: RepoQuota;
  limits: SandboxLimits;
  bus: EventBus;
}

export interface CommittedEdit {
  exit: EditExit;
  summary: string;
  commit: RoundCommit;
}

const joined = (summary: string, note: string) => `${summary}${summary ? '; ' : ''}${note}`;

export async function commitEdit(
  run: AgentRun,
  o: CommitEditOptions,
  services: Pick<EditServices, 'checkRepoQuota' | 'commitRound'>,
): Promise<CommittedEdit> {
  const { bus, round, player } = o;
  let { exit, summary } = run;
  // Over the quota, nothing of the round is committed. After a provider failure the previous
  // code plays too (a half-done edit is not the model's choice).
  const quota = services.checkRepoQuota(o.repoDir, o.quota);
  if (!quota.ok) {
    exit = 'over_quota';
    summary = `${quota.problem}; the previous round's code plays`;
    bus.emit({ type: 'fault', scope: 'agent', round, player, fault: { kind: 'output_limit', detail: summary } });
  }
  const c = await services.commitRound(o.repoDir, round, summary || exit, {
    runId: bus.tournamentId,
    player,
    limits: o.limits,
    restore: exit === 'provider_error' || exit === 'over_quota',
  });
  if (c.removed.length)
    summary = joined(
      summary,
      `nested git metadata removed (a repo inside the repo is never honoured): ${c.removed.slice(0, 5).join(', ')}`,
    );
  if (c.failed) {
    summary = joined(summary, `the repo could not be committed (${c.failed}); the previous round's code plays`);
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
  return { exit, summary, commit: c };
}

/** Writes the round's diff and announces the finished edit. */
export function reportEdit(
  done: CommittedEdit,
  o: { bus: EventBus; layout: Pick<RunFolder, 'writeDiff'>; round: number; player: string },
  stats: { steps: number; costUsd: number; ms: number },
): void {
  o.layout.writeDiff(o.player, o.round, done.commit.diff);
  o.bus.emit({
    type: 'edit.finished',
    round: o.round,
    player: o.player,
    exit: done.exit,
    ...stats,
    commit: done.commit.commit,
    diff: done.commit.stat,
    summary: done.summary,
  });
}
