// The embedded campaign runner's bookkeeping, with the round loop replaced by a function that
// writes a real run folder (log and lease through RunFolder/RunLog): a finished tournament is
// never rerun, a stopped one is resumed, one that fails does not end the campaign, a stop request
// starts nothing new, and `parallel` bounds how many run at once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CampaignJob, TournamentConfig } from '@codearena/protocol';
import { EventBus } from '../bus/event-bus.ts';
import { StoreIndex } from '../store/index-db.ts';
import { RunFolder } from '../store/run-folder.ts';
import type { TournamentOptions, TournamentOutcome, runTournament } from '../tournament/tournament.ts';
import { jobState } from './job-state.ts';
import { runCampaign } from './run-embedded.ts';

let runsDir: string;
let store: StoreIndex;
beforeEach(() => {
  runsDir = mkdtempSync(join(tmpdir(), 'codearena-campaign-'));
  store = new StoreIndex(':memory:');
});
afterEach(() => {
  store.close();
  rmSync(runsDir, { recursive: true, force: true });
});

const job = (index: number): CampaignJob => ({
  index,
  arena: 'battlesnake',
  players: ['a', 'b'],
  repeat: index,
  seed: index,
  runId: `camp-battlesnake-a-b-r${index + 1}`,
  config: TournamentConfig.parse({
    tournament: { campaign: 'camp', seed: index },
    arena: { id: 'battlesnake' },
    players: [
      { name: 'a', agent: { kind: 'noop' } },
      { name: 'b', agent: { kind: 'noop' } },
    ],
  }),
});

/** Writes what a run of the round loop leaves: tournament.started (or resumed), then finished or not. */
function writeRun(runId: string, end: 'finished' | 'aborted' | null, resumed = false): void {
  const folder = new RunFolder(join(runsDir, runId));
  const log = folder.openLog();
  const seq = resumed ? folder.readEvents().length : 0;
  const bus = new EventBus(runId, seq);
  bus.subscribe((e) => log.append(e));
  if (resumed) bus.emit({ type: 'tournament.resumed', attempt: 2, round: 1, edits: [], keptSims: [] });
  else
    bus.emit({
      type: 'tournament.started',
      name: runId,
      arena: 'battlesnake',
      rounds: 1,
      simsPerRound: 1,
      seed: 1,
      players: [],
      runDir: folder.runDir,
      campaign: 'camp',
    });
  if (end) bus.emit({ type: 'tournament.finished', status: end, winner: 'a', roundWins: {}, ratings: {} });
  log.close();
}

type Call = Pick<TournamentOptions, 'runId' | 'resume'>;

/** A round loop stand-in: records its call, writes the run, ends as `plan` says for that run. */
function fakeLoop(plan: (runId: string) => 'finish' | 'abort' | 'throw', calls: Call[], gate?: Promise<void>) {
  let inFlight = 0;
  const peak = { value: 0 };
  const run = (async (o: TournamentOptions): Promise<TournamentOutcome> => {
    calls.push({ runId: o.runId, resume: o.resume });
    inFlight++;
    peak.value = Math.max(peak.value, inFlight);
    await gate;
    inFlight--;
    const what = plan(o.runId!);
    if (what === 'throw') throw new Error('a bug of ours');
    writeRun(o.runId!, what === 'finish' ? 'finished' : 'aborted', o.resume);
    return {
      id: o.runId!,
      runDir: join(runsDir, o.runId!),
      status: what === 'finish' ? 'finished' : 'aborted',
      winner: what === 'finish' ? 'a' : null,
      roundWins: {},
      ratings: {},
      rounds: [],
      ...(what === 'abort' ? { abortReason: 'infrastructure' as const, infraProblem: 'Docker went away' } : {}),
    };
  }) as typeof runTournament;
  return { run, peak };
}

describe('runCampaign (embedded)', () => {
  it('skips a finished tournament, resumes a stopped one, starts a new one; a failure is one outcome', async () => {
    const jobs = [job(0), job(1), job(2), job(3)];
    writeRun(jobs[0]!.runId, 'finished');
    writeRun(jobs[1]!.runId, null); // its process died: no lease held, no finish
    const calls: Call[] = [];
    const loop = fakeLoop((id) => (id === jobs[3]!.runId ? 'throw' : 'finish'), calls);
    const out = await runCampaign(
      { jobs, runsDir, parallel: 2, store, signal: new AbortController().signal },
      loop.run,
    );
    expect(calls).toEqual([
      { runId: jobs[1]!.runId, resume: true },
      { runId: jobs[2]!.runId, resume: false },
      { runId: jobs[3]!.runId, resume: false },
    ]);
    expect(out.map((o) => [o.job.index, o.status, o.skipped, o.resumed, o.winner])).toEqual([
      [0, 'done', true, false, 'a'],
      [1, 'done', false, true, 'a'],
      [2, 'done', false, false, 'a'],
      [3, 'failed', false, false, null],
    ]);
    expect(out[3]!.detail).toBe('a bug of ours');
    // Run again: everything finished is left alone; only the failed one is tried (fresh: its
    // run folder was never made).
    const again: Call[] = [];
    await runCampaign(
      { jobs, runsDir, parallel: 2, store, signal: new AbortController().signal },
      fakeLoop(() => 'finish', again).run,
    );
    expect(again).toEqual([{ runId: jobs[3]!.runId, resume: false }]);
    expect(jobs.map((j) => jobState(new RunFolder(join(runsDir, j.runId))))).toEqual([
      'finished',
      'finished',
      'finished',
      'finished',
    ]);
  });

  it('reports an infrastructure abort as failed and resumable; a stop request starts nothing new', async () => {
    const jobs = [job(0), job(1), job(2)];
    const stop = new AbortController();
    const calls: Call[] = [];
    const loop = fakeLoop(() => {
      stop.abort();
      return 'abort';
    }, calls);
    const out = await runCampaign({ jobs, runsDir, parallel: 1, store, signal: stop.signal }, loop.run);
    expect(calls).toHaveLength(1);
    expect(out.map((o) => [o.status, o.detail])).toEqual([
      ['failed', 'aborted by an infrastructure failure: Docker went away'],
    ]);
    expect(jobState(new RunFolder(join(runsDir, jobs[0]!.runId)))).toBe('stopped');
  });

  it('runs at most `parallel` tournaments at once', async () => {
    const jobs = [0, 1, 2, 3, 4].map(job);
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const calls: Call[] = [];
    const loop = fakeLoop(() => 'finish', calls, gate);
    const running = runCampaign({ jobs, runsDir, parallel: 2, store, signal: new AbortController().signal }, loop.run);
    await new Promise((r) => setImmediate(r));
    expect(calls).toHaveLength(2);
    open();
    await running;
    expect(loop.peak.value).toBe(2);
    expect(calls).toHaveLength(5);
  });
});
