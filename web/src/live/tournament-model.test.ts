// The viewer's fold of a tournament's events: idempotent by seq, progress and phase as it goes.
import { describe, expect, it } from 'vitest';
import type { Event, EventBody } from '@codearena/protocol';
import { matchStarted, matchWonByA, tournamentStarted } from './model-events.fixture.ts';
import { TournamentModel } from './tournament-model.ts';

function stream(): Event[] {
  const out: Event[] = [];
  const emit = (b: EventBody) => out.push({ ...b, seq: out.length, ts: 1000 + out.length, tournamentId: 't' } as Event);
  emit(tournamentStarted('battlesnake', 2));
  emit({ type: 'round.started', round: 0 });
  for (const sim of [0, 1]) {
    emit(matchStarted(0, sim));
    emit(matchWonByA(0, sim));
  }
  emit({ type: 'round.finished', round: 0, simWins: { a: 2, b: 0 }, ties: 0, sims: 2, winner: 'a', forfeited: [] });
  emit({ type: 'round.started', round: 1 });
  emit({
    type: 'edit.step',
    round: 1,
    player: 'a',
    step: 1,
    action: 'ls',
    output: 'bot',
    tokens: { input: 10, output: 5 },
  } as EventBody);
  emit({
    type: 'edit.finished',
    round: 1,
    player: 'a',
    exit: 'submitted',
    steps: 1,
    costUsd: 0.1,
    ms: 9,
    commit: 'c',
    diff: { files: 1, insertions: 2, deletions: 0 },
    summary: 's',
  });
  emit({
    type: 'edit.finished',
    round: 1,
    player: 'b',
    exit: 'unchanged',
    steps: 0,
    costUsd: 0,
    ms: 9,
    commit: 'c',
    diff: { files: 0, insertions: 0, deletions: 0 },
    summary: '',
  });
  emit({ type: 'match.started', round: 1, matchId: 'r1-s0', sim: 0, seed: 3, players: ['a', 'b'] });
  return out;
}

describe('TournamentModel', () => {
  it('folds events, skipping ones already applied', () => {
    const events = stream();
    const m = new TournamentModel('t');
    expect(m.applyAll(events.slice(0, 8))).toBe(8);
    expect(m.applyAll(events)).toBe(events.length - 8);
    expect(m.applyAll(events)).toBe(0);
    expect(m.lastSeq).toBe(events.length - 1);
    expect(m.matchOrder).toEqual(['r0-s0', 'r0-s1', 'r1-s0']);
    expect([...m.live]).toEqual(['r1-s0']);
    expect(m.rounds.get(0)!.finished!.winner).toBe('a');
    expect(m.rounds.get(1)!.edits.get('a')!.steps).toHaveLength(1);
    expect(m.roundWins).toEqual({ a: 0, b: 0 }); // round 0 is the baseline
  });

  it('tells the phase and progress while running, then the result', () => {
    const m = new TournamentModel('t');
    expect(m.status).toBe('waiting');
    m.applyAll(stream());
    expect(m.status).toBe('running');
    expect(m.phase).toBe('round 1/1 · sims 0/2');
    expect(m.progress).toBeCloseTo(0.5);
    m.apply({
      type: 'tournament.finished',
      status: 'finished',
      winner: 'a',
      roundWins: { a: 1, b: 0 },
      ratings: { a: 1216, b: 1184 },
      seq: 99,
      ts: 1,
      tournamentId: 't',
    });
    expect(m.status).toBe('finished');
    expect(m.progress).toBe(1);
    expect(m.live.size).toBe(0);
    expect(m.elo).toEqual({ a: 1216, b: 1184 });
  });

  it('folds a resume: restarted edit phases and unplayed sims start over, and it runs again', () => {
    const m = new TournamentModel('t');
    const events = stream();
    let seq = events.length;
    const at = (b: EventBody) => ({ ...b, seq: seq++, ts: 5000 + seq, tournamentId: 't' }) as Event;
    // Round 1: sim 0 finished, sim 1 cut off mid-match; then the process died and was resumed.
    m.applyAll(events);
    m.apply(
      at({ ...events.find((e) => e.type === 'match.finished')!, round: 1, matchId: 'r1-s0', seed: 3 } as EventBody),
    );
    m.apply(at({ type: 'match.started', round: 1, matchId: 'r1-s1', sim: 1, seed: 4, players: ['a', 'b'] }));
    m.apply(
      at({
        type: 'tournament.finished',
        status: 'aborted',
        reason: 'infrastructure',
        winner: null,
        roundWins: {},
        ratings: {},
      }),
    );
    expect(m.status).toBe('aborted');
    m.apply(at({ type: 'tournament.resumed', attempt: 2, round: 1, edits: ['a'], keptSims: [0] }));

    expect(m.status).toBe('running');
    expect(m.ended).toBeNull();
    expect(m.resumes.map((r) => r.attempt)).toEqual([2]);
    const r1 = m.rounds.get(1)!;
    expect(r1.edits.get('a')).toEqual({ player: 'a', steps: [], finished: null });
    expect(r1.edits.get('b')!.finished!.exit).toBe('unchanged');
    expect(r1.matchIds).toEqual(['r1-s0']);
    expect(m.matchOrder).toEqual(['r0-s0', 'r0-s1', 'r1-s0']);
    expect(m.matches.has('r1-s1')).toBe(false);
    expect(m.matches.get('r1-s0')!.finished).not.toBeNull();
    expect(m.live.size).toBe(0);
    expect(m.phase).toBe('round 1/1 · editing');

    // The restarted phase and the missing sim are logged again and fold as new.
    m.apply(at({ type: 'edit.step', round: 1, player: 'a', step: 1, action: 'ls', output: 'bot' } as EventBody));
    m.apply(at({ type: 'match.started', round: 1, matchId: 'r1-s1', sim: 1, seed: 4, players: ['a', 'b'] }));
    expect(r1.edits.get('a')!.steps).toHaveLength(1);
    expect(r1.matchIds).toEqual(['r1-s0', 'r1-s1']);
    expect([...m.live]).toEqual(['r1-s1']);
  });

  it('is interrupted when the server says so, until a resume arrives', () => {
    const m = new TournamentModel('t');
    const events = stream();
    m.applyAll(events);
    m.noteServerStatus('interrupted');
    expect(m.status).toBe('interrupted');
    expect(m.phase).toBe('interrupted · round 1/1 · sims 0/2');
    m.apply({
      type: 'tournament.resumed',
      attempt: 2,
      round: 1,
      edits: [],
      keptSims: [],
      seq: events.length,
      ts: 9000,
      tournamentId: 't',
    });
    expect(m.status).toBe('running');
    m.noteServerStatus('running');
    expect(m.status).toBe('running');
  });
});
