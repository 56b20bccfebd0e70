import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tournamentEvents, withoutFrames } from './events.fixture.ts';
import { EVENTS_FILE, RunFolder } from './run-folder.ts';
import { type RunLog, RunLogError, readLastEvent } from './run-log.ts';

const openLog = (runDir: string, frames = false): RunLog => new RunFolder(runDir).openLog({ frames });
const readRunLog = (runDir: string) => new RunFolder(runDir).readEvents();

const root = mkdtempSync(join(tmpdir(), 'codearena-runlog-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = (): string => join(root, `run-${n++}`);

function writeLog(runDir: string, frames = false): ReturnType<typeof tournamentEvents> {
  const events = tournamentEvents({ runDir });
  const log = openLog(runDir, frames);
  for (const e of events) log.append(e);
  log.close();
  return events;
}

describe('RunLog', () => {
  it('round-trips events, one JSON object per line, without frames by default', () => {
    const dir = freshDir();
    const events = writeLog(dir);
    const text = readFileSync(join(dir, EVENTS_FILE), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.trimEnd().split('\n')).toHaveLength(withoutFrames(events).length);
    expect(readRunLog(dir)).toEqual(withoutFrames(events));
  });

  it('keeps frames when asked to', () => {
    const dir = freshDir();
    const events = writeLog(dir, true);
    expect(readRunLog(dir)).toEqual(events);
  });

  it('reports whether an event was logged, and refuses writes after close', () => {
    const dir = freshDir();
    const [started, , , , , , , , , , frame] = tournamentEvents({ runDir: dir });
    expect(frame?.type).toBe('match.frame');
    const log = openLog(dir);
    expect(log.append(started!)).toBe(true);
    expect(log.append(frame!)).toBe(false);
    log.close();
    expect(() => log.append(started!)).toThrow(/closed/);
  });

  it('appends to an existing log (resume)', () => {
    const dir = freshDir();
    const events = withoutFrames(tournamentEvents({ runDir: dir }));
    const half = Math.floor(events.length / 2);
    const first = openLog(dir);
    events.slice(0, half).forEach((e) => first.append(e));
    first.close();
    const second = openLog(dir);
    events.slice(half).forEach((e) => second.append(e));
    second.close();
    expect(readRunLog(dir)).toEqual(events);
  });

  it('keeps every one of 20,000 events written one write at a time', () => {
    const dir = freshDir();
    const template = tournamentEvents({ runDir: dir }).find((e) => e.type === 'match.finished')!;
    const log = openLog(dir);
    const count = 20_000;
    for (let i = 0; i < count; i++) log.append({ ...template, seq: i });
    log.close();
    expect(readRunLog(dir).map((e) => e.seq)).toEqual(Array.from({ length: count }, (_, i) => i));
  });
});

describe('readRunLog after a crash', () => {
  it('ignores a last line cut off mid-write', () => {
    const dir = freshDir();
    const events = writeLog(dir);
    appendFileSync(join(dir, EVENTS_FILE), '{"seq":999,"ts":1,"tournamentId":"t-2025-01","type":"round.st');
    expect(readRunLog(dir)).toEqual(withoutFrames(events));
  });

  it('keeps a complete last event that lost only its newline', () => {
    const dir = freshDir();
    const events = withoutFrames(tournamentEvents({ runDir: dir }));
    const file = join(dir, EVENTS_FILE);
    openLog(dir).close();
    writeFileSync(file, events.map((e) => JSON.stringify(e)).join('\n'));
    expect(readRunLog(dir)).toEqual(events);
  });

  it('reopening repairs the tail so later appends stay readable', () => {
    const dir = freshDir();
    const events = withoutFrames(tournamentEvents({ runDir: dir }));
    const file = join(dir, EVENTS_FILE);
    const last = events.pop()!;
    openLog(dir).close();
    writeFileSync(file, `${events.map((e) => JSON.stringify(e)).join('\n')}\n{"seq":12,"ts":`);
    const log = openLog(dir);
    log.append(last);
    log.close();
    expect(readRunLog(dir)).toEqual([...events, last]);

    // Same when the torn file ends in a whole event without its newline.
    writeFileSync(file, events.map((e) => JSON.stringify(e)).join('\n'));
    const again = openLog(dir);
    again.append(last);
    again.close();
    expect(readRunLog(dir)).toEqual([...events, last]);
  });

  it('throws on damage before the last line, naming file and line', () => {
    const dir = freshDir();
    writeLog(dir);
    const file = join(dir, EVENTS_FILE);
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[2] = '{"seq":2,"type":"nope"}';
    writeFileSync(file, lines.join('\n'));
    expect(() => readRunLog(dir)).toThrow(RunLogError);
    expect(() => readRunLog(dir)).toThrow(`${file}:3: not a valid event`);
  });

  it('a missing log is a RunLogError', () => {
    expect(() => readRunLog(freshDir())).toThrow(/no run log at/);
  });
});

describe('readLastEvent', () => {
  it('reads the last event from the end of the log, as the whole read would', () => {
    const dir = freshDir();
    const events = withoutFrames(writeLog(dir));
    const file = join(dir, EVENTS_FILE);
    expect(readLastEvent(file)).toEqual(events.at(-1));
    // A window shorter than the last line falls back to the whole read.
    expect(readLastEvent(file, 10)).toEqual(events.at(-1));
    // A torn last line is not an event; the one before it is the last.
    appendFileSync(file, '{"type":"round.started","ro');
    expect(readLastEvent(file)).toEqual(events.at(-1));
    expect(readLastEvent(file)).toEqual(readRunLog(dir).at(-1));
  });

  it('is null for an empty log and throws for a damaged one, like the whole read', () => {
    const dir = freshDir();
    const file = join(dir, EVENTS_FILE);
    openLog(dir).close();
    expect(readLastEvent(file)).toBeNull();
    writeFileSync(file, 'not json\n');
    expect(() => readLastEvent(file)).toThrow(RunLogError);
  });
});
