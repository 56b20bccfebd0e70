// A private PostgreSQL for campaigns (`codearena pg start|stop|status`): Debian's binaries, a data
// directory of its own, TCP on 127.0.0.1 only plus a unix socket in that directory, scram password
// auth with a generated password kept 0600 beside the data, and a database `codearena`.
//
// Layout of DIR:  data/ (PGDATA)  password (0600)  server.log  .s.PGSQL.<port> (socket)
// Everything in DIR belongs to the account the server runs as (`postgres` when we are root).
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { UsageError } from '../cli/preflight.ts';
import { RUNS_DIR } from '../paths.ts';
import { findPgBinaries, serverAccount, type PgBinaries } from './binaries.ts';

/** Beside the run folders and their SQLite index: one place per checkout holds all results, and
 *  reachable by the `postgres` account when we are root (a home such as /root is mode 0700). */
export const DEFAULT_PG_DIR = resolve(RUNS_DIR, '.pg');
export const PG_USER = 'codearena';
export const PG_DATABASE = 'codearena';
const CONF = 'codearena.conf';

export interface PgServer {
  dir: string;
  port: number;
  url: string;
  /** false when it was already running (start is idempotent). */
  started: boolean;
}

interface Ctx {
  dir: string;
  data: string;
  bins: PgBinaries;
  account: ReturnType<typeof serverAccount>;
}

const context = (dir = DEFAULT_PG_DIR): Ctx => {
  const bins = findPgBinaries();
  const abs = resolve(dir);
  return { dir: abs, data: join(abs, 'data'), bins, account: serverAccount() };
};

/** Runs a PostgreSQL program as the server account; resolves with its exit code and output. */
function runAs(ctx: Ctx, file: string, args: string[]): Promise<{ code: number; output: string }> {
  const asOther = ctx.account.uid !== process.getuid?.();
  return new Promise((done) => {
    execFile(
      file,
      args,
      {
        cwd: existsSync(ctx.dir) ? ctx.dir : '/',
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' },
        ...(asOther ? { uid: ctx.account.uid, gid: ctx.account.gid } : {}),
        timeout: 120_000,
      },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        done({ code, output: `${stdout}${stderr}`.trim() });
      },
    );
  });
}

const isRunning = async (ctx: Ctx) =>
  existsSync(join(ctx.data, 'PG_VERSION')) && (await runAs(ctx, ctx.bins.pgCtl, ['status', '-D', ctx.data])).code === 0;

const readPort = (ctx: Ctx): number | undefined => {
  try {
    const m = /^port = (\d+)$/m.exec(readFileSync(join(ctx.data, CONF), 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
};

const urlOf = (ctx: Ctx, port: number) => {
  const password = readFileSync(join(ctx.dir, 'password'), 'utf8').trim();
  return `postgres://${PG_USER}:${password}@127.0.0.1:${port}/${PG_DATABASE}`;
};

function giveToAccount(ctx: Ctx, path: string) {
  if (ctx.account.uid !== process.getuid?.()) chownSync(path, ctx.account.uid, ctx.account.gid);
}

/** The server account must be able to walk down to DIR; say which directory stops it, not initdb. */
function checkReachable(ctx: Ctx) {
  const { uid, gid, name } = ctx.account;
  if (uid === process.getuid?.()) return;
  for (let d = dirname(ctx.dir); ; d = dirname(d)) {
    if (!existsSync(d)) continue; // made below, mode 0755
    const st = statSync(d);
    const x = st.uid === uid ? st.mode & 0o100 : st.gid === gid ? st.mode & 0o010 : st.mode & 0o001;
    if (!x)
      throw new UsageError(
        `PostgreSQL runs as ${name}, which cannot enter ${d} (mode ${(st.mode & 0o777).toString(8)}); ` +
          `pass --dir under a directory it can reach (e.g. ${DEFAULT_PG_DIR} or /var/lib/codearena/pg)`,
      );
    if (d === dirname(d)) return;
  }
}

async function initialise(ctx: Ctx) {
  checkReachable(ctx);
  mkdirSync(dirname(ctx.dir), { recursive: true, mode: 0o755 });
  mkdirSync(ctx.dir, { recursive: true, mode: 0o700 });
  chmodSync(ctx.dir, 0o700);
  giveToAccount(ctx, ctx.dir);
  const pwFile = join(ctx.dir, 'password');
  writeFileSync(pwFile, randomBytes(24).toString('hex') + '\n', { mode: 0o600 });
  giveToAccount(ctx, pwFile);
  const init = await runAs(ctx, ctx.bins.initdb, [
    '-D',
    ctx.data,
    '-U',
    PG_USER,
    `--pwfile=${pwFile}`,
    '--auth-host=scram-sha-256',
    '--auth-local=scram-sha-256',
    '--encoding=UTF8',
    '--no-locale',
    '--no-instructions',
  ]);
  if (init.code !== 0) {
    rmSync(ctx.data, { recursive: true, force: true }); // nothing half-made: the next start retries
    throw new UsageError(`initdb failed for ${ctx.data}:\n${init.output.slice(-2000)}`, 3);
  }
  const conf = join(ctx.data, 'postgresql.conf');
  writeFileSync(conf, `${readFileSync(conf, 'utf8')}\ninclude_if_exists = '${CONF}'\n`);
}

function writeSettings(ctx: Ctx, port: number) {
  const file = join(ctx.data, CONF);
  // Loopback TCP only; the socket lives in DIR (not /var/run/postgresql, which may not exist).
  writeFileSync(
    file,
    `# written by codearena pg start\nlisten_addresses = '127.0.0.1'\nport = ${port}\nunix_socket_directories = '${ctx.dir.replaceAll("'", "''")}'\n`,
    { mode: 0o600 },
  );
  giveToAccount(ctx, file);
}

const freePort = () =>
  new Promise<number>((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => done(typeof a === 'object' && a ? a.port : 0));
    });
  });

async function ensureDatabase(ctx: Ctx, port: number) {
  const password = readFileSync(join(ctx.dir, 'password'), 'utf8').trim();
  const client = new pg.Client({ host: '127.0.0.1', port, user: PG_USER, password, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [PG_DATABASE]);
    if (!rowCount) await client.query(`create database ${PG_DATABASE}`);
  } finally {
    await client.end();
  }
}

/** Starts the server in DIR (initialising it the first time); when it already runs, returns its URL. */
export async function startPg(o: { dir?: string; port?: number } = {}): Promise<PgServer> {
  const ctx = context(o.dir);
  if (await isRunning(ctx)) {
    const port = readPort(ctx);
    if (port === undefined) throw new UsageError(`a PostgreSQL runs in ${ctx.data} but not one codearena set up`, 3);
    return { dir: ctx.dir, port, url: urlOf(ctx, port), started: false };
  }
  if (!existsSync(join(ctx.data, 'PG_VERSION'))) await initialise(ctx);
  const made = Number(readFileSync(join(ctx.data, 'PG_VERSION'), 'utf8').trim().split('.')[0]);
  if (made !== ctx.bins.version)
    throw new UsageError(
      `${ctx.data} was made by PostgreSQL ${made}, but this machine has ${ctx.bins.version}; ` +
        `remove ${ctx.dir} (its queue and index are lost) or upgrade it with pg_upgrade`,
      3,
    );
  const port = o.port ?? readPort(ctx) ?? (await freePort());
  writeSettings(ctx, port);
  const log = join(ctx.dir, 'server.log');
  const start = await runAs(ctx, ctx.bins.pgCtl, ['start', '-D', ctx.data, '-l', log, '-w', '-t', '60', '-s']);
  if (start.code !== 0) {
    let tail = '';
    try {
      tail = readFileSync(log, 'utf8').slice(-2000);
    } catch {
      /* no log yet */
    }
    throw new UsageError(
      `PostgreSQL did not start in ${ctx.dir} on 127.0.0.1:${port}:\n${start.output}\n${tail}`.trim() +
        `\nFix: if the port is taken, pass another with --port`,
      3,
    );
  }
  await ensureDatabase(ctx, port);
  return { dir: ctx.dir, port, url: urlOf(ctx, port), started: true };
}

/** Stops the server in DIR (fast: open sessions are ended). false when it was not running. */
export async function stopPg(o: { dir?: string } = {}): Promise<boolean> {
  const ctx = context(o.dir);
  if (!(await isRunning(ctx))) return false;
  const stop = await runAs(ctx, ctx.bins.pgCtl, ['stop', '-D', ctx.data, '-m', 'fast', '-w', '-t', '60', '-s']);
  if (stop.code !== 0) throw new UsageError(`pg_ctl stop failed for ${ctx.data}:\n${stop.output}`, 3);
  return true;
}

export async function pgStatus(o: { dir?: string } = {}): Promise<{ dir: string; running: boolean; url?: string }> {
  const ctx = context(o.dir);
  const port = readPort(ctx);
  if (!(await isRunning(ctx)) || port === undefined) return { dir: ctx.dir, running: false };
  return { dir: ctx.dir, running: true, url: urlOf(ctx, port) };
}
