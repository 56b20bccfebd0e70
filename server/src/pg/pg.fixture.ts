// The test suite's PostgreSQL: one private server per `vitest run` (started by the global setup
// through the same code as `codearena pg start`, in a temp dir), and a fresh database per test so
// tests never see each other's queues.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { findPgBinaries, serverAccount } from './binaries.ts';
import { startPg, stopPg } from './server.ts';

export const TEST_PG_ENV = 'CODEARENA_TEST_PG_URL';

/** Starts the suite's server; returns its URL and the stops (async at the end, sync on Ctrl-C). */
export async function startTestPg(): Promise<{ url: string; stop: () => Promise<void>; stopNow: () => void }> {
  const base = mkdtempSync(join(tmpdir(), 'codearena-pg-'));
  chmodSync(base, 0o755); // the `postgres` account must reach the data dir when we are root
  const dir = join(base, 'pg');
  const cleanup = () => rmSync(base, { recursive: true, force: true });
  try {
    const { url } = await startPg({ dir });
    return {
      url,
      stop: async () => {
        await stopPg({ dir });
        cleanup();
      },
      stopNow: () => {
        const { uid, gid } = serverAccount();
        try {
          execFileSync(findPgBinaries().pgCtl, ['stop', '-D', join(dir, 'data'), '-m', 'immediate', '-s'], {
            uid,
            gid,
            stdio: 'ignore',
            cwd: '/',
          });
        } catch {
          /* already gone */
        }
        cleanup();
      },
    };
  } catch (e) {
    cleanup();
    throw e;
  }
}

/** The suite server's URL; tells how to get one when the global setup could not start it. */
export function testPgUrl(): string {
  const url = process.env[TEST_PG_ENV];
  if (!url)
    throw new Error(
      `no test PostgreSQL (${TEST_PG_ENV} unset): install Debian's postgresql (\`npm run setup -- --for test\`) and run the tests with vitest's global setup`,
    );
  return url;
}

/** A new empty database on the suite's server, and a drop for the test's `finally`. */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = testPgUrl();
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`create database ${name}`);
  const u = new URL(base);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}
