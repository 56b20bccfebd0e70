import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Replay, type RoundResultsFile, TournamentConfig, matchIdOf, parseMatchId } from '@codearena/protocol';
import { tournamentEvents, withoutFrames } from './events.fixture.ts';
import { CONFIG_FILE, CONFIG_YAML_FILE, RunFolder } from './run-folder.ts';

const root = mkdtempSync(join(tmpdir(), 'codearena-runfolder-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = (): RunFolder => new RunFolder(join(root, `run-${n++}`));

const results = (round: number): RoundResultsFile => ({
  round,
  simWins: { a: 2, b: 1 },
  ties: 1,
  sims: 4,
  winner: 'a',
  ranks: { a: 1, b: 2 },
  forfeited: [],
  validations: { a: { ok: true, detail: 'ok' }, b: { ok: true, detail: 'ok' } },
});
const replay = (round: number, sim: number): Replay => ({
  arena: 'battlesnake',
  round,
  sim,
  seed: 7,
  players: ['a', 'b'],
  ranks: { a: 1, b: 2 },
  winner: 'a',
  reason: 'b hit a wall',
  turns: 2,
  faults: [{ player: 'b', kind: 'timeout', count: 1, detail: 'no reply' }],
  frames: [{ t: 0 }, { t: 1 }, { t: 2 }],
});
/** Files a crash between write and rename would leave behind. */
const leftovers = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tmp'));

describe('RunFolder writes and reads back every file of a run', () => {
  it('config: the YAML as written and the resolved config.json', () => {
    const f = fresh();
    const config = TournamentConfig.parse({
      tournament: {},
      arena: { id: 'battlesnake' },
      players: [
        { name: 'a', agent: { kind: 'noop' } },
        { name: 'b', agent: { kind: 'noop' } },
      ],
    });
    f.writeConfig(config, 'arena: { id: battlesnake }\n');
    expect(readFileSync(join(f.runDir, CONFIG_YAML_FILE), 'utf8')).toBe('arena: { id: battlesnake }\n');
    expect(JSON.parse(readFileSync(join(f.runDir, CONFIG_FILE), 'utf8'))).toEqual(config);
    expect(f.configJson()).toBe(JSON.stringify(config));
    expect(fresh().configJson()).toBeNull();
  });

  it('round results and replays, atomically, parsed on the way back', () => {
    const f = fresh();
    f.writeRoundResults(results(0));
    expect(f.readRoundResults(0)).toEqual(results(0));
    expect(f.readRoundResults(1)).toBeNull();
    const path = f.writeReplay(replay(1, 10));
    f.writeReplay(replay(1, 2));
    expect(path).toBe(f.replay({ round: 1, sim: 10 }));
    expect(f.readReplay({ round: 1, sim: 10 })).toEqual(replay(1, 10));
    // Numeric order, not lexical; stray files are not sims.
    writeFileSync(join(dirname(path), 'notes.txt'), 'x');
    expect(f.replaySims(1)).toEqual([2, 10]);
    expect(f.replaySims(5)).toEqual([]);
    expect(leftovers(f.runDir)).toEqual([]);
  });

  it('damaged or foreign files read as null, never throw', () => {
    const f = fresh();
    mkdirSync(join(f.roundDir(3), 'sims'), { recursive: true });
    writeFileSync(f.roundResults(3), '{"round": 3, "simWins": {"a"');
    writeFileSync(f.replay({ round: 3, sim: 0 }), JSON.stringify({ sim: 0, winner: 'a' }));
    expect(f.readRoundResults(3)).toBeNull();
    expect(f.readReplay({ round: 3, sim: 0 })).toBeNull();
    const logs = f.roundLogs();
    expect(logs.results(3)).toBeNull();
    expect(logs.sims(3)).toEqual([0]);
    expect(logs.replay(3, 0)).toBeNull();
  });

  it('trajectory lines: appended, parsed, a torn last line skipped', () => {
    const f = fresh();
    f.appendTrajectory('a', 1, {
      step: 1,
      ts: 1,
      action: 'ls',
      output: 'x',
      tokens: { input: 3, output: 4 },
      messages: [{ role: 'user' }],
    });
    f.appendTrajectory('a', 1, { step: 2, ts: 2, action: 'cat', output: 'y', exitCode: 0 });
    appendFileSync(f.trajectory('a', 1), '{"step":3,"ts":3,"act');
    expect(f.readTrajectory('a', 1)).toEqual([
      { step: 1, ts: 1, action: 'ls', output: 'x', tokens: { input: 3, output: 4 }, messages: [{ role: 'user' }] },
      { step: 2, ts: 2, action: 'cat', output: 'y', exitCode: 0 },
    ]);
    expect(f.readTrajectory('a', 2)).toEqual([]);
  });

  it('diffs, cut at the reader limit', () => {
    const f = fresh();
    f.writeDiff('a', 1, 'diff --git a/x b/x\n+1\n');
    expect(f.readDiff('a', 1, 1000)).toEqual({
      player: 'a',
      round: 1,
      bytes: 22,
      truncated: false,
      diff: 'diff --git a/x b/x\n+1\n',
    });
    expect(f.readDiff('a', 1, 4)).toMatchObject({ bytes: 22, truncated: true, diff: 'diff' });
    expect(f.readDiff('a', 2, 1000)).toBeNull();
  });
});

describe('EventsTail', () => {
  it('hands out complete lines as they are appended; a line being written waits for its newline', () => {
    const f = fresh();
    const tail = f.tailEvents();
    expect(tail.read()).toEqual([]);
    expect(tail.started).toBe(false);
    const events = withoutFrames(tournamentEvents({ runDir: f.runDir }));
    const log = f.openLog();
    events.slice(0, 3).forEach((e) => log.append(e));
    expect(tail.read()).toEqual(events.slice(0, 3));
    // Half a line (cut inside a multi-byte character), then the rest.
    const line = Buffer.from(`${JSON.stringify(events[3])}\n`, 'utf8');
    const renamed = { ...events[0]!, seq: 100, name: 'démo ✓' };
    const withUnicode = Buffer.from(`${JSON.stringify(renamed)}\n`, 'utf8');
    appendFileSync(log.path, line);
    const cut = withUnicode.indexOf(0xe2) + 1;
    appendFileSync(log.path, withUnicode.subarray(0, cut));
    expect(tail.read()).toEqual([events[3]]);
    appendFileSync(log.path, withUnicode.subarray(cut));
    expect(tail.read()).toEqual([renamed]);
    log.close();
    expect(tail.badLines).toBe(0);
  });

  it('skips and counts a damaged line instead of stopping', () => {
    const f = fresh();
    const [first, second] = tournamentEvents({ runDir: f.runDir });
    mkdirSync(f.runDir, { recursive: true });
    writeFileSync(f.eventsFile, `${JSON.stringify(first)}\n{"seq":1,"type":"nope"}\n${JSON.stringify(second)}\n`);
    const tail = f.tailEvents();
    expect(tail.read()).toEqual([first, second]);
    expect(tail.badLines).toBe(1);
    expect(existsSync(f.eventsFile)).toBe(true);
  });
});

describe('match ids', () => {
  it('are built and read in one place', () => {
    expect(matchIdOf({ round: 12, sim: 3 })).toBe('r12-s3');
    expect(parseMatchId('r12-s3')).toEqual({ round: 12, sim: 3 });
    for (const bad of ['r1', 'x1-s2', 'r1-s2-x', 'm19999']) expect(parseMatchId(bad)).toBeNull();
  });
});
