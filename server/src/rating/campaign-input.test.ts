// The campaign leaderboard over a real SQLite index fed with events that carry the campaign.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreIndex } from '../store/index-db.ts';
import { loadCampaign } from './campaign-input.ts';
import { campaignLeaderboard } from './campaign-leaderboard.ts';
import { studyEvents } from './campaign-events.fixture.ts';

let dir: string;
let store: StoreIndex;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'codearena-campaign-lb-'));
  store = new StoreIndex(join(dir, 'codearena.sqlite'));
  store.ingestMany(studyEvents(join(dir, 'runs')));
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const load = (campaign: string, arena?: string) => {
  const r = loadCampaign(store, campaign, arena);
  if (!r.ok) throw new Error(r.error);
  return r.data;
};

describe('loadCampaign + campaignLeaderboard over the index', () => {
  it("reads only the campaign's tournaments: rounds and every edit's cost", () => {
    const data = load('study');
    expect(data.tournaments).toBe(3);
    expect(new Set(data.results.map((r) => r.tournamentId))).toEqual(new Set(['study-1', 'study-2', 'study-3']));
    expect(data.results.filter((r) => r.round >= 1)).toHaveLength(6);
    // 3 tournaments × 2 rounds × 2 players, bob and dave paying $0.0125 each time.
    expect(data.spend).toHaveLength(12);
    expect(data.spend.reduce((s, e) => s + e.costUsd, 0)).toBeCloseTo(6 * 0.0125, 12);
  });

  it('rates per arena and unified, reports the split and prices the models', () => {
    const lb = campaignLeaderboard({ campaign: 'study', by: 'player', samples: 50, ...load('study') });
    expect(lb.arenas.map((a) => [a.arena, a.rounds])).toEqual([
      ['battlesnake', 2],
      ['corewar', 4],
    ]);
    expect(lb.arenas[0]!.rows.map((r) => r.id)).toEqual(['bob', 'alice']);
    expect(lb.unified.rows.some((r) => r.id === 'zed')).toBe(false);
    expect(lb.unified.graph.components).toEqual([
      ['alice', 'bob'],
      ['carol', 'dave'],
    ]);
    expect(lb.unified.graph.bridges).toEqual([{ a: 'alice', b: 'carol', joins: [0, 1] }]);
    expect(lb.unified.arenaWeights).toEqual({ battlesnake: 1.5, corewar: 0.75 });
    expect(lb.spendByModel).toEqual([
      { model: 'search:scripted-1', spendUsd: expect.closeTo(0.075, 12), edits: 6 },
      { model: 'noop', spendUsd: 0, edits: 6 },
    ]);
    const bob = lb.unified.rows.find((r) => r.id === 'bob')!;
    expect(bob.spendUsd).toBeCloseTo(0.05, 12);
    expect(bob.ratingPerDollar).toBeCloseTo((bob.rating - 1200) / 0.05, 9);

    // By agent the two halves are the same two models: one component.
    const byAgent = campaignLeaderboard({ campaign: 'study', by: 'agent', samples: 50, ...load('study') });
    expect(byAgent.unified.graph.components).toEqual([['noop', 'search:scripted-1']]);
    expect(byAgent.unified.rows[0]).toMatchObject({ id: 'search:scripted-1', games: 6, wins: 3, draws: 3 });
  });

  it('narrows to one arena, and names what exists when asked for what does not', () => {
    expect(load('study', 'corewar').tournaments).toBe(2);
    expect(loadCampaign(store, 'nope')).toEqual({
      ok: false,
      error: expect.stringContaining('known campaigns: study'),
    });
    expect(loadCampaign(store, 'study', 'poker')).toEqual({
      ok: false,
      error: expect.stringContaining('its arenas: battlesnake, corewar'),
    });
  });
});
