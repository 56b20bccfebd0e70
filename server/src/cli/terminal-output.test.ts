// What bots and agents write reaches the terminal only escaped: the CLI's printers (live
// progress of `run`, tables, config errors) fed with text full of escape sequences, carriage
// returns and bidi overrides print none of them raw.
import { PassThrough } from 'node:stream';
import type { Event, EventBody } from '@codearena/protocol';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config/config-error.ts';
import { table } from './format.ts';
import { HOSTILE_TEXT, RAW_CONTROL } from './hostile-text.fixture.ts';
import { createProgress } from './progress.ts';

const base = { seq: 0, ts: 0, tournamentId: 't' };
function printed(events: EventBody[]): string {
  const out = new PassThrough();
  let text = '';
  out.on('data', (b: Buffer) => (text += b.toString('utf8')));
  const p = createProgress({ tty: false, out });
  for (const e of events) p.listener({ ...base, ...e } as Event);
  p.stop();
  return text;
}

describe('terminal output of untrusted text', () => {
  it('`run` progress escapes agent summaries, validation details (bot stderr) and names', () => {
    const text = printed([
      {
        type: 'tournament.started',
        name: `t${HOSTILE_TEXT}`,
        arena: 'battlesnake',
        rounds: 1,
        simsPerRound: 1,
        seed: 1,
        players: [{ name: 'a', agent: 'noop', model: null }],
        runDir: `/runs/${HOSTILE_TEXT}`,
      },
      { type: 'round.started', round: 1 },
      {
        type: 'edit.finished',
        round: 1,
        player: 'a',
        exit: 'submitted',
        steps: 1,
        costUsd: 0,
        ms: 1,
        commit: 'c',
        diff: { files: 1, insertions: 1, deletions: 0 },
        summary: `done${HOSTILE_TEXT}\nsecond line`,
      },
      {
        type: 'validation',
        round: 1,
        player: 'a',
        ok: false,
        detail: `no usable reply\n--- bot stderr (tail) ---\n${HOSTILE_TEXT}\n✓ all bots validated`,
      },
      { type: 'round.finished', round: 1, simWins: { a: 0 }, ties: 0, sims: 0, winner: null, forfeited: ['a'] },
    ]);
    expect(text).not.toMatch(RAW_CONTROL);
    // Shown, visibly: the reader sees what the bot tried.
    expect(text).toContain('\\x1b]0;pwned\\x07');
    expect(text).toContain('\\r✓ all bots validated');
    expect(text).toContain('\\u202eevil');
    // A bot's own line breaks cannot start a line that passes for one of ours.
    expect(text.split('\n').filter((l) => l.startsWith('✓'))).toEqual([]);
    // The agent's summary stays on its line.
    expect(text).toMatch(/done.*\\nsecond line/);
  });

  it('tables escape every cell', () => {
    const text = table(['player', 'detail'], [[`a${HOSTILE_TEXT}`, HOSTILE_TEXT]]);
    expect(text).not.toMatch(RAW_CONTROL);
    expect(text).toContain('\\x1b[2J');
  });

  it('config errors escape what the file holds', () => {
    const e = new ConfigError(`bad${HOSTILE_TEXT}.yaml`, [
      { path: `players[0].${HOSTILE_TEXT}`, message: `unknown field \`${HOSTILE_TEXT}\`` },
    ]);
    expect(e.message).not.toMatch(RAW_CONTROL);
    expect(e.message).toContain('\\x1b]52;c;');
  });
});
