// `codearena campaign run` on one machine, for real (CLI, Docker, SQLite): a campaign of two arenas
// killed (SIGKILL of its whole process group) while its tournaments run, then run again, ends with
// exactly the results of the same campaign run without interruption; tournaments that had
// finished are not run again, the ones cut short are resumed; the same name with another spec is
// refused; and its leaderboard reads the campaign.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../paths.ts';
import { listContainers } from '../sandbox/cleanup.ts';
import { type RunFolder } from '../store/run-folder.ts';
import { campaignResults, cliRunner, eventsOf, runFolders } from './campaign-cli.fixture.ts';

const NAME = `camp-test-${process.pid}`;
let work: string;
const { cli, killAll } = cliRunner();

const spec = (seed: number) => `
campaign: { name: ${NAME}, repeats: 2, seed: ${seed} }
tournament: { rounds: 1, sims_per_round: 3, sim_concurrency: 1 }
arenas: [ { id: battlesnake }, { id: corewar } ]
pairing: round-robin
roster:
  - { name: a, agent: { kind: noop } }
  - { name: b, agent: { kind: noop }, codebase: { corewar: ${join(ROOT, 'arenas/corewar/bots/dwarf')} } }
limits: { edit_seconds: 60 }
`;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'codearena-campaign-run-'));
  writeFileSync(join(work, 'spec.yaml'), spec(5));
  writeFileSync(join(work, 'other.yaml'), spec(6));
});
afterAll(() => {
  killAll();
  if (!process.env.KEEP_RUNS) rmSync(work, { recursive: true, force: true });
});

const finished = (f: RunFolder) => eventsOf(f.readEvents(), 'tournament.finished').some((e) => e.status === 'finished');

/** Per tournament: every round's score and the final ratings. */

describe('codearena campaign run (embedded)', () => {
  let reference: ReturnType<typeof campaignResults>;

  beforeAll(async () => {
    const runs = join(work, 'reference');
    const r = await cli(['campaign', 'run', join(work, 'spec.yaml'), '--runs', runs, '--parallel', '2', '--quiet'])
      .exited;
    expect(r.code, r.out).toBe(0);
    reference = campaignResults(runs);
    expect(Object.keys(reference)).toHaveLength(4);
  });

  it('killed mid-campaign and run again: finished tournaments are kept, the rest resumed, results identical', async () => {
    const runs = join(work, 'killed');
    const args = ['campaign', 'run', join(work, 'spec.yaml'), '--runs', runs, '--parallel', '2', '--quiet'];
    const first = cli(args);
    // Kill once one tournament has finished and another is under way.
    while (!(runFolders(runs).some(finished) && runFolders(runs).some((f) => !finished(f)))) {
      if (first.child.exitCode !== null) throw new Error('the campaign finished before it could be killed');
      await new Promise((r) => setTimeout(r, 50));
    }
    process.kill(-first.child.pid!, 'SIGKILL');
    await first.exited;
    const doneBefore = runFolders(runs)
      .filter(finished)
      .map((f) => f.runDir);
    expect(doneBefore.length).toBeGreaterThan(0);

    const again = await cli(args).exited;
    expect(again.code, again.out).toBe(0);
    expect(again.out).toContain('done earlier');
    expect(campaignResults(runs)).toEqual(reference);
    for (const f of runFolders(runs)) {
      const ev = f.readEvents();
      expect(eventsOf(ev, 'tournament.started')).toHaveLength(1);
      // Finished ones were not touched again; the others were resumed (or started, if the kill
      // came before their first event).
      if (doneBefore.includes(f.runDir)) expect(eventsOf(ev, 'tournament.resumed')).toEqual([]);
      expect(ev.map((e) => e.seq)).toEqual(ev.map((_, i) => i));
      expect(await listContainers(f.runDir.split('/').at(-1))).toEqual([]);
    }
    // A third run has nothing left to do.
    const third = await cli(args).exited;
    expect(third.code, third.out).toBe(0);
    expect(third.out.match(/done earlier/g)).toHaveLength(4);

    const lb = await cli(['leaderboard', '--campaign', NAME, '--runs', runs]).exited;
    expect(lb.code, lb.out).toBe(0);
    expect(lb.out).toContain('corewar');
  });

  it('refuses the same campaign name with another spec, naming the fix', async () => {
    const r = await cli(['campaign', 'run', join(work, 'other.yaml'), '--runs', join(work, 'reference')]).exited;
    expect(r.code, r.out).toBe(2);
    expect(r.out).toMatch(/another spec/);
    expect(r.out).toMatch(/another campaign\.name/);
  });
});
