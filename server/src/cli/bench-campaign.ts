// Campaign throughput in `npm run bench`: the same small campaign (CoreWar, noop players: the
// tournaments are short, so the queue's share shows) run embedded, by 1 queue worker and by 2, on
// a private PostgreSQL started for the bench. Reported as ratios measured in one run: workers
// 2 / 1, and the queue's overhead per tournament (1 worker against the embedded run).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import pg from 'pg';
import { type CampaignJob, CampaignSpec } from '@codearena/protocol';
import { expandCampaign } from '../campaign/expand.ts';
import { submitJobs } from '../campaign/queue.ts';
import { runCampaign } from '../campaign/run-embedded.ts';
import { TOURNAMENT_QUEUE } from '../campaign/tournament-worker.ts';
import { ROOT } from '../paths.ts';
import { startPg, stopPg } from '../pg/server.ts';
import { StoreIndex } from '../store/index-db.ts';
import { bold, dim, table } from './format.ts';

const TOURNAMENTS = 8;
const BIN = join(ROOT, 'server', 'bin', 'codearena.js');

export async function benchCampaign(): Promise<void> {
  const base = mkdtempSync(join(tmpdir(), 'codearena-bench-campaign-'));
  chmodSync(base, 0o755); // PostgreSQL runs as its own account (as root: postgres) and must enter it
  let server: Awaited<ReturnType<typeof startPg>> | undefined;
  try {
    server = await startPg({ dir: join(base, 'pg') });
    const { url } = server;
    process.stderr.write(`${bold('bench')}: campaign of ${TOURNAMENTS} CoreWar tournaments (noop players)\n`);
    const embedded = await timed('embedded, 1 at a time', base, async (runsDir, jobs, store) => {
      await runCampaign({ jobs, runsDir, parallel: 1, store, signal: new AbortController().signal });
    });
    const workers = async (n: number) =>
      timed(`${n} queue worker process${n > 1 ? 'es' : ''}`, base, async (runsDir, jobs) => {
        const db = await freshDatabase(url, `bench_${n}`);
        await submitJobs(
          db,
          TOURNAMENT_QUEUE,
          jobs.map((j) => ({ key: j.runId, payload: j })),
        );
        // Workers are processes, as in production (the CoreWar engine runs on the worker's thread).
        await Promise.all(Array.from({ length: n }, () => workerProcess(db, runsDir)));
      });
    const one = await workers(1);
    const two = await workers(2);
    const perS = (ms: number) => TOURNAMENTS / (ms / 1000);
    process.stdout.write(
      `\n${table(
        ['campaign', 'tournaments/s'],
        [
          ['embedded, 1 at a time', perS(embedded).toFixed(2)],
          ['1 queue worker', perS(one).toFixed(2)],
          ['2 queue workers', perS(two).toFixed(2)],
        ],
        [1],
      )}\n`,
    );
    process.stdout.write(`campaign workers 2 / 1:       ${(one / two).toFixed(2)}× tournaments/s\n`);
    process.stdout.write(
      `queue overhead per tournament: ${((one - embedded) / TOURNAMENTS).toFixed(0)} ms (1 worker process vs embedded, same tournaments, the worker's start included)\n`,
    );
  } finally {
    if (server) await stopPg({ dir: server.dir });
    rmSync(base, { recursive: true, force: true });
  }
}

async function timed(
  label: string,
  base: string,
  work: (runsDir: string, jobs: CampaignJob[], store: StoreIndex) => Promise<void>,
): Promise<number> {
  const runsDir = mkdtempSync(join(base, 'runs-'));
  const jobs = expandCampaign(spec(), runsDir);
  const store = new StoreIndex(join(runsDir, 'codearena.sqlite'));
  const t0 = performance.now();
  try {
    await work(runsDir, jobs, store);
  } finally {
    store.close();
  }
  const ms = performance.now() - t0;
  process.stderr.write(dim(`  ${label}: ${TOURNAMENTS} tournaments in ${(ms / 1000).toFixed(2)} s\n`));
  return ms;
}

const spec = () =>
  CampaignSpec.parse({
    campaign: { name: 'bench', repeats: TOURNAMENTS, seed: 1 },
    tournament: { rounds: 1, sims_per_round: 4, sim_concurrency: 1 },
    arenas: [{ id: 'corewar' }],
    pairing: 'round-robin',
    roster: [
      { name: 'a', agent: { kind: 'noop' } },
      { name: 'b', agent: { kind: 'noop' } },
    ],
  });

function workerProcess(url: string, runsDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'worker', '--queue', url, '--runs', runsDir, '--until-drained'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`worker exited ${code}: ${err.slice(-2000)}`)),
    );
  });
}

async function freshDatabase(url: string, name: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name}`);
  } finally {
    await c.end();
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
