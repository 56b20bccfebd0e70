// The viewer's fold of a tournament's events: idempotent by seq, progress and phase as it goes.
import { describe, expect, it } from 'vitest';
import type { Event, EventBody } from '@codearena/protocol';
import { TournamentModel } from './tournament-model.ts';

function stream(): Event[] {
  const out: Event[] = [];
  const emit = (b: EventBody) => out.push({ ...b, seq: out.length, ts: 1000 + out.length, tournamentId: 't' } as Event);
  emit({
    type: 'tournament.started',
    name: 'demo',
    arena: 'battlesnake',
    rounds: 1,
    simsPerRound: 2,
    seed: 1,
    runDir: '/r',
    players: [
      { name: 'a', agent: 'noop', model: null },
      { name: 'b', agent: 'noop', model: null },
    ],
  });
  emit({ type: 'round.started', round: 0 });
  for (const sim of [0, 1]) {
    emit({ type: 'match.started', round: 0, matchId: `r0-s${sim}`, sim, seed: sim, players: ['a', 'b'] });
    emit({
      type: 'match.finished',
      round: 0,
      matchId: `r0-s${sim}`,
      sim,
      seed: sim,
      players: ['a', 'b'],
      ranks: { a: 1, b: 2 },
      winner: 'a',
      turns: 9,
      reason: 'x',
      faults: [],
      replay: '/r/x',
      ms: 5,
    });
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
});
