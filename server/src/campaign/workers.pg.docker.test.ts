// A campaign of 12 short tournaments (noop and search players, two arenas) worked by 3 `codearena
// worker` processes over the real PostgreSQL queue, workers SIGKILLed (whole process group) at
// seeded random moments and replaced: every tournament finishes exactly once, with the results of
// the same campaign run embedded, and the campaign leaderboard — read from the index the workers
// share in that PostgreSQL — is the same.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '@codearena/protocol';
import { ROOT } from '../paths.ts';
import { freshDatabase } from '../pg/pg.fixture.ts';
import { listContainers } from '../sandbox/cleanup.ts';
import { campaignResults, cliRunner, eventsOf, runFolders } from './campaign-cli.fixture.ts';
import { queueStatus } from './queue.ts';
import { TOURNAMENT_QUEUE } from './tournament-worker.ts';

const NAME = `workers-${process.pid}`;
const KILLS = 4;
const SEED = Number(process.env.CODEARENA_WORKERS_SEED ?? 13);
let work: string;
let db: Awaited<ReturnType<typeof freshDatabase>>;
const { cli, killAll } = cliRunner();

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'codearena-workers-'));
  writeFileSync(
    join(work, 'spec.yaml'),
    `campaign: { name: ${NAME}, repeats: 2, seed: 3 }
tournament: { rounds: 1, sims_per_round: 2, sim_concurrency: 1 }
arenas: [ { id: battlesnake }, { id: corewar } ]
pairing: round-robin
roster:
  - { name: tuner, agent: { kind: search, candidates: 1, sims_per_candidate: 2, step: 0.3 } }
  - { name: control, agent: { kind: noop } }
  - { name: dwarf, agent: { kind: noop }, codebase: { corewar: ${join(ROOT, 'arenas/corewar/bots/dwarf')} } }
limits: { edit_seconds: 120 }
`,
  );
  db = await freshDatabase();
});
afterAll(async () => {
  killAll();
  await db?.drop();
  if (!process.env.KEEP_RUNS) rmSync(work, { recursive: true, force: true });
});

const lastLine = (out: string) => out.slice(out.lastIndexOf('\n', out.length - 2) + 1);

describe('a campaign on 3 workers over PostgreSQL, workers killed and replaced', () => {
  /** The same campaign run embedded: what every queued run must equal. */
  const embedded = () => join(work, 'embedded');
  beforeAll(async () => {
    const ref = await cli([
      'campaign',
      'run',
      join(work, 'spec.yaml'),
      '--runs',
      embedded(),
      '--parallel',
      '2',
      '--quiet',
    ]).exited;
    expect(ref.code, ref.out).toBe(0);
  });

  it('finishes every tournament exactly once, as the embedded run does, with the same leaderboard', async () => {
    const runs = join(work, 'workers');
    const sub = await cli(['campaign', 'submit', join(work, 'spec.yaml'), '--queue', db.url, '--runs', runs]).exited;
    expect(sub.code, sub.out).toBe(0);
    const worker = () =>
      cli(['worker', '--queue', db.url, '--runs', runs, '--until-drained', '--heartbeat', '1', '--dead-after', '3']);
    const live = [worker(), worker(), worker()];
    const rng = createRng(SEED);
    let kills = 0;
    const started = () => live.reduce((n, w) => n + (w.output().match(/^(start|resume) /gm)?.length ?? 0), 0);
    const ended = (w: (typeof live)[number]) => w.child.exitCode !== null || w.child.signalCode !== null;
    while (kills < KILLS && !live.every(ended)) {
      // Wait until some tournament has started since the last kill, then kill a random worker
      // after a random share of a moment (inside its tournament, mostly).
      const before = started();
      while (started() === before) {
        if (live.every(ended)) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      // A worker whose last line says it started (or resumed) a tournament is inside one.
      const busy = live.filter(
        (w) =>
          w.child.exitCode === null &&
          w.child.signalCode === null &&
          /^(start|resume) .*\n$/m.test(lastLine(w.output())),
      );
      if (!busy.length) continue;
      await new Promise((r) => setTimeout(r, rng.int(500)));
      const victim = busy[rng.int(busy.length)]!;
      if (victim.child.exitCode !== null) continue;
      process.kill(-victim.child.pid!, 'SIGKILL');
      await victim.exited;
      kills++;
      live.push(worker());
    }
    const ends = await Promise.all(live.map((w) => w.exited));
    for (const e of ends) if (e.code !== null) expect(e.code, e.out).toBe(0);
    expect(kills).toBe(KILLS);

    const status = await queueStatus(db.url, TOURNAMENT_QUEUE);
    expect([status.done, status.failed, status.queued, status.running]).toEqual([12, 0, 0, 0]);
    // Killed workers' tournaments were taken over by others (a second attempt, resumed).
    expect(status.jobs.filter((j) => j.attempts > 1).length).toBeGreaterThan(0);
    expect(campaignResults(runs)).toEqual(campaignResults(embedded()));
    for (const f of runFolders(runs)) {
      const ev = f.readEvents();
      expect(eventsOf(ev, 'tournament.finished').filter((e) => e.status === 'finished')).toHaveLength(1);
      expect(ev.map((e) => e.seq)).toEqual(ev.map((_, i) => i));
      expect(f.readLease()).toBeNull();
      expect(await listContainers(f.runDir.split('/').at(-1))).toEqual([]);
    }
    // The workers' index is the queue's PostgreSQL; the embedded run's is SQLite.
    const board = async (where: string[]) => {
      const r = await cli(['leaderboard', '--campaign', NAME, ...where, '--json']).exited;
      expect(r.code, r.out).toBe(0);
      return JSON.parse(r.out) as unknown;
    };
    expect(await board(['--store', db.url])).toEqual(await board(['--runs', embedded()]));
    const list = await cli(['list', '--store', db.url, '--json']).exited;
    expect((JSON.parse(list.out) as { tournaments: { status: string }[] }).tournaments.map((t) => t.status)).toEqual(
      Array(12).fill('finished'),
    );
  });

  it('campaign run --queue submits and works the queue itself until it is drained', async () => {
    const own = await freshDatabase();
    try {
      const runs = join(work, 'run-queue');
      const r = await cli(['campaign', 'run', join(work, 'spec.yaml'), '--queue', own.url, '--runs', runs, '--quiet'])
        .exited;
      expect(r.code, r.out).toBe(0);
      expect(r.out).toContain('has no job left to run');
      const status = await queueStatus(own.url, TOURNAMENT_QUEUE);
      expect([status.done, status.failed]).toEqual([12, 0]);
      expect(campaignResults(runs)).toEqual(campaignResults(embedded()));
    } finally {
      await own.drop();
    }
  });
});
