// The campaign queue against the suite's real PostgreSQL (see pg.fixture.ts): idempotent submit,
// a SIGKILLed worker's job taken over by another, the failure brake, and clear errors.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UsageError } from '../cli/preflight.ts';
import { ROOT } from '../paths.ts';
import { freshDatabase } from '../pg/pg.fixture.ts';
import { migrateQueue, queueStatus, runWorker, submitJobs } from './queue.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const database = async () => {
  const db = await freshDatabase();
  cleanups.push(db.drop);
  return db.url;
};
const graphileJobs = async (url: string) => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(`select key from graphile_worker.jobs order by key`)).rows.map((r) => r.key as string);
  } finally {
    await c.end();
  }
};
const jobs = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `t${i}`, payload: { n: i } }));

describe('submitJobs', () => {
  it('adds each key once: a second submit of the same spec adds nothing', async () => {
    const url = await database();
    expect(await submitJobs(url, 'c1', jobs(3))).toEqual({ added: ['t0', 't1', 't2'], existing: [] });
    expect(await submitJobs(url, 'c1', jobs(4))).toEqual({ added: ['t3'], existing: ['t0', 't1', 't2'] });
    const s = await queueStatus(url, 'c1');
    expect([s.queued, s.running, s.done, s.failed]).toEqual([4, 0, 0, 0]);
    expect(await graphileJobs(url)).toEqual(['c1:t0', 'c1:t1', 'c1:t2', 'c1:t3']);
  });

  it('refuses a known key with another payload, and writes nothing of that submit', async () => {
    const url = await database();
    await submitJobs(url, 'c1', jobs(1));
    const err = await submitJobs(url, 'c1', [
      { key: 't9', payload: { n: 9 } },
      { key: 't0', payload: { n: 99 } },
    ]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).exitCode).toBe(2);
    expect((err as UsageError).message).toMatch(/job t0 is already in queue c1 with a different payload/);
    expect((await queueStatus(url, 'c1')).jobs.map((j) => j.key)).toEqual(['t0']);
  });

  it('does not rerun a finished job when the spec is submitted again', async () => {
    const url = await database();
    await submitJobs(url, 'c1', jobs(2));
    const ran: string[] = [];
    const handler = async (_p: { n: number }, _s: AbortSignal, job: { key: string }) => (
      ran.push(job.key),
      'done' as const
    );
    const schema = z.object({ n: z.number() });
    const opts = {
      url,
      queueName: 'c1',
      schema,
      parallel: 2,
      handler,
      until: 'drained' as const,
      handleSignals: false,
    };
    expect((await runWorker(opts)).reason).toBe('drained');
    expect(await submitJobs(url, 'c1', jobs(2))).toEqual({ added: [], existing: ['t0', 't1'] });
    expect((await runWorker(opts)).done).toBe(0);
    expect(ran.sort()).toEqual(['t0', 't1']);
  });
});

describe('runWorker', () => {
  it('a SIGKILLed worker loses its job to another after deadAfterMs; every job finishes exactly once', async () => {
    const url = await database();
    const keys = jobs(6);
    await submitJobs(url, 'kill', keys);
    const markers = mkdtempSync(join(tmpdir(), 'queue-markers-'));
    cleanups.push(() => rmSync(markers, { recursive: true, force: true }));
    const started: { key: string; pid: number }[] = [];
    const results: { pid: number; reason: string; done: number }[] = [];
    let changed: () => void = () => {};
    const until = async (what: string, ok: () => boolean) => {
      const deadline = Date.now() + 90_000;
      while (!ok()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise<void>((r) => {
          changed = r;
          setTimeout(r, 1_000); // re-check at least once a second: the deadline is the only clock here
        });
      }
    };
    const workers: ChildProcess[] = [];
    const exits: Promise<number | null>[] = [];
    for (let i = 0; i < 3; i++) {
      const options = { url, queue: 'kill', markers, heartbeatMs: 250, deadAfterMs: 3_000 };
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'server/src/campaign/queue-worker.fixture.ts'), JSON.stringify(options)],
        { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
      );
      workers.push(child);
      cleanups.push(() => void (child.exitCode === null && child.signalCode === null && child.kill('SIGKILL')));
      exits.push(new Promise((done) => child.once('exit', (code) => done(code))));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const e = JSON.parse(line) as { event: string; key: string; pid: number; reason: string; done: number };
        if (e.event === 'started') started.push(e);
        if (e.event === 'result') results.push({ pid: child.pid!, reason: e.reason, done: e.done });
        changed();
      });
    }
    // All three hold a job, held at the gate: kill one of them mid-job.
    await until('three jobs started', () => started.length >= 3);
    const victim = workers.find((w) => w.pid === started[0]!.pid)!;
    const victimKey = started[0]!.key;
    victim.kill('SIGKILL');
    await exits[workers.indexOf(victim)];
    for (const w of workers) if (w !== victim) w.stdin!.write('open\n');
    const survivors = workers.filter((w) => w !== victim);
    expect(await Promise.all(survivors.map((w) => exits[workers.indexOf(w)]))).toEqual([0, 0]);

    expect(readdirSync(markers).sort()).toEqual(keys.map((k) => `${k.key}.done`).sort());
    const rerun = started.filter((s) => s.key === victimKey);
    expect(rerun).toHaveLength(2);
    expect(rerun[1]!.pid).not.toBe(victim.pid);
    expect(results.map((r) => r.reason)).toEqual(['drained', 'drained']);
    const s = await queueStatus(url, 'kill');
    expect([s.queued, s.running, s.done, s.failed]).toEqual([0, 0, 6, 0]);
    expect(s.jobs.find((j) => j.key === victimKey)?.attempts).toBe(2);
    expect(s.workers).toEqual([]);
  });

  it('the failure brake stops taking jobs when too many recent jobs failed, and says why', async () => {
    const url = await database();
    await submitJobs(url, 'brake', jobs(6));
    const result = await runWorker({
      url,
      queueName: 'brake',
      schema: z.object({ n: z.number() }),
      parallel: 1,
      handleSignals: false,
      brake: { window: 4, maxFailShare: 0.25 },
      handler: async () => {
        throw new Error('the arena image is missing');
      },
    });
    expect(result).toMatchObject({ reason: 'brake', failed: 2, done: 0, exitCode: 4 });
    expect(result.message).toMatch(
      /failure brake: 2 of the last 4 finished jobs of queue brake failed \(more than 25 %\)/,
    );
    const s = await queueStatus(url, 'brake');
    expect([s.queued, s.failed]).toEqual([4, 2]);
    expect(s.jobs.filter((j) => j.status === 'failed').map((j) => j.error)).toEqual([
      'the arena image is missing',
      'the arena image is missing',
    ]);
  });

  it('stops on its signal: the running job is aborted and left queued for resume', async () => {
    const url = await database();
    await submitJobs(url, 'stop', jobs(1));
    const stop = new AbortController();
    const result = await runWorker({
      url,
      queueName: 'stop',
      schema: z.object({ n: z.number() }),
      parallel: 1,
      handleSignals: false,
      signal: stop.signal,
      handler: (_p, signal) =>
        new Promise((_done, fail) => {
          signal.addEventListener('abort', () => fail(new Error('aborted')), { once: true });
          stop.abort();
        }),
    });
    expect(result).toMatchObject({ reason: 'signal', exitCode: 0, done: 0, failed: 0 });
    const s = await queueStatus(url, 'stop');
    expect(s.jobs).toMatchObject([{ key: 't0', status: 'queued', attempts: 1 }]);
    expect(await graphileJobs(url)).toEqual(['stop:t0']);
  });

  it('a worker pointed at an empty database, a closed port or a wrong password gets one clear exit-3 error', async () => {
    const url = await database();
    const opts = { schema: z.object({}), parallel: 1, handler: async () => 'done' as const, handleSignals: false };
    const fail = (u: string) => runWorker({ ...opts, url: u, queueName: 'q' }).catch((e: unknown) => e as UsageError);
    const empty = await fail(url);
    expect(empty).toBeInstanceOf(UsageError);
    expect(empty.exitCode).toBe(3);
    expect(empty.message).toMatch(/no codearena queue in .*run `codearena campaign submit <spec> --queue URL` first/);
    expect(empty.message).not.toContain(new URL(url).password);

    const closed = new URL(url);
    closed.port = '1';
    expect(await fail(closed.toString())).toMatchObject({
      exitCode: 3,
      message: expect.stringMatching(/cannot reach PostgreSQL.*ECONNREFUSED/),
    });
    const wrong = new URL(url);
    wrong.password = 'not-the-password';
    expect(await fail(wrong.toString())).toMatchObject({
      exitCode: 3,
      message: expect.stringMatching(/wrong user or password/),
    });
    expect(await fail('http://example.invalid/x')).toMatchObject({
      exitCode: 3,
      message: expect.stringMatching(/not postgres:/),
    });
    // the failed attempts created nothing: the database is still empty
    await expect(queueStatus(url, 'q')).rejects.toMatchObject({ exitCode: 3 });
    await migrateQueue(url);
    expect((await queueStatus(url, 'q')).jobs).toEqual([]);
  });
});
