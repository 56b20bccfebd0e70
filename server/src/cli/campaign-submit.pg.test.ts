// `campaign submit` and `worker` at the command line against the real PostgreSQL: bad input is
// one message and an exit code, with nothing half-written (no campaign folder, no job).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueStatus } from '../campaign/queue.ts';
import { TOURNAMENT_QUEUE } from '../campaign/tournament-worker.ts';
import { ROOT } from '../paths.ts';
import { freshDatabase } from '../pg/pg.fixture.ts';

const BIN = join(ROOT, 'server', 'bin', 'codearena.js');
let work: string;
let db: Awaited<ReturnType<typeof freshDatabase>>;
const spec = (seed: number) => `campaign: { name: submit-test, repeats: 2, seed: ${seed} }
arenas: [ { id: corewar } ]
roster:
  - { name: a, agent: { kind: noop } }
  - { name: b, agent: { kind: noop } }
`;
const cli = (...args: string[]) => cliWith({}, ...args);
const cliWith = (env: NodeJS.ProcessEnv, ...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'codearena-submit-'));
  writeFileSync(join(work, 'spec.yaml'), spec(1));
  writeFileSync(join(work, 'other.yaml'), spec(2));
  db = await freshDatabase();
});
afterAll(async () => {
  await db?.drop();
  rmSync(work, { recursive: true, force: true });
});

describe('campaign submit and worker at the command line', () => {
  it('an unreachable queue is exit 3 with nothing written', () => {
    const runs = join(work, 'unreachable');
    const r = cli(
      'campaign',
      'submit',
      join(work, 'spec.yaml'),
      '--queue',
      'postgres://x:y@127.0.0.1:1/none',
      '--runs',
      runs,
    );
    expect(r.code, r.out).toBe(3);
    expect(r.out).not.toContain(':y@');
    expect(existsSync(join(runs, 'campaigns'))).toBe(false);
  });

  it('a worker pointed at an empty database (through CODEARENA_QUEUE) is exit 3, naming the fix', () => {
    const r = cliWith({ CODEARENA_QUEUE: db.url }, 'worker', '--runs', join(work, 'runs'), '--until-drained');
    expect(r.code, r.out).toBe(3);
    expect(r.out).toMatch(/campaign submit/);
  });

  it('submits once; again adds nothing; another spec under the same name is refused and queues nothing', async () => {
    const runs = join(work, 'runs');
    const first = cli('campaign', 'submit', join(work, 'spec.yaml'), '--queue', db.url, '--runs', runs);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toContain('2 tournaments queued');
    expect(first.out).toContain('CODEARENA_QUEUE');
    const again = cli('campaign', 'submit', join(work, 'spec.yaml'), '--queue', db.url, '--runs', runs);
    expect(again.code, again.out).toBe(0);
    expect(again.out).toContain('0 tournaments queued, 2 already in the queue');
    const other = cli('campaign', 'submit', join(work, 'other.yaml'), '--queue', db.url, '--runs', runs);
    expect(other.code, other.out).toBe(2);
    expect(other.out).toMatch(/another spec/);
    const status = await queueStatus(db.url, TOURNAMENT_QUEUE);
    expect([status.queued, status.jobs.length]).toEqual([2, 2]);
  });
});
