// The kill-anywhere harness's bookkeeping (kill-phase.fixture.ts, killSchedule): which phase a
// log leaves a tournament in, and kill moments that reach every phase.
import { describe, expect, it } from 'vitest';
import { type Event, createRng } from '@codearena/protocol';
import { tournamentEvents } from '../store/events.fixture.ts';
import { eventKey, phaseOf, referencePositions } from './kill-phase.fixture.ts';
import { killSchedule } from './kill-resume.fixture.ts';

const events = tournamentEvents({ runDir: '/runs/t' });
const upTo = (pick: (e: Event) => boolean) => events.slice(0, events.findIndex(pick) + 1);
const resumed = (round: number, edits: string[]): Event => ({
  type: 'tournament.resumed',
  seq: events.length,
  ts: 0,
  tournamentId: 't-2025-01',
  attempt: 2,
  round,
  edits,
  keptSims: [],
});

describe('phaseOf', () => {
  it('follows a round: edit until every edit phase finished, validate, then compete to the next round', () => {
    expect(phaseOf([])).toBe('start');
    expect(phaseOf(upTo((e) => e.type === 'round.started'))).toBe('edit');
    expect(phaseOf(upTo((e) => e.type === 'edit.finished' && e.player === 'alice'))).toBe('edit');
    expect(phaseOf(upTo((e) => e.type === 'edit.finished' && e.player === 'bob'))).toBe('validate');
    expect(phaseOf(upTo((e) => e.type === 'match.started'))).toBe('compete');
    expect(phaseOf(upTo((e) => e.type === 'round.finished'))).toBe('compete');
    expect(phaseOf(upTo((e) => e.type === 'round.started' && e.round === 2))).toBe('edit');
  });

  it('after a resume: the restarted edit phases, else validation redone; nothing logged yet is resume', () => {
    const head = upTo((e) => e.type === 'match.started');
    expect(phaseOf([...head, resumed(1, ['bob'])])).toBe('edit');
    expect(phaseOf([...head, resumed(1, [])])).toBe('validate');
    expect(phaseOf(head, events.length)).toBe('resume');
  });

  it('keys events by what they are about, not by when they came', () => {
    const at = referencePositions(events);
    const finished = events.find((e) => e.type === 'match.finished' && e.round === 2 && e.sim === 1)!;
    expect(at.get(eventKey({ ...finished, seq: 999, ts: 1 })!)).toBe(finished.seq);
    expect(eventKey(resumed(1, []))).toBeNull();
  });
});

describe('killSchedule', () => {
  it('aims at every phase in turn, ascending, inside the run, jitter below the gap to the next event', () => {
    const moments = killSchedule(events, 9, createRng('t'), 100);
    expect(moments.map((m) => m.target)).toEqual(moments.map((m) => m.target).sort((a, b) => a - b));
    const phases = moments.map((m) => phaseOf(events.slice(0, m.target + 1)));
    for (const p of ['edit', 'validate', 'compete']) expect(phases.filter((x) => x === p)).toHaveLength(3);
    for (const m of moments) {
      expect(m.target).toBeGreaterThanOrEqual(1);
      expect(m.target).toBeLessThan(events.length - 1);
      expect(m.jitterMs).toBeLessThanOrEqual(100); // the fixture's events are 250 ms apart
    }
  });
});
