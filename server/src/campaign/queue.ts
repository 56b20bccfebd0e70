// The job queue campaigns run on: graphile-worker on PostgreSQL, generic in the job payload.
//
// graphile-worker leases a job by writing its worker id into `locked_by`; it only frees the job of
// a worker that vanished after 4 h. We make that quick: every worker process registers in
// codearena_workers and heartbeats; any worker deletes those whose heartbeat is older than
// deadAfterMs and `force_unlock_workers` their graphile ids in the same transaction, so another
// worker takes the job and the handler runs again with the same payload (resuming from its run
// folder). graphile deletes a finished job, so codearena_jobs keeps every job's outcome: it makes
// submit idempotent for finished jobs too, feeds the campaign view and the failure brake.
import { randomBytes } from 'node:crypto';
import { run, type Runner, type RunnerOptions, type Task } from 'graphile-worker';
import type { z } from 'zod';
import { UsageError } from '../cli/preflight.ts';
import {
  inTransaction,
  migrateQueue,
  openQueuePool,
  quietLogger,
  requireQueueSchema,
  workerIdentity,
} from './queue-db.ts';

export { migrateQueue } from './queue-db.ts';

export type JobOutcome = 'done' | 'failed';
export type JobStatus = 'queued' | 'running' | JobOutcome;

/** Worker deaths and stops each use one attempt; after this many the job is recorded failed. */
const MAX_ATTEMPTS = 25;

const graphileKey = (queue: string, key: string) => `${queue}:${key}`;

/** Adds the jobs whose keys the queue has never seen; a key seen before (queued, running or
 *  finished) adds nothing. The same key with another payload is refused and nothing is written. */
export async function submitJobs<T>(
  url: string,
  queueName: string,
  jobs: readonly { key: string; payload: T }[],
): Promise<{ added: string[]; existing: string[] }> {
  await migrateQueue(url);
  const pool = await openQueuePool(url, 1);
  const added: string[] = [];
  const existing: string[] = [];
  try {
    await inTransaction(pool, async (client) => {
      for (const job of jobs) {
        const payload = JSON.stringify(job.payload);
        const ins = await client.query(
          `insert into codearena_jobs (queue, key, payload) values ($1, $2, $3::jsonb) on conflict do nothing`,
          [queueName, job.key, payload],
        );
        if (ins.rowCount) {
          await client.query(
            `select graphile_worker.add_job($1, json_build_object('key', $2::text, 'payload', $3::json),
             job_key => $4, max_attempts => $5, job_key_mode => 'unsafe_dedupe')`,
            [queueName, job.key, payload, graphileKey(queueName, job.key), MAX_ATTEMPTS],
          );
          added.push(job.key);
          continue;
        }
        const same = await client.query(
          `select 1 from codearena_jobs where queue = $1 and key = $2 and payload = $3::jsonb`,
          [queueName, job.key, payload],
        );
        if (!same.rowCount)
          throw new UsageError(
            `job ${job.key} is already in queue ${queueName} with a different payload (another spec with the same campaign name?); ` +
              `rename the campaign or use another database. Nothing was submitted.`,
            2,
          );
        existing.push(job.key);
      }
    });
  } finally {
    await pool.end();
  }
  return { added, existing };
}

export interface QueueJob {
  key: string;
  status: JobStatus;
  attempts: number;
  worker: string | null;
  error: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface QueueStatus {
  queued: number;
  running: number;
  done: number;
  failed: number;
  jobs: QueueJob[];
  workers: { id: string; host: string; pid: number; parallel: number; heartbeatAt: string }[];
}

/** Counts and per-job rows of one queue (and the workers alive on it). */
export async function queueStatus(url: string, queueName: string): Promise<QueueStatus> {
  const pool = await openQueuePool(url, 1);
  try {
    await requireQueueSchema(pool, url);
    const jobs = await pool.query<QueueJob>(
      `select key, status, attempts, worker, error, started_at::text as "startedAt", finished_at::text as "finishedAt"
         from codearena_jobs where queue = $1 order by submitted_at, key`,
      [queueName],
    );
    const workers = await pool.query<QueueStatus['workers'][number]>(
      `select id, host, pid, parallel, heartbeat_at::text as "heartbeatAt" from codearena_workers where queue = $1 order by started_at`,
      [queueName],
    );
    const count = (s: JobStatus) => jobs.rows.filter((j) => j.status === s).length;
    return {
      queued: count('queued'),
      running: count('running'),
      done: count('done'),
      failed: count('failed'),
      jobs: jobs.rows,
      workers: workers.rows,
    };
  } finally {
    await pool.end();
  }
}

export interface WorkerOptions<T> {
  url: string;
  queueName: string;
  /** Validates each job's payload before the handler sees it; a bad one is recorded failed. */
  schema: z.ZodType<T>;
  parallel: number;
  /** Runs one job; aborting `signal` means "stop now, the job is left for resume". A throw is a failure. */
  handler: (payload: T, signal: AbortSignal, job: { key: string; attempt: number }) => Promise<JobOutcome>;
  heartbeatMs?: number;
  /** A worker silent this long is dead: its jobs go to others. Keep it several heartbeats long. */
  deadAfterMs?: number;
  /** Stop taking jobs when more than maxFailShare × window of the last `window` finished jobs failed
   *  (counting against a full window, so a few early failures do not trip it). */
  brake?: { window: number; maxFailShare: number };
  /** 'drained': return once no job of the queue is queued or running; 'stopped' (default): run until stopped. */
  until?: 'drained' | 'stopped';
  /** Stop on SIGINT/SIGTERM (default true): running jobs are aborted and left for resume. */
  handleSignals?: boolean;
  /** Stops the worker like a signal does. */
  signal?: AbortSignal;
  log?: (line: string) => void;
}

export type WorkerStop = 'drained' | 'signal' | 'brake' | 'lease-lost';

export interface WorkerResult {
  reason: WorkerStop;
  /** One line for the user. */
  message: string;
  done: number;
  failed: number;
  /** 0 when drained or stopped by a signal; 4 when the brake tripped or the lease was lost. */
  exitCode: number;
}

/** Pulls and runs jobs until drained, stopped, braked or its lease is lost. */
export async function runWorker<T>(o: WorkerOptions<T>): Promise<WorkerResult> {
  const heartbeatMs = o.heartbeatMs ?? 5_000;
  const deadAfterMs = o.deadAfterMs ?? 30_000;
  if (!Number.isInteger(o.parallel) || o.parallel < 1)
    throw new UsageError(`parallel must be a whole number ≥ 1, not ${o.parallel}`);
  if (deadAfterMs < 2 * heartbeatMs)
    throw new UsageError(`deadAfterMs (${deadAfterMs}) must be at least twice heartbeatMs (${heartbeatMs})`);
  const log = o.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const pool = await openQueuePool(o.url, o.parallel * 2 + 3);
  try {
    await requireQueueSchema(pool, o.url);
  } catch (e) {
    await pool.end();
    throw e;
  }
  const me = `${workerIdentity().host}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const slotId = (worker: string, slot: number) => `${worker}/${slot}`;
  await pool.query(`insert into codearena_workers (id, queue, host, pid, parallel) values ($1, $2, $3, $4, $5)`, [
    me,
    o.queueName,
    workerIdentity().host,
    process.pid,
    o.parallel,
  ]);

  const counts = { done: 0, failed: 0 };
  const inFlight = new Set<AbortController>();
  let stopping: { reason: WorkerStop; message: string } | undefined;
  let wake: () => void = () => {};
  const stopped = new Promise<void>((resolve) => (wake = resolve));
  const stop = (reason: WorkerStop, message: string, abortJobs: boolean) => {
    if (stopping) return;
    stopping = { reason, message };
    if (abortJobs) for (const ac of inFlight) ac.abort(new Error(message));
    wake();
  };

  const runJob = async (slot: string, raw: unknown) => {
    const { key, payload } = raw as { key: string; payload: unknown };
    if (stopping) throw new Error(`worker ${me} is stopping`); // graphile puts the job back
    const claimed = await pool.query<{ attempts: number }>(
      `update codearena_jobs set status = 'running', worker = $3, attempts = attempts + 1, started_at = now(), error = null
         where queue = $1 and key = $2 and status in ('queued', 'running') returning attempts`,
      [o.queueName, key, slot],
    );
    if (!claimed.rowCount) return; // finished already (a worker declared dead finished it after all)
    const attempt = claimed.rows[0]!.attempts;
    const ac = new AbortController();
    inFlight.add(ac);
    let outcome: JobOutcome;
    let error: string | null = null;
    try {
      const parsed = o.schema.safeParse(payload);
      if (!parsed.success) {
        outcome = 'failed';
        error = `bad payload: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`;
      } else {
        try {
          outcome = await o.handler(parsed.data, ac.signal, { key, attempt });
        } catch (e) {
          outcome = 'failed';
          error = e instanceof Error ? e.message : String(e);
        }
      }
    } finally {
      inFlight.delete(ac);
    }
    if (ac.signal.aborted) {
      await pool.query(
        `update codearena_jobs set status = 'queued', worker = null where queue = $1 and key = $2 and worker = $3 and status = 'running'`,
        [o.queueName, key, slot],
      );
      throw new Error(`interrupted: ${(ac.signal.reason as Error).message}`); // graphile unlocks it for another worker
    }
    await pool.query(
      `update codearena_jobs set status = $4, error = $5, finished_at = now()
         where queue = $1 and key = $2 and worker = $3 and status = 'running'`,
      [o.queueName, key, slot, outcome, error?.slice(0, 2000) ?? null],
    );
    counts[outcome]++;
    await checkBrakeAndDrain();
  };

  const checkBrakeAndDrain = async () => {
    if (o.brake) {
      const { rows } = await pool.query<{ failed: number }>(
        `select count(*) filter (where status = 'failed')::int as failed from (
           select status from codearena_jobs where queue = $1 and status in ('done', 'failed')
           order by finished_at desc limit $2) recent`,
        [o.queueName, o.brake.window],
      );
      const failed = rows[0]?.failed ?? 0;
      if (failed > o.brake.maxFailShare * o.brake.window)
        stop(
          'brake',
          `failure brake: ${failed} of the last ${o.brake.window} finished jobs of queue ${o.queueName} failed ` +
            `(more than ${Math.round(o.brake.maxFailShare * 100)} %); not taking jobs — see the failed jobs' errors, fix the cause, resubmit`,
          false,
        );
    }
    if (o.until === 'drained') {
      const { rows } = await pool.query<{ open: number }>(
        `select count(*)::int as open from codearena_jobs where queue = $1 and status in ('queued', 'running')`,
        [o.queueName],
      );
      if (rows[0]?.open === 0) stop('drained', `queue ${o.queueName} has no job left to run`, false);
    }
  };

  const sweep = async () => {
    const beat = await pool.query(`update codearena_workers set heartbeat_at = now() where id = $1`, [me]);
    if (!beat.rowCount) {
      stop(
        'lease-lost',
        `worker ${me} missed its heartbeat and was declared dead; its jobs went to other workers`,
        true,
      );
      return;
    }
    await inTransaction(pool, async (client) => {
      const dead = await client.query<{ id: string; parallel: number }>(
        `delete from codearena_workers where heartbeat_at < now() - make_interval(secs => $1) returning id, parallel`,
        [deadAfterMs / 1000],
      );
      const ids = dead.rows.flatMap((w) => Array.from({ length: w.parallel }, (_, i) => slotId(w.id, i)));
      if (ids.length) {
        await client.query(`select graphile_worker.force_unlock_workers($1::text[])`, [ids]);
        await client.query(
          `update codearena_jobs set status = 'queued', worker = null where status = 'running' and worker = any($1::text[])`,
          [ids],
        );
        log(`worker(s) ${dead.rows.map((w) => w.id).join(', ')} stopped heartbeating; their jobs are free again`);
      }
      // A job whose every attempt was cut short by a death or a stop is given up, not left queued forever.
      await client.query(
        `update codearena_jobs c set status = 'failed', finished_at = now(),
            error = 'gave up after ' || j.attempts || ' attempts, each cut short by a worker that died or stopped'
           from graphile_worker.jobs j
          where j.key = c.queue || ':' || c.key and j.attempts >= j.max_attempts and j.locked_by is null
            and c.status in ('queued', 'running')`,
      );
    });
    await checkBrakeAndDrain();
  };

  const onSignal = (sig: NodeJS.Signals) =>
    stop('signal', `${sig}: running jobs interrupted and left for resume`, true);
  if (o.handleSignals ?? true) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  const onAbort = () => stop('signal', 'stopped: running jobs interrupted and left for resume', true);
  o.signal?.addEventListener('abort', onAbort, { once: true });

  const runners: Runner[] = [];
  let timer: NodeJS.Timeout | undefined;
  let drainTimer: NodeJS.Timeout | undefined;
  try {
    await sweep(); // free the jobs of workers that died while nobody watched, before taking any
    const tick = () => {
      timer = setTimeout(() => {
        sweep().then(
          () => !stopping && tick(),
          (e) => stop('lease-lost', `heartbeat failed: ${e instanceof Error ? e.message : String(e)}`, true),
        );
      }, heartbeatMs);
    };
    if (!stopping) tick();
    // Draining: the last job may end on another worker; look every half second rather than
    // waiting for the next heartbeat to notice the queue is empty.
    if (o.until === 'drained')
      drainTimer = setInterval(
        () => {
          if (!stopping) checkBrakeAndDrain().catch(() => {});
        },
        Math.min(heartbeatMs, 500),
      );
    for (let i = 0; i < o.parallel && !stopping; i++) {
      const slot = slotId(me, i);
      const task: Task = (payload) => runJob(slot, payload);
      // One job per runner, so each slot has a graphile worker id we chose (graphile accepts
      // `workerId` only with concurrency 1; its RunnerOptions type omits it) and a dead worker's
      // ids follow from its row: `${id}/0` … `${id}/${parallel - 1}`.
      const options: RunnerOptions & { workerId: string } = {
        pgPool: pool,
        concurrency: 1,
        workerId: slot,
        noHandleSignals: true,
        pollInterval: Math.min(2_000, heartbeatMs),
        logger: quietLogger,
        taskList: { [o.queueName]: task },
      };
      runners.push(await run(options));
    }
    await stopped;
  } finally {
    clearTimeout(timer);
    clearInterval(drainTimer);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    o.signal?.removeEventListener('abort', onAbort);
    await Promise.allSettled(runners.map((r) => r.stop()));
    await pool.query(`delete from codearena_workers where id = $1`, [me]).catch(() => {});
    await pool.end();
  }
  const end = stopping!;
  return {
    reason: end.reason,
    message: end.message,
    ...counts,
    exitCode: end.reason === 'brake' || end.reason === 'lease-lost' ? 4 : 0,
  };
}
