// `codearena pg start|stop|status` with Debian's real PostgreSQL, through the CLI.
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { UsageError } from '../cli/preflight.ts';
import { ROOT } from '../paths.ts';
import { findPgBinaries } from './binaries.ts';
import { stopPg } from './server.ts';

const BIN = join(ROOT, 'server/bin/codearena.js');
const cli = (...args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((done) =>
    execFile(
      process.execPath,
      [BIN, 'pg', ...args],
      { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } },
      (e, stdout, stderr) => done({ code: e ? Number(e.code ?? 1) : 0, stdout, stderr }),
    ),
  );
const lastLine = (s: string) => s.trimEnd().split('\n').at(-1) ?? '';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

it('starts a private server once, prints its URL last, and stops it; the data survives a restart', async () => {
  const base = mkdtempSync(join(tmpdir(), 'pg-cli-'));
  chmodSync(base, 0o755);
  const dir = join(base, 'pg');
  cleanups.push(() => rmSync(base, { recursive: true, force: true }));
  cleanups.push(() => stopPg({ dir }));

  const first = await cli('start', '--dir', dir);
  expect(first.code).toBe(0);
  const url = lastLine(first.stdout);
  expect(url).toMatch(/^postgres:\/\/codearena:[0-9a-f]{48}@127\.0\.0\.1:\d+\/codearena$/);
  expect(statSync(join(dir, 'password')).mode & 0o777).toBe(0o600);

  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const settings = await c.query(
    `select current_database() as db, current_setting('listen_addresses') as listen, current_setting('password_encryption') as enc`,
  );
  await c.query('create table kept (x int)');
  await c.end();
  expect(settings.rows[0]).toEqual({ db: 'codearena', listen: '127.0.0.1', enc: 'scram-sha-256' });
  const noPassword = new URL(url);
  noPassword.password = 'wrong';
  await expect(new pg.Client({ connectionString: noPassword.toString() }).connect()).rejects.toMatchObject({
    code: '28P01',
  });

  const again = await cli('start', '--dir', dir);
  expect(again.code).toBe(0);
  expect(lastLine(again.stdout)).toBe(url);
  expect(again.stderr).toMatch(/already runs/);
  expect(lastLine((await cli('status', '--dir', dir)).stdout)).toBe(url);

  expect(await cli('stop', '--dir', dir)).toMatchObject({ code: 0, stdout: 'PostgreSQL stopped\n' });
  await expect(new pg.Client({ connectionString: url }).connect()).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  expect(await cli('status', '--dir', dir)).toMatchObject({ code: 1 });
  expect((await cli('stop', '--dir', dir)).stdout).toMatch(/no PostgreSQL running/);

  const restarted = await cli('start', '--dir', dir);
  expect(lastLine(restarted.stdout)).toBe(url);
  const d = new pg.Client({ connectionString: url });
  await d.connect();
  expect((await d.query(`select to_regclass('kept')::text as t`)).rows[0].t).toBe('kept');
  await d.end();
});

it('names the fix when the PostgreSQL binaries are missing (exit 3)', () => {
  let err: unknown;
  try {
    findPgBinaries(join(tmpdir(), 'no-postgresql-here'));
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(UsageError);
  expect(err).toMatchObject({ exitCode: 3, message: expect.stringMatching(/apt-get install -y postgresql/) });
});
