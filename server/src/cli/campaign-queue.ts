// The many-machine commands: `codearena campaign submit <spec> --queue URL` puts a campaign's
// tournaments in the PostgreSQL queue and returns; `codearena worker --queue URL`, on any number
// of machines sharing the runs directory, pulls and runs them; `campaign run <spec> --queue URL`
// submits and works the queue itself until it is drained.
import { resolve } from 'node:path';
import type { CampaignJob } from '@codearena/protocol';
import { CampaignFolder } from '../campaign/campaign-folder.ts';
import { expandCampaign } from '../campaign/expand.ts';
import { redactUrl } from '../campaign/queue-db.ts';
import { migrateQueue, submitJobs } from '../campaign/queue.ts';
import { loadCampaignSpec } from '../campaign/spec.ts';
import { TOURNAMENT_QUEUE, runTournamentWorker } from '../campaign/tournament-worker.ts';
import { RUNS_DIR } from '../paths.ts';
import { openIndex } from '../store/open-index.ts';
import { bold, cyan, untrusted, yellow } from './format.ts';
import { requireReadyToRun } from './campaign-run.ts';

export interface QueueOptions {
  queue: string;
  runs?: string;
  /** The index (default: the queue's own PostgreSQL, so every worker's results are in one place). */
  store?: string;
}

/**
 * Records the campaign in the shared runs directory and the index, then queues its tournaments.
 * Everything that can be refused is checked before anything is written: the spec (exit 2), the
 * queue's database and the index (exit 3), another spec under the same name (exit 2).
 */
export async function submitCampaign(specPath: string, o: QueueOptions): Promise<CampaignJob[]> {
  const loaded = loadCampaignSpec(specPath);
  const jobs = expandCampaign(loaded.spec, loaded.baseDir);
  const name = loaded.spec.campaign.name;
  const runsDir = resolve(o.runs ?? RUNS_DIR);
  await migrateQueue(o.queue);
  const index = await openIndex(o.store ?? o.queue, { create: true });
  try {
    const folder = new CampaignFolder(runsDir, name);
    folder.check(loaded.spec);
    const record = folder.open(loaded.spec, loaded.raw, jobs);
    const { added, existing } = await submitJobs(
      o.queue,
      TOURNAMENT_QUEUE,
      jobs.map((j) => ({ key: j.runId, payload: j })),
    );
    await index.registerCampaign(record);
    process.stderr.write(
      `${bold(`campaign ${untrusted(name)}`)}: ${added.length} tournaments queued${existing.length ? `, ${existing.length} already in the queue (not queued again)` : ''} on ${redactUrl(o.queue)}\n`,
    );
    return jobs;
  } finally {
    await index.close();
  }
}

export async function campaignSubmitCommand(specPath: string, o: QueueOptions): Promise<void> {
  await submitCampaign(specPath, o);
  const runs = o.runs ? ` --runs ${resolve(o.runs)}` : '';
  process.stdout.write(
    `Start workers (any number, on machines sharing the runs directory), with CODEARENA_QUEUE set to the queue's URL:\n  ${cyan(`codearena worker${runs}`)}\n`,
  );
}

export interface WorkerCommandOptions extends QueueOptions {
  parallel?: number;
  /** Stop once the queue has nothing left (instead of waiting for more work). */
  untilDrained?: boolean;
  brakeWindow?: number;
  brakeShare?: number;
  /** Seconds. */
  heartbeat?: number;
  deadAfter?: number;
}

export async function workerCommand(o: WorkerCommandOptions): Promise<void> {
  const runsDir = resolve(o.runs ?? RUNS_DIR);
  const index = await openIndex(o.store ?? o.queue, { create: true });
  try {
    const r = await runTournamentWorker({
      url: o.queue,
      runsDir,
      store: index,
      parallel: o.parallel ?? 1,
      until: o.untilDrained ? 'drained' : 'stopped',
      brake: { window: o.brakeWindow ?? 10, maxFailShare: o.brakeShare ?? 0.2 },
      heartbeatMs: (o.heartbeat ?? 5) * 1000,
      deadAfterMs: (o.deadAfter ?? 30) * 1000,
    });
    process.stdout.write(`${r.exitCode ? yellow(r.message) : r.message} (${r.done} done, ${r.failed} failed here)\n`);
    process.exitCode = r.exitCode;
  } finally {
    await index.close();
  }
}

/** `campaign run --queue`: submit, then work the queue in this process until it is drained. */
export async function campaignRunOnQueue(specPath: string, o: WorkerCommandOptions): Promise<void> {
  const jobs = await submitCampaign(specPath, o);
  await requireReadyToRun(jobs, specPath);
  await workerCommand({ ...o, untilDrained: true });
}
