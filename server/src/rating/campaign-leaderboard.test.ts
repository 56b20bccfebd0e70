import { describe, expect, it } from 'vitest';
import { CampaignLeaderboardPayload, type PlayerInfo, type RoundResult } from '@codearena/protocol';
import { bootstrapBT } from './bradley-terry.ts';
import { campaignLeaderboard, type CampaignInput } from './campaign-leaderboard.ts';
import { roundPairs } from './leaderboard.ts';

const sonnet: PlayerInfo = { name: 'sonnet', agent: 'llm', model: 'claude-sonnet-4-5' };
const gpt: PlayerInfo = { name: 'gpt', agent: 'llm', model: 'gpt-4.1' };

/** `n` rounds of one arena in which a's sim wins are `a` and b's are `b`. */
function rounds(arena: string, n: number, wins: [number, number], players = [sonnet, gpt]): RoundResult[] {
  return Array.from({ length: n }, (_, i) => ({
    tournamentId: `${arena}-t`,
    arena,
    round: i + 1,
    simWins: { [players[0]!.name]: wins[0], [players[1]!.name]: wins[1] },
    players,
  }));
}

const board = (results: RoundResult[], extra: Partial<CampaignInput> = {}) =>
  CampaignLeaderboardPayload.parse(
    campaignLeaderboard({ campaign: 'c', by: 'player', tournaments: 2, results, spend: [], samples: 50, ...extra }),
  );

describe('campaignLeaderboard', () => {
  it('weighs every arena the same: an arena with 10× the rounds does not dominate', () => {
    // battlesnake: 80 rounds, sonnet wins 60; corewar: 8 rounds, gpt wins 6. Mirror images.
    const results = [
      ...rounds('battlesnake', 60, [3, 1]),
      ...rounds('battlesnake', 20, [1, 3]),
      ...rounds('corewar', 2, [3, 1]),
      ...rounds('corewar', 6, [1, 3]),
    ];
    const lb = board(results);
    const rating = (id: string) => lb.unified.rows.find((r) => r.id === id)!.rating;
    expect(Math.abs(rating('sonnet') - rating('gpt'))).toBeLessThan(1e-6);
    expect(lb.unified.arenaWeights.corewar! / lb.unified.arenaWeights.battlesnake!).toBeCloseTo(10, 9);
    // The record counts outcomes, not weights.
    expect(lb.unified.rows.find((r) => r.id === 'sonnet')).toMatchObject({ games: 88, wins: 62, losses: 26 });

    // Without the weights the big arena would decide it.
    const plain = bootstrapBT(
      results.flatMap((r) => roundPairs(r, 'player')),
      { samples: 0, seed: 1 },
    );
    expect(plain[0]!.id).toBe('sonnet');
    expect(plain[0]!.rating - plain[1]!.rating).toBeGreaterThan(100);

    // Per arena, each arena's own verdict.
    const arena = (id: string) => lb.arenas.find((a) => a.arena === id)!;
    expect(arena('battlesnake').rows[0]!.id).toBe('sonnet');
    expect(arena('corewar').rows[0]!.id).toBe('gpt');
    expect(arena('battlesnake').rounds).toBe(80);
    expect(lb.unified.rounds).toBe(88);
  });

  it('groups by agent and model across tournaments and names', () => {
    const sonnet2: PlayerInfo = { name: 'claude', agent: 'llm', model: 'claude-sonnet-4-5' };
    const lb = board([...rounds('battlesnake', 4, [2, 1]), ...rounds('corewar', 4, [2, 1], [sonnet2, gpt])], {
      by: 'agent',
    });
    expect(lb.unified.rows.map((r) => r.id).sort()).toEqual(['llm:claude-sonnet-4-5', 'llm:gpt-4.1']);
    expect(lb.unified.rows[0]).toMatchObject({ id: 'llm:claude-sonnet-4-5', games: 8, wins: 8 });
  });

  it('sums spend per model and rates per dollar; nothing spent gives no ratio', () => {
    const noop: PlayerInfo = { name: 'control', agent: 'noop', model: null };
    const results = [...rounds('battlesnake', 6, [3, 1]), ...rounds('corewar', 6, [3, 1], [gpt, noop])];
    const lb = board(results, {
      spend: [
        { player: sonnet, costUsd: 1.5 },
        { player: sonnet, costUsd: 0.5 },
        { player: gpt, costUsd: 4 },
        { player: noop, costUsd: 0 },
      ],
    });
    expect(lb.spendByModel).toEqual([
      { model: 'llm:gpt-4.1', spendUsd: 4, edits: 1 },
      { model: 'llm:claude-sonnet-4-5', spendUsd: 2, edits: 2 },
      { model: 'noop', spendUsd: 0, edits: 1 },
    ]);
    const row = (id: string) => lb.unified.rows.find((r) => r.id === id)!;
    expect(row('sonnet').spendUsd).toBe(2);
    expect(row('sonnet').ratingPerDollar).toBeCloseTo((row('sonnet').rating - 1200) / 2, 9);
    expect(row('gpt').ratingPerDollar).toBeCloseTo((row('gpt').rating - 1200) / 4, 9);
    expect(row('control')).toMatchObject({ spendUsd: 0, ratingPerDollar: null });
  });

  it('reports a campaign whose pairs never met, per arena and unified, with the bridge to play', () => {
    const opus: PlayerInfo = { name: 'opus', agent: 'llm', model: 'claude-opus-4' };
    const o3: PlayerInfo = { name: 'o3', agent: 'llm', model: 'o3' };
    const lb = board([...rounds('battlesnake', 5, [2, 1]), ...rounds('corewar', 3, [2, 1], [opus, o3])]);
    expect(lb.unified.graph.components).toEqual([
      ['gpt', 'sonnet'],
      ['o3', 'opus'],
    ]);
    expect(lb.unified.graph.bridges).toEqual([{ a: 'gpt', b: 'o3', joins: [0, 1] }]);
    expect(lb.unified.rows.map((r) => r.component)).toEqual([0, 0, 1, 1]);
    for (const a of lb.arenas) expect(a.graph.components).toHaveLength(1);
  });

  it('rates nothing before a scored round, and round 0 never counts', () => {
    const lb = board(rounds('battlesnake', 1, [2, 0]).map((r) => ({ ...r, round: 0 })));
    expect(lb.arenas).toEqual([]);
    expect(lb.unified).toMatchObject({ rounds: 0, rows: [], arenaWeights: {} });
  });
});
