// `ladder climb` on CoreWar (sims on the host engine; repos in repo boxes, hence Docker): a noop
// climber playing stone's warrior goes up a ladder of imp, dwarf, stone and paper, holds the
// rungs its code does not lose to in the ladder's own pairs, stops early once a rung is decided,
// and starts each rung from the code its repo ended the previous one with.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LadderClimb, LadderClimb as LadderClimbShape } from '@codearena/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arenaDir } from '../paths.ts';
import { StoreIndex } from '../store/index-db.ts';
import { RunFolder } from '../store/run-folder.ts';
import { NotResumable, readResumeState } from '../tournament/resume-state.ts';
import type { TournamentOutcome } from '../tournament/tournament.ts';
import { type ClimbResult, climbLadder, climbOrder, rungDecided } from './climb.ts';
import { LadderFolder } from './ladder-folder.ts';
import { ladderFromDirs } from './ladder-spec.ts';
import { makeLadder } from './make.ts';

const tmp = mkdtempSync(join(tmpdir(), 'ladder-climb-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const bot = (b: string) => join(arenaDir('corewar'), 'bots', b);
const ladder = ladderFromDirs('corewar', ['imp', 'dwarf', 'stone', 'paper'].map(bot), { sims: 6, seed: 7 });
const folder = new LadderFolder(join(tmp, 'ladder'));
const runsDir = join(tmp, 'runs');
const store = new StoreIndex(join(runsDir, 'codearena.sqlite'));
afterAll(() => store.close());
const git = (repo: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'safe.directory=*', '-C', repo, ...args], { encoding: 'utf8' });

describe('rungDecided', () => {
  it('clinches at W wins, gives up once W cannot be reached, else plays on', () => {
    const o = { rounds: 3, wins: 2 };
    expect(rungDecided(2, 2, o)).toBe('clinched');
    expect(rungDecided(0, 2, o)).toBe('out_of_reach');
    expect(rungDecided(1, 1, o)).toBeNull();
    expect(rungDecided(1, 2, o)).toBeNull();
    expect(rungDecided(1, 3, o)).toBe('out_of_reach');
  });
});

describe('ladder climb', () => {
  let result: ClimbResult;
  const outcomes: TournamentOutcome[] = [];
  const written: number[] = [];

  beforeAll(async () => {
    expect(climbOrder(folder)).toEqual({ problem: expect.stringMatching(/run `codearena ladder make` first/) });
    await makeLadder(ladder, { folder, concurrency: 2 });
    const made = climbOrder(folder);
    if ('problem' in made) throw new Error(made.problem);
    // The climber: stone's warrior plus a file of its own, to follow its code up the rungs.
    const start = join(tmp, 'climber');
    cpSync(bot('stone'), start, { recursive: true });
    writeFileSync(join(start, 'CLIMBER.md'), 'carried\n');
    result = await climbLadder({
      ...made,
      folder,
      player: { name: 'climber', agent: { kind: 'noop' }, codebase: start },
      rounds: 3,
      wins: 2,
      runsDir,
      store,
      onStep: (c, out) => {
        outcomes.push(out);
        written.push(folder.readClimb(c.id)!.steps.length);
      },
    });
  });

  it('climbs weakest first and holds exactly the rungs its code does not lose to in the ladder', () => {
    const { climb } = result;
    expect(result.aborted).toBe(false);
    const made = climbOrder(folder);
    expect('order' in made && made.order.map((r) => r.name)).toEqual(climb.rungs);
    // The steps are the bottom of the ladder: every one held but a last one that was not.
    expect(climb.steps.map((s) => s.rung)).toEqual(climb.rungs.slice(0, climb.steps.length));
    expect(climb.steps.slice(0, -1).every((s) => s.held)).toBe(true);
    expect(climb.height).toBe(climb.steps.filter((s) => s.held).length);
    expect(climb.highest).toBe(climb.height ? climb.rungs[climb.height - 1] : null);
    // Against the ladder's own results for stone's code: a rung stone beat in its pair is held,
    // one it did not beat is where the climb ends (stone's mirror decides nothing).
    const pairs = folder.pairs();
    const stoneVs = (rung: string) => {
      const p = pairs.find((x) => [x.a, x.b].includes('stone') && [x.a, x.b].includes(rung))!;
      return p.winners.filter((w) => w === 'stone').length - p.winners.filter((w) => w === rung).length;
    };
    for (const s of climb.steps.filter((x) => x.rung !== 'stone'))
      if (s.held) expect(stoneVs(s.rung)).toBeGreaterThan(0);
      else expect(stoneVs(s.rung)).toBeLessThanOrEqual(0);
    expect(climb.steps.at(-1)!.held).toBe(false);
    expect(climb.finishedAt).not.toBeNull();
  });

  it('stops each rung once decided, keeping the rounds played, and says why', () => {
    for (const [k, s] of result.climb.steps.entries()) {
      const out = outcomes[k]!;
      expect(out.id).toBe(s.runId);
      expect(s.roundsPlayed).toBe(out.rounds.filter((r) => r.round > 0).length);
      const decided = rungDecided(s.roundsWon, s.roundsPlayed, { rounds: 3, wins: 2 });
      expect(s.stoppedEarly).toBe(s.roundsPlayed < 3 ? decided : null);
      // Stopped on purpose is an ending, not an abort: finished, with why, and nothing to resume.
      expect(out.status).toBe('finished');
      expect(out.stopped ?? null).toBe(s.stoppedEarly);
      expect(out.abortReason).toBeUndefined();
      const end = new RunFolder(out.runDir).readEvents().at(-1)!;
      expect(end).toMatchObject({ type: 'tournament.finished', status: 'finished' });
      expect(end.type === 'tournament.finished' && (end.stopped ?? null)).toBe(s.stoppedEarly);
      expect(() => readResumeState(new RunFolder(out.runDir), ['climber', s.rung], out.id)).toThrow(NotResumable);
      expect(store.getTournament(out.id)).toMatchObject({ status: 'finished', stopped: s.stoppedEarly });
      // A stopped tournament's played rounds stand in its run folder.
      const run = new RunFolder(out.runDir);
      for (let r = 0; r <= s.roundsPlayed; r++) expect(run.readRoundResults(r)?.round).toBe(r);
      expect(run.readRoundResults(s.roundsPlayed + 1)).toBeNull();
    }
    expect(result.climb.steps.some((s) => s.stoppedEarly !== null)).toBe(true);
  });

  it('tags its rung tournaments with the ladder and keeps them off the leaderboard', () => {
    const ids = result.climb.steps.map((s) => s.runId);
    const listed = store.listTournaments().filter((t) => ids.includes(t.id));
    expect(listed.map((t) => t.ladder)).toEqual(ids.map(() => ladder.name));
    expect(new RunFolder(outcomes[0]!.runDir).readConfig()?.tournament.ladder).toBe(ladder.name);
    // The rung tournaments played rounds, yet none of them is leaderboard input.
    expect(outcomes.every((o) => o.rounds.length > 1)).toBe(true);
    expect(store.roundResults({ arena: 'corewar' })).toEqual([]);
    expect(store.roundResults()).toEqual([]);
  });

  it('writes the climb after every rung, and starts each rung from the code the last one ended with', () => {
    const { climb } = result;
    expect(written).toEqual(climb.steps.map((_, k) => k + 1));
    const file = LadderClimbShape.parse(JSON.parse(readFileSync(folder.climbFile(climb.id), 'utf8')));
    expect(file).toEqual(climb satisfies LadderClimb);
    expect(folder.climbs().map((c) => c.id)).toEqual([climb.id]);
    expect(climb.steps.length).toBeGreaterThan(1);
    for (let k = 1; k < climb.steps.length; k++) {
      const prev = climb.steps[k - 1]!;
      const carried = folder.climbCodebase(climb.id, prev.rung);
      const run = new RunFolder(outcomes[k]!.runDir);
      expect(run.readConfig()?.players[0]?.codebase).toBe(carried);
      const prevRepo = new RunFolder(outcomes[k - 1]!.runDir).repo('climber');
      const last = `round-${prev.roundsPlayed}`;
      // The next rung's round 0 is the previous rung's last round, file for file.
      expect(git(run.repo('climber'), 'rev-parse', 'round-0^{tree}')).toBe(
        git(prevRepo, 'rev-parse', `${last}^{tree}`),
      );
      expect(git(run.repo('climber'), 'show', 'round-0:CLIMBER.md')).toBe('carried\n');
    }
    expect(existsSync(folder.climbCodebase(climb.id, climb.steps.at(-1)!.rung))).toBe(false);
  });

  it('a stopped climb drops the rung in play and leaves its file unfinished', async () => {
    const made = climbOrder(folder);
    if ('problem' in made) throw new Error(made.problem);
    const stop = new AbortController();
    const r = await climbLadder({
      ...made,
      folder,
      player: { name: 'quitter', agent: { kind: 'noop' } },
      rounds: 3,
      wins: 2,
      runsDir,
      signal: stop.signal,
      // After round 1 no rung is decided yet (2 wins needed, 2 rounds left).
      listeners: [(e) => e.type === 'round.finished' && e.round === 1 && stop.abort()],
    });
    expect(r.aborted).toBe(true);
    expect(folder.readClimb(r.climb.id)).toMatchObject({ steps: [], finishedAt: null, highest: null, height: 0 });
  });
});
