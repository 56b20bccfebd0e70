// The live progress of a resumed run: it learns the tournament from the log (nothing reprinted),
// says where it resumed and what is redone, and counts the remaining work, not a fresh round's.
import { PassThrough } from 'node:stream';
import type { Event, EventBody } from '@codearena/protocol';
import { describe, expect, it } from 'vitest';
import { createProgress } from './progress.ts';

const base = { seq: 0, ts: 0, tournamentId: 't' };
const started: EventBody = {
  type: 'tournament.started',
  name: 'demo',
  arena: 'battlesnake',
  rounds: 3,
  simsPerRound: 20,
  seed: 1,
  players: ['a', 'b', 'c'].map((name) => ({ name, agent: 'noop', model: null })),
  runDir: '/runs/x',
};

describe('progress of a resumed run', () => {
  it('primes itself from the log and reports the resume, then the milestones of the rest', () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (b: Buffer) => (text += b.toString('utf8')));
    const p = createProgress({ tty: false, out });
    p.prime([{ ...base, ...started } as Event]);
    const feed = (e: EventBody) => p.listener({ ...base, ...e } as Event);
    feed({ type: 'tournament.resumed', attempt: 2, round: 2, edits: [], keptSims: [0, 1, 2, 3, 4, 5, 6, 7, 8] });
    for (const sim of [9, 10])
      feed({
        type: 'match.finished',
        round: 2,
        matchId: `r2-s${sim}`,
        sim,
        seed: sim,
        players: ['a', 'b', 'c'],
        ranks: { a: 1, b: 2, c: 3 },
        winner: 'a',
        turns: 9,
        reason: 'r',
        faults: [],
        replay: 'x',
        ms: 1,
      });
    feed({ type: 'tournament.resumed', attempt: 3, round: 3, edits: ['b'], keptSims: [] });
    p.stop();
    expect(text).not.toContain('demo ·'); // the header is not printed again
    expect(text).toContain('resumed in round 2/3 (attempt 2; 9 of its sims kept)');
    // The kept sims count: the 10th sim of 20 is the milestone.
    expect(text).toContain('sims 10/20');
    expect(text).toContain('resumed in round 3/3 (attempt 3; 0 of its sims kept; edit phase restarts for b)');
  });
});
