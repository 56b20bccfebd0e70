// The campaign leaderboard (issue 13): a Bradley–Terry fit per arena, a unified fit in which every
// arena weighs the same (as Kaggle's Game Arena does), spend per model and rating per dollar, and
// each fit's comparison graph, so a split campaign is reported rather than silently rated.
import type { CampaignEntry, CampaignLeaderboardPayload, GroupBy, PlayerInfo, RoundResult } from '@codearena/protocol';
import { BT_BASE_RATING, type WeightedResult } from './bradley-terry.ts';
import { type FitSettings, fitWithGraph, groupKey, roundPairs } from './leaderboard.ts';

/** One edit's model cost, with the player who made it. */
export type SpendItem = { player: PlayerInfo; costUsd: number };

export type CampaignInput = FitSettings & {
  campaign: string;
  by: GroupBy;
  arena?: string | null;
  /** Tournaments of the campaign (in the arena asked for). */
  tournaments: number;
  results: readonly RoundResult[];
  spend: readonly SpendItem[];
};

export function campaignLeaderboard(input: CampaignInput): CampaignLeaderboardPayload {
  const { by } = input;
  const byArena = new Map<string, RoundResult[]>();
  for (const r of input.results) if (r.round >= 1) byArena.set(r.arena, [...(byArena.get(r.arena) ?? []), r]);
  const arenaIds = [...byArena.keys()].sort();

  const arenaPairs = new Map(arenaIds.map((a) => [a, byArena.get(a)!.flatMap((r) => roundPairs(r, by))]));
  const arenas = arenaIds.map((arena) => ({
    arena,
    rounds: byArena.get(arena)!.length,
    ...fitWithGraph(arenaPairs.get(arena)!, input),
  }));

  // Equal arena weight: each of arena a's n_a outcomes weighs N / (A · n_a), so every arena's
  // outcomes sum to N / A and an arena with 10× the rounds counts no more than any other. The
  // weights sum to N, the number of real outcomes, so the fit's one-game prior pulls as hard as
  // in an unweighted fit of the same data. The bootstrap resamples each arena on its own
  // (strata), which keeps every arena's share fixed across resamples and lets a thinly played
  // arena's noise widen the intervals instead of being hidden by its large weight.
  const played = arenaIds.filter((a) => arenaPairs.get(a)!.length > 0);
  const total = played.reduce((n, a) => n + arenaPairs.get(a)!.length, 0);
  const arenaWeights = Object.fromEntries(played.map((a) => [a, total / (played.length * arenaPairs.get(a)!.length)]));
  const weighted: WeightedResult[] = played.flatMap((a) =>
    arenaPairs.get(a)!.map((p) => ({ ...p, weight: arenaWeights[a]!, stratum: a })),
  );
  const unified = fitWithGraph(weighted, input);

  const spend = new Map<string, number>();
  const models = new Map<string, { spendUsd: number; edits: number }>();
  for (const { player, costUsd } of input.spend) {
    const key = groupKey(player, by);
    spend.set(key, (spend.get(key) ?? 0) + costUsd);
    const model = groupKey(player, 'agent');
    const m = models.get(model) ?? { spendUsd: 0, edits: 0 };
    models.set(model, { spendUsd: m.spendUsd + costUsd, edits: m.edits + 1 });
  }

  // Rating per dollar: Elo points above the campaign mean (1200) per dollar spent. It ranks what
  // money bought among entities that spent; one that spent nothing has no ratio (null), not an
  // infinite one. Like the ratings, compare it only within one component.
  const rows: CampaignEntry[] = unified.rows.map((r) => {
    const spendUsd = spend.get(r.id) ?? 0;
    return { ...r, spendUsd, ratingPerDollar: spendUsd > 0 ? (r.rating - BT_BASE_RATING) / spendUsd : null };
  });

  return {
    campaign: input.campaign,
    by,
    arena: input.arena ?? null,
    tournaments: input.tournaments,
    arenas,
    unified: { rounds: input.results.filter((r) => r.round >= 1).length, rows, graph: unified.graph, arenaWeights },
    spendByModel: [...models]
      .map(([model, m]) => ({ model, ...m }))
      .sort((x, y) => y.spendUsd - x.spendUsd || (x.model < y.model ? -1 : 1)),
  };
}
