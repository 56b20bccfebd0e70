// A sequential round's sims as the viewer marks them: the deciding prefix counts, sims played past
// it are uncounted, sims stopped by the decision are uncounted and no longer live.
import { describe, expect, it } from 'vitest';
import type { Event, EventBody } from '@codearena/protocol';
import { matchStarted, matchWonByA, tournamentStarted } from './model-events.fixture.ts';
import { roundDecision, simMark } from './sim-marks.ts';
import { TournamentModel } from './tournament-model.ts';

const rule = { max: 20, stop: 'sprt' as const, alpha: 0.05, beta: 0.1, margin: 0.2 };

function fold(sequential: EventBody & { type: 'round.finished' }): TournamentModel {
  const m = new TournamentModel('t');
  let seq = 0;
  const emit = (b: EventBody) => m.apply({ ...b, seq: seq++, ts: 1000 + seq, tournamentId: 't' } as Event);
  emit(tournamentStarted('corewar', 20));
  emit({ type: 'round.started', round: 0 });
  // Sims 0..3 started; 0, 1 and 3 finished; the test decided on 0..1 while 2 was in play.
  for (const sim of [0, 1, 2, 3]) emit(matchStarted(0, sim));
  for (const sim of [0, 1, 3]) emit(matchWonByA(0, sim));
  emit(sequential);
  return m;
}

const finished = (sequential: object | undefined) =>
  ({
    type: 'round.finished',
    round: 0,
    simWins: { a: 2, b: 0 },
    ties: 0,
    sims: 2,
    winner: 'a',
    forfeited: [],
    ...(sequential && { sequential }),
  }) as EventBody & { type: 'round.finished' };

describe('sims of a sequential round', () => {
  it('marks sims past the deciding prefix: played ones uncounted, stopped ones stopped and not live', () => {
    const m = fold(finished({ decided: true, uncounted: [3], rule }));
    const marks = [0, 1, 2, 3].map((sim) => simMark(m, m.matches.get(`r0-s${sim}`)!));
    expect(marks).toEqual([null, null, 'stopped', 'uncounted']);
    expect(m.live.size).toBe(0);
    expect(roundDecision(m.rounds.get(0)!.finished!.sequential!, 2)).toEqual({
      label: 'decided after 2 sims',
      title:
        'SPRT α 0.05 · β 0.1 · margin 0.2, at most 20 sims: the winner was decided after 2 sims; 1 more played after it, not counted',
    });
  });

  it('marks nothing in a fixed round, and says when the test did not decide', () => {
    const m = fold(finished(undefined));
    expect([0, 1, 3].map((sim) => simMark(m, m.matches.get(`r0-s${sim}`)!))).toEqual([null, null, null]);
    expect(roundDecision({ decided: false, uncounted: [] }, 20).label).toBe('no decision in 20 sims');
  });
});
