// A campaign on one machine: its tournaments, `parallel` at a time, in this process (SQLite and
// the run folders; nothing to install). Each tournament's run folder says where it stands, so
// the same command after a crash or a Ctrl-C finishes what was finished, resumes what was cut
// short and never reruns a finished tournament. A tournament that fails is a result of the
// campaign (reported, resumable), never the end of it.
import { join } from 'node:path';
import type { CampaignJob } from '@codearena/protocol';
import type { Listener } from '../bus/event-bus.ts';
import { mapPool } from '../compete/pool.ts';
import type { IndexSink } from '../store/index-interfaces.ts';
import { RunFolder } from '../store/run-folder.ts';
import { LeaseHeldError } from '../store/run-lease.ts';
import { NotResumable } from '../tournament/resume-state.ts';
import { type TournamentOutcome, runTournament } from '../tournament/tournament.ts';
import { jobState } from './job-state.ts';

export type JobStatus =
  /** Finished now, or found finished by an earlier run (never rerun). */
  | 'done'
  /** Another live process runs it (its lease is held): left to that process. */
  | 'busy'
  /** Stopped by a stop request; the next run resumes it. */
  | 'stopped'
  /** Aborted by infrastructure or by a fault of ours; the next run resumes it. */
  | 'failed';

export interface JobOutcome {
  job: CampaignJob;
  status: JobStatus;
  /** It was found finished and not run again. */
  skipped: boolean;
  /** It was resumed from its run folder. */
  resumed: boolean;
  winner: string | null;
  detail: string;
  ms: number;
}

export interface CampaignRunOptions {
  jobs: CampaignJob[];
  runsDir: string;
  parallel: number;
  store: IndexSink;
  signal: AbortSignal;
  /** Listeners of one tournament's events (progress, live view). */
  listeners?: (job: CampaignJob) => Listener[];
  onStart?: (job: CampaignJob, resumed: boolean) => void;
  onDone?: (outcome: JobOutcome) => void;
  now?: () => number;
}

export async function runCampaign(
  o: CampaignRunOptions,
  run: typeof runTournament = runTournament,
): Promise<JobOutcome[]> {
  const now = o.now ?? Date.now;
  const outcomes = await mapPool(
    o.jobs,
    o.parallel,
    async (job) => {
      const t0 = now();
      const outcome = await runJob(job, o, run);
      const done = { ...outcome, ms: now() - t0 };
      o.onDone?.(done);
      return done;
    },
    () => o.signal.aborted,
  );
  return outcomes.filter((x): x is JobOutcome => x !== undefined);
}

/** Runs (or resumes, or skips) one tournament of a campaign; never throws. Shared by the embedded
 *  runner and the queue's workers. */
export async function runJob(
  job: CampaignJob,
  o: Pick<CampaignRunOptions, 'runsDir' | 'store' | 'signal' | 'listeners' | 'onStart'>,
  run: typeof runTournament = runTournament,
): Promise<Omit<JobOutcome, 'ms'>> {
  const folder = new RunFolder(join(o.runsDir, job.runId));
  const base = { job, skipped: false, resumed: false, winner: null, detail: '' };
  const state = jobState(folder);
  if (state === 'finished') return { ...base, status: 'done', skipped: true, winner: winnerOf(folder) };
  if (state === 'running') return { ...base, status: 'busy', detail: 'another process runs it' };
  const resumed = state === 'stopped';
  o.onStart?.(job, resumed);
  let out: TournamentOutcome;
  try {
    out = await run({
      config: job.config,
      rawConfig: `${JSON.stringify(job.config, null, 2)}\n`,
      runsDir: o.runsDir,
      store: o.store,
      runId: job.runId,
      resume: resumed,
      signal: o.signal,
      listeners: o.listeners?.(job) ?? [],
    });
  } catch (e) {
    if (e instanceof LeaseHeldError) return { ...base, resumed, status: 'busy', detail: e.message };
    if (e instanceof NotResumable) return { ...base, resumed, status: 'done', skipped: true, winner: winnerOf(folder) };
    // A fault of ours in one tournament is that tournament's failure, not the campaign's end.
    return { ...base, resumed, status: 'failed', detail: (e as Error).message };
  }
  if (out.status === 'finished') return { ...base, resumed, status: 'done', winner: out.winner };
  if (out.abortReason === 'interrupted' && !out.leaseLost) return { ...base, resumed, status: 'stopped' };
  return {
    ...base,
    resumed,
    status: 'failed',
    detail: out.leaseLost ?? `aborted by an infrastructure failure: ${out.infraProblem ?? 'unknown'}`,
  };
}

function winnerOf(folder: RunFolder): string | null {
  const last = folder.lastEvent();
  return last?.type === 'tournament.finished' ? last.winner : null;
}
