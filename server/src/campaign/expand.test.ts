import { describe, expect, it } from 'vitest';
import { CampaignJob, CampaignSpec, type CampaignSpecInput, TournamentConfig, deriveSeed } from '@codearena/protocol';
import { expandCampaign } from './expand.ts';
import { campaignTotals } from './totals.ts';

const BASE = '/specs/here';

const spec = (over: Partial<CampaignSpecInput> = {}): CampaignSpec =>
  CampaignSpec.parse({
    campaign: { name: 'study', repeats: 2, seed: 7 },
    tournament: { rounds: 3, sims_per_round: 5 },
    arenas: [{ id: 'battlesnake' }, { id: 'corewar', args: {} }],
    roster: [
      { name: 'a', agent: { kind: 'search' } },
      { name: 'b', agent: { kind: 'noop' }, codebase: { corewar: 'bots/warrior', battlesnake: '/abs/snake' } },
      { name: 'c', agent: { kind: 'noop' }, codebase: 'shared' },
    ],
    ...over,
  });

const summary = (jobs: CampaignJob[]) => jobs.map((j) => `${j.index} ${j.arena} ${j.players.join('+')} r${j.repeat}`);

describe('expandCampaign', () => {
  it('round-robin: arenas × pairs (roster order) × repeats, in that order', () => {
    expect(summary(expandCampaign(spec(), BASE))).toEqual([
      '0 battlesnake a+b r0',
      '1 battlesnake a+b r1',
      '2 battlesnake a+c r0',
      '3 battlesnake a+c r1',
      '4 battlesnake b+c r0',
      '5 battlesnake b+c r1',
      '6 corewar a+b r0',
      '7 corewar a+b r1',
      '8 corewar a+c r0',
      '9 corewar a+c r1',
      '10 corewar b+c r0',
      '11 corewar b+c r1',
    ]);
  });

  it('all-play-all: the whole roster in one tournament per arena and repeat', () => {
    expect(summary(expandCampaign(spec({ pairing: 'all-play-all' }), BASE))).toEqual([
      '0 battlesnake a+b+c r0',
      '1 battlesnake a+b+c r1',
      '2 corewar a+b+c r0',
      '3 corewar a+b+c r1',
    ]);
  });

  it('explicit groups, as written', () => {
    const jobs = expandCampaign(
      spec({
        pairing: [
          ['c', 'a'],
          ['a', 'b', 'c'],
        ],
        campaign: { name: 'study', seed: 7 },
      }),
      BASE,
    );
    expect(summary(jobs)).toEqual([
      '0 battlesnake c+a r0',
      '1 battlesnake a+b+c r0',
      '2 corewar c+a r0',
      '3 corewar a+b+c r0',
    ]);
  });

  it('same spec ⇒ same jobs; seeds derive from the campaign seed and the place in the matrix', () => {
    const once = expandCampaign(spec(), BASE);
    expect(expandCampaign(spec(), BASE)).toEqual(once);
    for (const j of once) {
      expect(j.seed).toBe(deriveSeed(7, j.arena, j.players.join(','), j.repeat));
      expect(j.config.tournament.seed).toBe(j.seed);
      expect(() => CampaignJob.parse(j)).not.toThrow();
    }
    expect(new Set(once.map((j) => j.seed)).size).toBe(once.length);
    const other = expandCampaign(spec({ campaign: { name: 'study', repeats: 2, seed: 8 } }), BASE);
    expect(other.map((j) => j.seed)).not.toEqual(once.map((j) => j.seed));
    expect(other.map((j) => j.runId)).toEqual(once.map((j) => j.runId));
  });

  it('each job is a full tournament config: campaign, readable name, players from the roster', () => {
    const [job] = expandCampaign(spec(), BASE);
    expect(job?.runId).toBe('study-battlesnake-a-b-r0');
    expect(TournamentConfig.parse(job?.config)).toEqual(job?.config);
    expect(job?.config.tournament).toEqual({
      name: 'battlesnake: a vs b (1/2)',
      campaign: 'study',
      seed: job?.seed,
      rounds: 3,
      sims_per_round: 5,
      sim_concurrency: 2,
      transparent: false,
    });
    expect(job?.config.players[0]).toEqual({
      name: 'a',
      agent: { kind: 'search', candidates: 4, sims_per_candidate: 6, step: 0.25 },
    });
  });

  it("resolves each player's codebase for the job's arena", () => {
    const jobs = expandCampaign(spec({ pairing: 'all-play-all' }), BASE);
    const codebases = (arena: string) =>
      jobs.find((j) => j.arena === arena)?.config.players.map((p) => p.codebase ?? 'starter');
    expect(codebases('battlesnake')).toEqual(['starter', '/abs/snake', '/specs/here/shared']);
    expect(codebases('corewar')).toEqual(['starter', '/specs/here/bots/warrior', '/specs/here/shared']);
    const noCorewar = spec({
      pairing: 'all-play-all',
      roster: [
        { name: 'a', agent: { kind: 'noop' } },
        { name: 'b', agent: { kind: 'noop' }, codebase: { battlesnake: 'snake' } },
      ],
    });
    const cw = expandCampaign(noCorewar, BASE).find((j) => j.arena === 'corewar');
    expect(cw?.config.players.map((p) => p.codebase)).toEqual([undefined, undefined]);
  });

  it('run ids stay unique and valid when names hold the separator or are long', () => {
    const noop = { kind: 'noop' as const };
    const ambiguous = expandCampaign(
      spec({
        campaign: { name: 'x', seed: 1 },
        arenas: [{ id: 'corewar' }],
        roster: ['a-b', 'c', 'a', 'b-c'].map((name) => ({ name, agent: noop })),
        pairing: [
          ['a-b', 'c'],
          ['a', 'b-c'],
        ],
      }),
      BASE,
    );
    const [first, second] = ambiguous.map((j) => j.runId);
    expect(first).toMatch(/^x-corewar-a-b-c-r0-[0-9a-f]{8}$/);
    expect(second).toMatch(/^x-corewar-a-b-c-r0-[0-9a-f]{8}$/);
    expect(first).not.toBe(second);

    const long = expandCampaign(
      spec({
        pairing: 'all-play-all',
        arenas: [{ id: 'corewar' }],
        roster: Array.from({ length: 8 }, (_, i) => ({ name: `${'p'.repeat(38)}${i}`, agent: noop })),
      }),
      BASE,
    );
    for (const j of long) {
      expect(j.runId.length).toBeLessThanOrEqual(200);
      expect(() => CampaignJob.parse(j)).not.toThrow();
    }
    expect(new Set(long.map((j) => j.runId)).size).toBe(long.length);
    expect(long[0]?.config.tournament.name?.length).toBeLessThanOrEqual(80);
  });
});

describe('campaignTotals', () => {
  it('counts sims, edit phases and the worst-case spend per model from the cost limits', () => {
    const llm = (model: string, cost: number) => ({
      kind: 'llm' as const,
      provider: 'openai' as const,
      model,
      limits: { cost_usd: cost },
    });
    const jobs = expandCampaign(
      spec({
        roster: [
          { name: 'big', agent: llm('gpt-4.1', 2) },
          { name: 'small', agent: llm('gpt-4.1-mini', 0.5) },
          { name: 'control', agent: { kind: 'noop' } },
        ],
      }),
      BASE,
    );
    // 2 arenas × 3 pairs × 2 repeats = 12 tournaments of 3 rounds, 5 sims a round, 2 players.
    const t = campaignTotals(jobs);
    expect(t).toEqual({
      tournaments: 12,
      sims: 12 * 4 * 5,
      editPhases: 12 * 3 * 2,
      // Each player is in 2 of 3 pairs: 8 tournaments × 3 rounds.
      byModel: [
        { model: 'openai/gpt-4.1', editPhases: 24, worstCaseUsd: 48 },
        { model: 'openai/gpt-4.1-mini', editPhases: 24, worstCaseUsd: 12 },
      ],
      worstCaseUsd: 60,
      unbounded: [],
      modelFree: ['control'],
    });
  });
});
