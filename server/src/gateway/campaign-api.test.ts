// GET /api/campaigns and /api/campaigns/:name over a real gateway on loopback, an index built from
// event logs and a registered campaign matrix (some cells begun, some still queued).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ApiError, CampaignDetail, CampaignList } from '@codearena/protocol';
import { campaignEvents } from '../rating/campaign-events.fixture.ts';
import { type StoreGateway, storeGateway } from './store-gateway.fixture.ts';

const job = (index: number, arena: string, repeat: number) => ({
  index,
  runId: `study-${index}`,
  arena,
  players: ['alice', 'bob'],
  repeat,
});

let sg: StoreGateway;
beforeAll(async () => {
  sg = await storeGateway('codearena-campaign-api-', (store, dir) => {
    store.registerCampaign({
      name: 'study',
      specHash: 'h1',
      createdAt: 10,
      jobs: [job(0, 'battlesnake', 0), job(1, 'battlesnake', 1), job(2, 'corewar', 0)],
    });
    store.registerCampaign({ name: 'later', specHash: 'h2', createdAt: 20, jobs: [job(0, 'corewar', 0)] });
    // study-0 finished; the others have not begun.
    store.ingestMany(
      campaignEvents({ id: 'study-0', runDir: join(dir, 'study-0'), arena: 'battlesnake', campaign: 'study' }),
    );
  });
});
afterAll(() => sg.close());
const get = (path: string) => sg.get(path);

describe('GET /api/campaigns', () => {
  it('lists every campaign, newest first, with counts by status', async () => {
    const { status, body } = await get('/api/campaigns');
    expect(status).toBe(200);
    const list = CampaignList.parse(body);
    expect(list.campaigns.map((c) => [c.name, c.tournaments])).toEqual([
      ['later', 1],
      ['study', 3],
    ]);
    expect(list.campaigns[1]!.counts).toEqual({ queued: 2, running: 0, interrupted: 0, finished: 1, aborted: 0 });
  });
});

describe('GET /api/campaigns/:name', () => {
  it('answers the matrix: every cell with its place, status and winner', async () => {
    const { status, body } = await get('/api/campaigns/study');
    expect(status).toBe(200);
    const c = CampaignDetail.parse(body);
    expect(c.name).toBe('study');
    expect(c.cells.map((x) => [x.runId, x.arena, x.repeat, x.status, x.winner])).toEqual([
      ['study-0', 'battlesnake', 0, 'finished', 'bob'],
      ['study-1', 'battlesnake', 1, 'queued', null],
      ['study-2', 'corewar', 0, 'queued', null],
    ]);
  });

  it('answers 404 naming the known campaigns, and 400 for a name that cannot be one', async () => {
    const unknown = await get('/api/campaigns/nope');
    expect(unknown.status).toBe(404);
    expect(ApiError.parse(unknown.body).error).toMatch(/no campaign "nope".*known campaigns: later, study/);
    for (const bad of ['..%2Fetc', '%00', `${'x'.repeat(61)}`, '-dash', 'a%20b']) {
      const r = await get(`/api/campaigns/${bad}`);
      expect([bad, r.status]).toEqual([bad, 400]);
      expect(ApiError.parse(r.body).error).toMatch(/campaign name/);
    }
  });
});
