// The answers ledger on real files: what a killed process leaves (a torn last line), damage in
// the middle, a replay copying another run's answers, and numbering across attempts.
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ModelAnswer } from '@codearena/protocol';
import { openAnswerLog } from './answer-log.ts';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'codearena-answers-'));
  file = join(dir, 'players', 'alice', 'answers', 'round-1.jsonl');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** An answer whose command is `cmd`, as the loop records it (no call number: the log numbers). */
const answer = (cmd: string, costUsd = 0.003): Omit<ModelAnswer, 'call'> => ({
  ts: 1,
  ms: 2,
  costUsd,
  reply: {
    content: `run ${cmd}`,
    toolCalls: [{ id: `id-${cmd}`, name: 'bash', arguments: JSON.stringify({ command: cmd }) }],
    usage: { input: 1000, output: 100, cachedInput: 0, cacheWrite: 0 },
  },
});
const commands = (as: ModelAnswer[]) => as.map((a) => JSON.parse(a.reply.toolCalls[0]!.arguments).command as string);
const lines = () => readFileSync(file, 'utf8').split('\n');

/** A log holding answers for `cmds`, recorded as a first attempt would. */
function recorded(...cmds: string[]): void {
  const log = openAnswerLog(file);
  expect(log.next()).toBeNull();
  for (const c of cmds) log.record(answer(c));
}

describe('answer log', () => {
  it('serves a restarted phase its recorded answers in order, then numbers new ones after them', () => {
    recorded('ls', 'cat a');
    const log = openAnswerLog(file);
    expect(log.offline).toBeNull();
    expect(() => log.record(answer('too early'))).toThrow(/2 recorded answers not yet served; take next\(\)/);
    expect(log.next()).toMatchObject({ call: 1, reply: { content: 'run ls' } });
    expect(log.next()).toMatchObject({ call: 2, reply: { content: 'run cat a' } });
    expect(log.next()).toBeNull();
    expect(log.served()).toBe(2);
    log.record(answer('submit'));
    expect(log.all().map((a) => a.call)).toEqual([1, 2, 3]);
    // Nothing served was written again.
    const again = openAnswerLog(file, { readOnly: true }).all();
    expect(again.map((a) => a.call)).toEqual([1, 2, 3]);
    expect(commands(again)).toEqual(['ls', 'cat a', 'submit']);
  });

  it('cuts a line torn by a killed process and goes on after the last whole answer', () => {
    recorded('ls', 'cat a');
    const whole = readFileSync(file).length;
    appendFileSync(file, '{"call":3,"ts":5,"ms":1,"costUsd":0.0'); // the write that was cut short
    // Read-only readers (status, replay) see the whole answers and leave the file alone.
    expect(openAnswerLog(file, { readOnly: true }).all()).toHaveLength(2);
    expect(readFileSync(file).length).toBeGreaterThan(whole);

    const log = openAnswerLog(file);
    expect(readFileSync(file).length).toBe(whole);
    expect(existsSync(`${file}.damaged`)).toBe(false); // a torn tail is not damage
    expect([log.next()?.call, log.next()?.call, log.next()]).toEqual([1, 2, null]);
    log.record(answer('again'));
    expect(lines().map((l) => (l ? (JSON.parse(l) as ModelAnswer).call : l))).toEqual([1, 2, 3, '']);
  });

  it('stops at damage in the middle and sets the answers after it aside', () => {
    recorded('one', 'two', 'three');
    const [l1, , l3] = lines();
    writeFileSync(file, `${l1}\n{"call": 2, "damaged\n${l3}\n`);
    const log = openAnswerLog(file);
    expect(commands(log.all())).toEqual(['one']);
    expect(readFileSync(file, 'utf8')).toBe(`${l1}\n`);
    expect(readFileSync(`${file}.damaged`, 'utf8')).toBe(`{"call": 2, "damaged\n${l3}\n`);
    expect(log.next()?.call).toBe(1);
    expect(log.next()).toBeNull();
    log.record(answer('two again'));
    expect(commands(openAnswerLog(file).all())).toEqual(['one', 'two again']);
  });

  it('a replay copies each answer of the recorded run into its own log as it is used', () => {
    recorded('ls', 'make', 'submit');
    const original = openAnswerLog(file, { readOnly: true }).all();
    const replayFile = join(dir, 'replay', 'round-1.jsonl');
    const log = openAnswerLog(replayFile, { recorded: original, offline: 'time_limit' });
    expect(log.offline).toBe('time_limit');
    expect(existsSync(replayFile)).toBe(false);
    expect(log.next()).toEqual(original[0]);
    expect(log.next()).toEqual(original[1]);
    // Used answers only: the third was never served, so it is not in the new run's record.
    expect(openAnswerLog(replayFile, { readOnly: true }).all()).toEqual(original.slice(0, 2));

    // The replay itself killed and resumed: its own file's answers are not written twice.
    const resumed = openAnswerLog(replayFile, { recorded: original, offline: 'time_limit' });
    for (const a of original) expect(resumed.next()).toEqual(a);
    expect(resumed.next()).toBeNull();
    expect(openAnswerLog(replayFile, { readOnly: true }).all()).toEqual(original);
  });

  it('refuses to write what it could not read back, and to write when opened read-only', () => {
    const log = openAnswerLog(file);
    const bad = answer('x');
    bad.reply.usage.input = 1.5; // e.g. a local server's fractional token count
    expect(() => log.record(bad)).toThrow(/expected int/i);
    expect(existsSync(file)).toBe(false);
    expect(() => openAnswerLog(file, { readOnly: true }).record(answer('x'))).toThrow(/opened read-only/);
  });
});
