// `codearena serve`: the web view, the JSON API and the live streams over the store, until
// Ctrl-C. `codearena run --serve` uses the same pieces around a tournament in this process.
// Either way the gateway runs in a child process of its own (gateway/supervisor.ts): nothing a
// client does to it can end this process or the tournament in it.
import { resolve } from 'node:path';
import { RUNS_DIR } from '../paths.ts';
import type { StoreIndex } from '../store/index-db.ts';
import { DEFAULT_PORT, GatewayConfigError, GatewayProcess, ensureWebBuilt } from '../gateway/index.ts';
import { bold, cyan, dim, yellow } from './format.ts';
import { UsageError } from './preflight.ts';
import { indexSpec, openReadIndex, printableStore } from './store-option.ts';

export interface ServeOptions {
  host?: string;
  port?: number;
  token?: string;
  /** The runs dir: its ladders/ are served (default RUNS_DIR). */
  runs?: string;
}

/** Builds the web app if its sources changed, then starts the gateway process over the index
 *  (a StoreIndex, or an index spec: SQLite path or postgres:// URL); config problems become usage errors. */
export async function openGateway(store: StoreIndex | string, o: ServeOptions): Promise<GatewayProcess> {
  if (o.port !== undefined && o.port > 65535) throw new UsageError(`--port must be at most 65535, got ${o.port}`);
  const built = ensureWebBuilt();
  if (!built.ok)
    process.stderr.write(
      `${yellow('warning:')} the web app could not be built (${built.error}); the API and streams still work\n`,
    );
  try {
    return await GatewayProcess.start({
      index: typeof store === 'string' ? store : resolve(store.path),
      host: o.host ?? '127.0.0.1',
      port: o.port ?? DEFAULT_PORT,
      portFallback: o.port === undefined,
      token: o.token ?? process.env.CODEARENA_TOKEN ?? null,
      ladders: resolve(o.runs ?? RUNS_DIR, 'ladders'),
    });
  } catch (e) {
    if (e instanceof GatewayConfigError) throw new UsageError(e.message);
    throw e;
  }
}

/** The gateway's URL for an app path, keeping the ?token= part. */
export function pageUrl(gateway: GatewayProcess, path: string): string {
  const u = new URL(gateway.url);
  u.pathname = path;
  return u.toString();
}

/** Resolves on the first Ctrl-C (or SIGTERM). */
export function untilInterrupted(): Promise<void> {
  return new Promise((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export async function serveCommand(opts: ServeOptions & { store?: string }): Promise<void> {
  const spec = indexSpec(opts);
  // Opened here first, so a bad --store is one clear error (exit 3) before any process starts.
  const store = await openReadIndex(opts);
  let gateway: GatewayProcess;
  let n: number;
  try {
    n = (await store.listTournaments()).length;
    gateway = await openGateway(spec, opts);
  } catch (e) {
    await store.close();
    throw e;
  }
  process.stdout.write(
    `${bold('codearena web view')}: ${cyan(gateway.url)}\n` +
      `${dim(`${n} tournament${n === 1 ? '' : 's'} in ${opts.store ? printableStore(spec) : resolve(opts.runs ?? RUNS_DIR)}; tournaments running in other processes are followed through their logs`)}\n` +
      `${dim('API: /api/… · socket.io: /socket.io · JSON lines: /stream?tournament=<id>&since=<seq>')}\n` +
      `${dim('Ctrl-C to stop')}\n`,
  );
  await untilInterrupted();
  await gateway.close();
  await store.close();
}
