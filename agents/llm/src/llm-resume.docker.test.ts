// An LLM tournament killed in the middle of an edit phase (SIGKILL of the CLI's whole process
// group) and resumed: the answers already recorded are not asked of the provider again (the
// scripted server counts every call it answers), and the run ends as the same tournament run
// without interruption. Then `codearena replay` re-runs it with no API key and no call to the
// provider, and reproduces every diff.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Event, type EventOf, ReplayReport } from '@codearena/protocol';
import { killableCli, runIn, until } from '@codearena/server/cli/killable-cli.fixture.ts';
import { listContainers } from '@codearena/server/sandbox/cleanup.ts';
import { RunFolder } from '@codearena/server/store/run-folder.ts';
import { RAISE_FOOD } from './test-support/bot-edits.ts';
import { type Reply, type ScriptedServer, startScriptedServer } from './test-support/scripted-server.ts';

const KEY_ENV = 'CODEARENA_TEST_RESUME_KEY';
/** Answer 3 runs long: the kill lands while it runs, after the answer was recorded and before the
 *  next call (an answer in flight when a process dies is lost with it, and paid twice). */
const KILL_AFTER = 3;
const script = (): Reply[] => [
  { text: 'Look first.', command: 'cat params.json' },
  { text: 'Food matters more.', command: RAISE_FOOD },
  { command: "sleep 20; printf 'round 1: food 9\\n' > NOTES.md" },
  { command: 'submit' },
  { command: "printf 'round 2: kept it\\n' >> NOTES.md; git diff --stat | tail -1" },
  { command: 'submit' },
];

let work: string;
const servers: ScriptedServer[] = [];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'codearena-llm-resume-'));
});
afterAll(async () => {
  cliRuns.killAll();
  for (const s of servers) await s.close();
  if (!process.env.KEEP_RUNS) rmSync(work, { recursive: true, force: true });
});

function configFor(server: ScriptedServer, name: string): string {
  const file = join(work, `${name}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      tournament: { name, rounds: 2, sims_per_round: 2, sim_concurrency: 2, seed: 11 },
      arena: { id: 'battlesnake' },
      players: [
        {
          name: 'gpt',
          agent: {
            kind: 'llm',
            provider: 'openai',
            model: 'gpt-4o-mini',
            base_url: server.baseURL,
            api_key_env: KEY_ENV,
            retries: 0,
            limits: { steps: 8 },
          },
        },
        { name: 'control', agent: { kind: 'noop' } },
      ],
      limits: { edit_seconds: 300 },
    }),
  );
  return file;
}

const cliRuns = killableCli();
const cli = (args: string[], env: NodeJS.ProcessEnv = { ...process.env, [KEY_ENV]: 'test-key' }) =>
  cliRuns.start(args, env);

const of = <T extends Event['type']>(events: Event[], t: T) => events.filter((e): e is EventOf<T> => e.type === t);
/** What must come out the same: each round's score, each edit's exit and diff, the ratings. */
function outcome(folder: RunFolder) {
  const events = folder.readEvents();
  const last = new Map<string, EventOf<'edit.finished'>>();
  for (const e of of(events, 'edit.finished')) last.set(`${e.round}/${e.player}`, e);
  return {
    rounds: of(events, 'round.finished').map((e) => [e.round, e.simWins, e.ties, e.winner]),
    edits: [...last.values()].map((e) => [e.round, e.player, e.exit, e.steps, e.diff]).sort(),
    diffs: [1, 2].map((r) => readFileSync(folder.diff('gpt', r), 'utf8')),
    finished: of(events, 'tournament.finished').map((e) => [e.status, e.winner, e.roundWins, e.ratings]),
  };
}

describe('an llm tournament killed mid-edit', () => {
  let reference: ReturnType<typeof outcome>;
  let resumed: RunFolder;
  let server: ScriptedServer;

  beforeAll(async () => {
    const ref = await startScriptedServer('openai', script());
    servers.push(ref);
    const runs = join(work, 'reference');
    const r = await cli(['run', configFor(ref, 'llm-ref'), '--runs', runs, '--quiet']).exited;
    expect(r.code, r.out).toBe(0);
    expect(ref.answered()).toBe(6);
    reference = outcome(runIn(runs)!);
  });

  it('resumes without asking the provider again for a recorded answer, and ends like the uninterrupted run', async () => {
    server = await startScriptedServer('openai', script());
    servers.push(server);
    const runs = join(work, 'killed');
    const first = cli(['run', configFor(server, 'llm-kill'), '--runs', runs, '--quiet']);
    await until(
      () => (runIn(runs)?.readAnswers('gpt', 1).length ?? 0) >= KILL_AFTER,
      `answer ${KILL_AFTER} was recorded`,
      first.child,
    );
    process.kill(-first.child.pid!, 'SIGKILL');
    await first.exited;
    expect(server.answered()).toBe(KILL_AFTER);
    const folder = runIn(runs)!;
    expect(folder.readLease()).not.toBeNull(); // the dead process could not release it

    const again = await cli(['run', '--resume', folder.runDir, '--quiet']).exited;
    expect(again.code, again.out).toBe(0);
    // Every scripted answer was asked for exactly once over both processes.
    expect(server.answered()).toBe(6);
    expect(server.left()).toBe(0);
    expect(outcome(folder)).toEqual(reference);
    // The restarted phase took the recorded answers, then went on live in the same conversation.
    const steps = folder.readTrajectory('gpt', 1);
    expect(steps.map((s) => s.replayed === true)).toEqual([true, true, true, false]);
    expect(folder.readAnswers('gpt', 1).map((a) => a.call)).toEqual([1, 2, 3, 4]);
    const resumedEv = of(folder.readEvents(), 'tournament.resumed');
    // gpt's phase restarts (the noop player's too if its commit had not finished yet).
    expect(resumedEv.map((e) => [e.attempt, e.round])).toEqual([[2, 1]]);
    expect(resumedEv[0]!.edits).toContain('gpt');
    expect(folder.readLease()).toBeNull();
    expect(await listContainers(folder.runDir.split('/').at(-1))).toEqual([]);
    resumed = folder;
  });

  it('replays with no API key and no provider call, reproducing every diff', async () => {
    const calls = server.answered();
    const env = { ...process.env };
    delete env[KEY_ENV];
    const r = await cli(['replay', resumed.runDir, '--quiet'], env).exited;
    expect(r.code, r.out).toBe(0);
    expect(server.answered()).toBe(calls);
    expect(r.out).toContain('every diff reproduced');
    const replayDir = /replay run folder: (\S+)/.exec(r.out)?.[1];
    expect(replayDir).toBeTruthy();
    const report = ReplayReport.parse(JSON.parse(readFileSync(join(replayDir!, 'replay-report.json'), 'utf8')));
    expect(report.sameDiffs).toBe(true);
    expect(report.sameRounds).toBe(true);
    expect(report.edits.find((e) => e.round === 1 && e.player === 'gpt')).toMatchObject({
      recordedExit: 'submitted',
      replayedExit: 'submitted',
      steps: 4,
      differing: [],
    });
    const replayed = new RunFolder(replayDir!);
    expect(of(replayed.readEvents(), 'tournament.started')[0]?.replayOf).toBe(resumed.runDir.split('/').at(-1));
    expect(outcome(replayed).diffs).toEqual(reference.diffs);
  });
});
