// What the campaign view derives from a campaign's cells: the matrix, the overall status, progress.
import { describe, expect, it } from 'vitest';
import type { CampaignCell } from '@codearena/protocol';
import { campaignProgress, campaignStatus, isActive, matrixOf, rosterColors, rosterKey } from './campaign-state.ts';

const cell = (
  index: number,
  arena: string,
  players: string[],
  repeat: number,
  status: CampaignCell['status'],
  roundsDone = 0,
): CampaignCell => ({
  index,
  runId: `c-${index}`,
  arena,
  players,
  repeat,
  status,
  winner: null,
  roundsDone,
  totalRounds: status === 'queued' ? 0 : 3,
});

const counts = (o: Partial<Record<CampaignCell['status'], number>>) => ({
  queued: 0,
  running: 0,
  interrupted: 0,
  finished: 0,
  aborted: 0,
  ...o,
});

describe('campaign state', () => {
  it('lays the cells out as pairings × arenas in matrix order, repeats sorted', () => {
    const cells = [
      cell(0, 'battlesnake', ['a', 'b'], 1, 'finished'),
      cell(1, 'battlesnake', ['a', 'b'], 0, 'running', 2),
      cell(2, 'corewar', ['a', 'c'], 0, 'queued'),
      cell(3, 'battlesnake', ['a', 'c'], 0, 'interrupted', 1),
    ];
    const m = matrixOf(cells);
    expect(m.arenas).toEqual(['battlesnake', 'corewar']);
    expect(m.rows.map((r) => r.players)).toEqual([
      ['a', 'b'],
      ['a', 'c'],
    ]);
    expect(m.rows[0]!.byArena.get('battlesnake')!.map((c) => c.repeat)).toEqual([0, 1]);
    expect(m.rows[0]!.byArena.get('corewar')).toBeUndefined();
    expect(m.rows[1]!.byArena.get('corewar')!.map((c) => c.runId)).toEqual(['c-2']);
    expect(rosterKey(cells)).toBe('a b c');
    expect(Object.keys(rosterColors(rosterKey(cells)))).toEqual(['a', 'b', 'c']);
    expect(rosterColors('')).toEqual({});
    // finished 1, running 2 of 4 rounds, queued 0, interrupted 1 of 4.
    const summary = { name: 'x', createdAt: 0, tournaments: 4, counts: counts({ finished: 1, running: 1 }) };
    expect(campaignProgress(summary, cells)).toBeCloseTo((1 + 0.5 + 0 + 0.25) / 4);
    expect(campaignProgress(summary)).toBe(0.25);
  });

  it('says running while anything runs, interrupted when only resumes are left, finished at the end', () => {
    expect(campaignStatus(counts({ running: 1, interrupted: 1, queued: 3 }))).toBe('running');
    expect(campaignStatus(counts({ interrupted: 1, queued: 3 }))).toBe('interrupted');
    expect(campaignStatus(counts({ queued: 3, finished: 1 }))).toBe('queued');
    expect(campaignStatus(counts({ finished: 3, aborted: 1 }))).toBe('finished');
    expect(campaignStatus(counts({ aborted: 2 }))).toBe('aborted');
    expect(isActive(counts({ queued: 1 }))).toBe(true);
    expect(isActive(counts({ interrupted: 1, finished: 2 }))).toBe(false);
  });
});
