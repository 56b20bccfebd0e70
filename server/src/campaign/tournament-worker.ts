// A queue worker's job: one tournament of a campaign (its CampaignJob is the payload). The worker
// that takes it runs it, or resumes it from its run folder when an earlier worker died with it,
// or finds it finished and reports it done: the run folder on the shared directory is the truth.
import { CampaignJob } from '@codearena/protocol';
import type { IndexSink } from '../store/index-interfaces.ts';
import { type JobOutcome, type WorkerOptions, type WorkerResult, runWorker } from './queue.ts';
import { runJob } from './run-embedded.ts';

/** The one queue tournaments of every campaign go to (job keys are run ids, unique across campaigns). */
export const TOURNAMENT_QUEUE = 'tournaments';

export interface TournamentWorkerOptions {
  url: string;
  runsDir: string;
  store: IndexSink;
  parallel: number;
  until?: WorkerOptions<CampaignJob>['until'];
  brake?: WorkerOptions<CampaignJob>['brake'];
  heartbeatMs?: number;
  deadAfterMs?: number;
  log?: (line: string) => void;
  signal?: AbortSignal;
}

export function runTournamentWorker(o: TournamentWorkerOptions): Promise<WorkerResult> {
  const log = o.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  return runWorker<CampaignJob>({
    url: o.url,
    queueName: TOURNAMENT_QUEUE,
    schema: CampaignJob,
    parallel: o.parallel,
    ...(o.until ? { until: o.until } : {}),
    ...(o.brake ? { brake: o.brake } : {}),
    ...(o.heartbeatMs ? { heartbeatMs: o.heartbeatMs } : {}),
    ...(o.deadAfterMs ? { deadAfterMs: o.deadAfterMs } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
    log,
    handler: async (job, signal, { attempt }): Promise<JobOutcome> => {
      const r = await runJob(job, {
        runsDir: o.runsDir,
        store: o.store,
        signal,
        onStart: (j, resumed) => log(`${resumed ? 'resume' : 'start '} ${j.runId} (attempt ${attempt})`),
      });
      const line = `${r.status === 'done' ? 'done  ' : r.status} ${job.runId}${r.skipped ? ' (finished earlier)' : ''}`;
      log(r.detail ? `${line}: ${r.detail}` : line);
      // A stop request leaves the job for another worker (the queue sees the aborted signal).
      if (r.status === 'done' || r.status === 'stopped') return 'done';
      // 'busy': a process declared dead still holds the run's lease — not ours to run now.
      throw new Error(r.detail || r.status);
    },
  });
}
