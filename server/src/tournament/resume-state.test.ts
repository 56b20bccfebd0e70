// What a resumed run keeps, read back from a real run folder (the log as RunLog writes it, replay
// files as RunFolder writes them): finished rounds and standings, the interrupted round's finished
// edits and sims — a sim only with its replay file whole — and where the numbering goes on.
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type EventBody, matchIdOf } from '@codearena/protocol';
import { EventBus } from '../bus/event-bus.ts';
import { RunFolder } from '../store/run-folder.ts';
import { NotResumable, readResumeState } from './resume-state.ts';

const names = ['alice', 'bob'];
let folder: RunFolder;
let bus: EventBus;
let close: () => void;

beforeEach(() => {
  folder = new RunFolder(mkdtempSync(join(tmpdir(), 'codearena-resume-state-')));
  const log = folder.openLog();
  bus = new EventBus('t1', 0, () => 1);
  bus.subscribe((e) => log.append(e));
  close = () => log.close();
});
afterEach(() => rmSync(folder.runDir, { recursive: true, force: true }));

const started: EventBody = {
  type: 'tournament.started',
  name: 't',
  arena: 'battlesnake',
  rounds: 2,
  simsPerRound: 2,
  seed: 1,
  players: names.map((name) => ({ name, agent: 'noop', model: null })),
  runDir: '/x',
};

/** A sim of `round` won by `winner`, its replay file written unless `withReplay` is false. */
function sim(round: number, s: number, winner: string, withReplay = true): void {
  const ranks = { [winner]: 1, [names.find((n) => n !== winner)!]: 2 };
  bus.emit({ type: 'match.started', round, matchId: matchIdOf({ round, sim: s }), sim: s, seed: s, players: names });
  const replay = withReplay
    ? folder.writeReplay({
        arena: 'battlesnake',
        round,
        sim: s,
        seed: s,
        players: names,
        ranks,
        winner,
        reason: 'r',
        turns: 3,
        faults: [],
        frames: [],
      })
    : 'never written';
  bus.emit({
    type: 'match.finished',
    round,
    matchId: matchIdOf({ round, sim: s }),
    sim: s,
    seed: s,
    players: names,
    ranks,
    winner,
    turns: 3,
    reason: 'r',
    faults: [],
    replay,
    ms: 1,
  });
}

function finishedRound(round: number, winner: string): void {
  bus.emit({ type: 'round.started', round });
  if (round > 0)
    for (const player of names)
      bus.emit({
        type: 'edit.finished',
        round,
        player,
        exit: 'unchanged',
        steps: 1,
        costUsd: 0,
        ms: 1,
        commit: 'c',
        diff: { files: 0, insertions: 0, deletions: 0 },
        summary: '',
      });
  sim(round, 0, winner);
  sim(round, 1, winner);
  bus.emit({ type: 'round.finished', round, simWins: { [winner]: 2 }, ties: 0, sims: 2, winner, forfeited: [] });
  if (round > 0) bus.emit({ type: 'rating.updated', round, ratings: { alice: 1216, bob: 1184 } });
}

describe('readResumeState', () => {
  it('keeps finished rounds, the finished edits and whole sims of the round in progress; a torn line is not an event', () => {
    bus.emit(started);
    finishedRound(0, 'bob');
    finishedRound(1, 'alice');
    bus.emit({ type: 'round.started', round: 2 });
    bus.emit({
      type: 'edit.finished',
      round: 2,
      player: 'bob',
      exit: 'submitted',
      steps: 3,
      costUsd: 0,
      ms: 1,
      commit: 'c',
      diff: { files: 1, insertions: 1, deletions: 0 },
      summary: '',
    });
    sim(2, 0, 'bob');
    sim(2, 1, 'alice', false); // logged, but its replay file never made it
    close();
    appendFileSync(folder.eventsFile, '{"type":"match.started","round":2,"ma'); // cut off mid-write
    const s = readResumeState(folder, names, 't1');
    expect(s).toMatchObject({
      tournamentId: 't1',
      attempt: 2,
      nextSeq: folder.readEvents().length, // seq 0..n-1, the torn line not among them
      started: true,
      round: 2,
      roundStarted: true,
      roundWins: { alice: 1, bob: 0 },
      ratings: { alice: 1216, bob: 1184 },
      edits: { bob: 'submitted' },
    });
    expect(s.rounds.map((r) => [r.round, r.winner, r.edits])).toEqual([
      [0, 'bob', {}],
      [1, 'alice', { alice: 'unchanged', bob: 'unchanged' }],
    ]);
    expect([...s.sims.values()]).toEqual([{ sim: 0, players: names, winner: 'bob' }]);
  });

  it('counts attempts across resumes, and takes an aborted run up again', () => {
    bus.emit(started);
    finishedRound(0, 'bob');
    bus.emit({ type: 'tournament.resumed', attempt: 2, round: 1, edits: names, keptSims: [] });
    bus.emit({
      type: 'tournament.finished',
      status: 'aborted',
      winner: null,
      roundWins: {},
      ratings: {},
      reason: 'interrupted',
    });
    close();
    const s = readResumeState(folder, names, 't1');
    expect([s.attempt, s.round, s.roundStarted, s.edits]).toEqual([3, 1, false, {}]);
  });

  it('starts over when nothing was logged (the process died while making the repos)', () => {
    close();
    expect(readResumeState(folder, names, 't1')).toMatchObject({ started: false, nextSeq: 0, attempt: 1, round: 0 });
  });

  it('refuses a tournament that finished', () => {
    bus.emit(started);
    bus.emit({ type: 'tournament.finished', status: 'finished', winner: 'bob', roundWins: {}, ratings: {} });
    close();
    expect(() => readResumeState(folder, names, 't1')).toThrow(NotResumable);
    expect(() => readResumeState(folder, names, 't1')).toThrow(/finished already \(winner: bob\)/);
  });
});
