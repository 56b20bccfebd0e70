// GET /api/leaderboard over a real gateway on loopback and an index built from event logs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, CampaignLeaderboardPayload, LeaderboardPayload } from '@codearena/protocol';
import { studyEvents } from '../rating/campaign-events.fixture.ts';
import { type StoreGateway, storeGateway } from './store-gateway.fixture.ts';

let sg: StoreGateway;
beforeAll(async () => {
  sg = await storeGateway('codearena-lb-api-', (store, dir) => store.ingestMany(studyEvents(dir)));
});
afterAll(() => sg.close());
const get = (path: string) => sg.get(path);

describe('GET /api/leaderboard?campaign=', () => {
  it('returns the campaign leaderboard: per arena, unified with equal arena weight, spend, the split', async () => {
    const { status, body } = await get('/api/leaderboard?campaign=study');
    expect(status).toBe(200);
    const lb = CampaignLeaderboardPayload.parse(body);
    expect(lb).toMatchObject({ campaign: 'study', by: 'player', arena: null, tournaments: 3 });
    expect(lb.arenas.map((a) => a.arena)).toEqual(['battlesnake', 'corewar']);
    expect(lb.unified.arenaWeights).toEqual({ battlesnake: 1.5, corewar: 0.75 });
    expect(lb.unified.graph.bridges).toEqual([{ a: 'alice', b: 'carol', joins: [0, 1] }]);
    expect(lb.spendByModel.map((m) => m.model)).toEqual(['search:scripted-1', 'noop']);
    // Same inputs, same answer (the bootstrap is seeded; the second one may come from the cache).
    expect((await get('/api/leaderboard?campaign=study')).body).toEqual(body);

    const byAgent = CampaignLeaderboardPayload.parse((await get('/api/leaderboard?campaign=study&by=agent')).body);
    expect(byAgent.unified.graph.components).toHaveLength(1);
  });

  it('answers 404 naming the known campaigns, or the arenas of the campaign', async () => {
    const unknown = await get('/api/leaderboard?campaign=nope');
    expect(unknown.status).toBe(404);
    expect(ApiError.parse(unknown.body).error).toContain('known campaigns: study');
    const arena = await get('/api/leaderboard?campaign=study&arena=poker');
    expect(arena.status).toBe(404);
    expect(ApiError.parse(arena.body).error).toContain('its arenas: battlesnake, corewar');
    expect((await get(`/api/leaderboard?campaign=${'x'.repeat(201)}`)).status).toBe(400);
  });

  it('keeps the plain leaderboard, now with its comparison graph', async () => {
    const lb = LeaderboardPayload.parse((await get('/api/leaderboard')).body);
    expect(lb.rows.map((r) => r.id).sort()).toEqual(['alice', 'bob', 'carol', 'dave', 'zed']);
    expect(lb.graph.components).toEqual([
      ['alice', 'bob', 'zed'],
      ['carol', 'dave'],
    ]);
    expect(lb.rows.find((r) => r.id === 'carol')?.component).toBe(1);
  });
});
