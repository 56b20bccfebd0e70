// The leaderboard payload: the canonical Bradley–Terry fit with intervals and the win-rate
// matrix (rating/leaderboard.ts), plus sims played per entry and ratings refitted on growing
// prefixes of the rounds for the rating-over-time chart; or, for a campaign, the campaign
// leaderboard (rating/campaign-leaderboard.ts). Cached until new rounds or edits are indexed.
import type { CampaignLeaderboardPayload, GroupBy, LeaderboardPayload } from '@codearena/protocol';
import { readCampaign } from '../rating/campaign-input.ts';
import { campaignLeaderboard } from '../rating/campaign-leaderboard.ts';
import { buildLeaderboard, groupKey } from '../rating/leaderboard.ts';
import type { IndexReader } from '../store/index-interfaces.ts';
import { HttpError } from './http-util.ts';

/** Points on the rating-over-time chart (each is one refit without bootstrap). */
const HISTORY_POINTS = 40;

export class LeaderboardService {
  private readonly cache = new Map<string, LeaderboardPayload>();
  private readonly campaigns = new Map<string, CampaignLeaderboardPayload>();

  constructor(private readonly store: IndexReader) {}

  async get(by: GroupBy, arena: string | null): Promise<LeaderboardPayload> {
    const results = await this.store.roundResults(arena ? { arena } : {});
    const last = results.at(-1);
    const key = `${by}|${arena ?? ''}|${results.length}|${last ? `${last.tournamentId}/${last.round}` : ''}`;
    const hit = this.cache.get(key);
    if (hit) return hit;

    const tournaments = await this.store.listTournaments();
    const names = new Map(tournaments.map((t) => [t.id, t.name]));
    const lb = buildLeaderboard(results, by);

    // Sims each entry played in rounds ≥ 1 (forfeits excluded).
    const matches = new Map<string, number>();
    for (const id of new Set(results.map((r) => r.tournamentId))) {
      const detail = await this.store.getTournament(id);
      if (!detail) continue;
      const keyOf = new Map(detail.players.map((p) => [p.name, groupKey(p, by)]));
      for (const round of detail.rounds) {
        if (round.round < 1) continue;
        for (const [player, k] of keyOf) {
          if (!round.forfeited.includes(player)) matches.set(k, (matches.get(k) ?? 0) + round.sims);
        }
      }
    }

    const counted = results.filter((r) => r.round >= 1);
    const history: LeaderboardPayload['history'] = [];
    const step = Math.max(1, Math.ceil(counted.length / HISTORY_POINTS));
    for (let n = step; n <= counted.length + step - 1; n += step) {
      const upTo = Math.min(n, counted.length);
      const fit = buildLeaderboard(counted.slice(0, upTo), by, { samples: 0 });
      const at = counted[upTo - 1]!;
      history.push({
        rounds: upTo,
        label: `${names.get(at.tournamentId) ?? at.tournamentId} · round ${at.round}`,
        ratings: Object.fromEntries(fit.rows.map((r) => [r.id, r.rating])),
      });
      if (upTo === counted.length) break;
    }

    const payload: LeaderboardPayload = {
      by,
      arena,
      arenas: [...new Set(tournaments.map((t) => t.arena))].sort(),
      rounds: lb.rounds,
      rows: lb.rows.map((r) => ({ ...r, matches: matches.get(r.id) ?? 0 })),
      graph: lb.graph,
      matrix: lb.matrix,
      history,
    };
    if (this.cache.size > 16) this.cache.clear();
    this.cache.set(key, payload);
    return payload;
  }

  /** 404 naming the known campaigns (or the campaign's arenas) when there is nothing to rate. */
  async campaign(name: string, by: GroupBy, arena: string | null): Promise<CampaignLeaderboardPayload> {
    const loaded = await readCampaign(this.store, name, arena);
    if (!loaded.ok) throw new HttpError(404, loaded.error);
    const { results, spend, tournaments } = loaded.data;
    const last = results.at(-1);
    const spent = spend.reduce((sum, s) => sum + s.costUsd, 0);
    const key = [
      name,
      by,
      arena ?? '',
      tournaments,
      results.length,
      last?.tournamentId,
      last?.round,
      spend.length,
      spent,
    ].join('|');
    const hit = this.campaigns.get(key);
    if (hit) return hit;
    const payload = campaignLeaderboard({ campaign: name, by, arena, ...loaded.data });
    if (this.campaigns.size > 16) this.campaigns.clear();
    this.campaigns.set(key, payload);
    return payload;
  }
}
