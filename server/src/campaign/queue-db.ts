// The queue's database: connecting with errors that say what is wrong and how to fix it (exit 3),
// and the schema (graphile-worker's own, plus our tables for workers and job outcomes).
import { hostname } from 'node:os';
import pg from 'pg';
import { Logger, runMigrations } from 'graphile-worker';
import { UsageError } from '../cli/preflight.ts';

/** graphile-worker 0.16 needs PostgreSQL 12 (generated columns, `jsonb` functions). */
const MIN_SERVER_VERSION = 120000;

/** The URL with its password hidden: errors and logs may be shown to anyone. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable URL)';
  }
}

export function checkQueueUrl(url: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UsageError(`queue URL is not a URL; expected postgres://USER:PASSWORD@HOST:PORT/DATABASE`, 3);
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:')
    throw new UsageError(`queue URL ${redactUrl(url)} is not postgres://…; \`codearena pg start\` prints one`, 3);
  return u;
}

/** A node-postgres error turned into one line naming the server and the fix. */
export function connectionError(e: unknown, url: string): UsageError {
  const code = (e as { code?: string }).code ?? '';
  const where = redactUrl(url);
  const u = checkQueueUrl(url);
  if (['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'EAI_AGAIN', 'ECONNRESET'].includes(code))
    return new UsageError(
      `cannot reach PostgreSQL at ${where} (${code}); start it (\`codearena pg start\` prints its URL) or fix the URL`,
      3,
    );
  if (code === '28P01' || code === '28000')
    return new UsageError(
      `PostgreSQL at ${where} refused user ${u.username || '(none)'}: wrong user or password in the URL (\`codearena pg status\` prints the right URL)`,
      3,
    );
  if (code === '3D000')
    return new UsageError(
      `database ${u.pathname.slice(1) || '(none)'} does not exist at ${where}; use the URL \`codearena pg start\` printed`,
      3,
    );
  const msg = e instanceof Error ? e.message : String(e);
  if (/timeout/i.test(msg)) return new UsageError(`PostgreSQL at ${where} did not answer in time (${msg})`, 3);
  return new UsageError(`PostgreSQL at ${where}: ${msg}`, 3);
}

/** A pool whose first connection has been made and whose server is new enough; `config` adds
 *  connection settings (the index's search_path and type parsers). */
export async function openQueuePool(url: string, max = 4, config: pg.PoolConfig = {}): Promise<pg.Pool> {
  checkQueueUrl(url);
  const pool = new pg.Pool({ ...config, connectionString: url, max, connectionTimeoutMillis: 15_000 });
  pool.on('error', () => {
    /* an idle client lost its server: the next query reports it */
  });
  try {
    const { rows } = await pool.query<{ v: string }>(`select current_setting('server_version_num') as v`);
    const version = Number(rows[0]?.v);
    if (version < MIN_SERVER_VERSION)
      throw new UsageError(
        `PostgreSQL at ${redactUrl(url)} is version ${Math.floor(version / 10000)}; the queue needs 12 or newer (\`codearena pg start\` runs a current one)`,
        3,
      );
  } catch (e) {
    await pool.end();
    throw e instanceof UsageError ? e : connectionError(e, url);
  }
  return pool;
}

/** graphile-worker logs through this: only its warnings and errors, one line each, and not the
 *  per-job failures we record ourselves. */
export const quietLogger = new Logger(() => (level, message) => {
  if ((level === 'error' || level === 'warning') && !message.startsWith('Failed task'))
    process.stderr.write(`[queue] ${message.split('\n')[0]}\n`);
});

const OUR_SCHEMA = `
create table if not exists codearena_workers (
  id text primary key,
  queue text not null,
  host text not null,
  pid integer not null,
  parallel integer not null,
  heartbeat_at timestamptz not null default now(),
  started_at timestamptz not null default now()
);
create table if not exists codearena_jobs (
  queue text not null,
  key text not null,
  payload jsonb not null,
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  attempts integer not null default 0,
  worker text,
  error text,
  submitted_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  primary key (queue, key)
);
create index if not exists codearena_jobs_finished on codearena_jobs (queue, finished_at desc);
`;

/** Runs `work` in one transaction on one client: all of it is written, or none. */
export async function inTransaction<R>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<R>): Promise<R> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (e) {
    await client.query('rollback').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

/** graphile-worker's schema and ours; idempotent, and safe when several processes migrate at once. */
export async function migrateQueue(url: string): Promise<void> {
  const pool = await openQueuePool(url);
  try {
    await runMigrations({ pgPool: pool, logger: quietLogger });
    await inTransaction(pool, async (client) => {
      // `create table if not exists` races with itself; one migrator at a time.
      await client.query(`select pg_advisory_xact_lock(hashtext('codearena_queue_schema'))`);
      await client.query(OUR_SCHEMA);
    });
  } catch (e) {
    throw e instanceof UsageError ? e : connectionError(e, url);
  } finally {
    await pool.end();
  }
}

/** A worker never creates the schema: an empty database means a wrong URL or nothing submitted. */
export async function requireQueueSchema(pool: pg.Pool, url: string): Promise<void> {
  const { rows } = await pool.query<{ jobs: string | null; gw: string | null }>(
    `select to_regclass('codearena_jobs')::text as jobs, to_regnamespace('graphile_worker')::text as gw`,
  );
  if (!rows[0]?.jobs || !rows[0]?.gw)
    throw new UsageError(
      `no codearena queue in ${redactUrl(url)} (the database has no codearena_jobs table): ` +
        `run \`codearena campaign submit <spec> --queue URL\` first, or check the URL's database name`,
      3,
    );
}

export const workerIdentity = () => ({ host: hostname(), pid: process.pid });
