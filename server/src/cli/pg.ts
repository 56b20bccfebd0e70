// `codearena pg start|stop|status [--dir DIR]`: the private PostgreSQL campaigns queue on. The URL
// is the last line of stdout, so scripts take it with `tail -n1`.
import type { Command } from 'commander';
import { intOption } from './int-option.ts';
import { DEFAULT_PG_DIR, pgStatus, startPg, stopPg } from '../pg/server.ts';

/** Adds `pg start|stop|status`. */
export function registerPgCommands(program: Command): void {
  const pg = program
    .command('pg')
    .description("a private PostgreSQL (Debian's package) for campaign queues: start, stop, status");
  const dir = ['--dir <dir>', `its own directory: data, password, socket, log (default ${DEFAULT_PG_DIR})`] as const;
  pg.command('start')
    .description('start it (set it up the first time); when it runs already, print its URL again (last line of stdout)')
    .option(...dir)
    .option('--port <n>', 'TCP port on 127.0.0.1 (default: the one it had, else a free one)', intOption('--port', 1))
    .action(pgStartCommand);
  pg.command('stop')
    .description('stop it (fast: open sessions end)')
    .option(...dir)
    .action(pgStopCommand);
  pg.command('status')
    .description('print its URL when it runs (exit 1 when not)')
    .option(...dir)
    .action(pgStatusCommand);
}

export async function pgStartCommand(o: { dir?: string; port?: number }): Promise<void> {
  const s = await startPg(o);
  process.stderr.write(
    s.started
      ? `PostgreSQL started in ${s.dir} on 127.0.0.1:${s.port} (stop it: codearena pg stop${dirFlag(o.dir)})\n`
      : `PostgreSQL already runs in ${s.dir} on 127.0.0.1:${s.port}\n`,
  );
  if (!s.started && o.port !== undefined && o.port !== s.port)
    process.stderr.write(`--port ${o.port} ignored: stop it first to move it\n`);
  process.stdout.write(`${s.url}\n`);
}

export async function pgStopCommand(o: { dir?: string }): Promise<void> {
  const stopped = await stopPg(o);
  process.stdout.write(stopped ? 'PostgreSQL stopped\n' : `no PostgreSQL running in ${o.dir ?? DEFAULT_PG_DIR}\n`);
}

/** Exit 0 with the URL as the last line when it runs, 1 when it does not. */
export async function pgStatusCommand(o: { dir?: string }): Promise<void> {
  const s = await pgStatus(o);
  if (!s.url) {
    process.stdout.write(`no PostgreSQL running in ${s.dir} (start it: codearena pg start${dirFlag(o.dir)})\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`PostgreSQL runs in ${s.dir}\n${s.url}\n`);
}

const dirFlag = (dir?: string) => (dir === undefined ? '' : ` --dir ${JSON.stringify(dir)}`);
