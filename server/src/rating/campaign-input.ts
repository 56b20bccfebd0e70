// What the campaign leaderboard reads from the index: the campaign's round results and the cost
// of every edit its players made, or why there is nothing to read.
import type { StoreIndex } from '../store/index-db.ts';
import type { SpendItem } from './campaign-leaderboard.ts';
import type { RoundResult } from '@codearena/protocol';

export type CampaignData = { tournaments: number; results: RoundResult[]; spend: SpendItem[] };

export function loadCampaign(
  store: StoreIndex,
  campaign: string,
  arena?: string | null,
): { ok: true; data: CampaignData } | { ok: false; error: string } {
  const all = store.listTournaments();
  const mine = all.filter((t) => t.campaign === campaign);
  if (!mine.length) {
    const known = [...new Set(all.flatMap((t) => (t.campaign === null ? [] : [t.campaign])))].sort();
    return {
      ok: false,
      error: `no campaign "${campaign}" in the index; ${known.length ? `known campaigns: ${known.join(', ')}` : 'no campaign has run yet (codearena campaign run <spec>)'}`,
    };
  }
  const picked = arena ? mine.filter((t) => t.arena === arena) : mine;
  if (!picked.length) {
    const arenas = [...new Set(mine.map((t) => t.arena))].sort();
    return {
      ok: false,
      error: `campaign "${campaign}" has no tournament in arena "${arena}"; its arenas: ${arenas.join(', ')}`,
    };
  }
  const spend: SpendItem[] = [];
  for (const t of picked) {
    const players = new Map((store.getTournament(t.id)?.players ?? []).map((p) => [p.name, p]));
    for (const e of store.edits(t.id)) {
      const player = players.get(e.player);
      if (player) spend.push({ player, costUsd: e.costUsd });
    }
  }
  const results = store.roundResults(arena ? { campaign, arena } : { campaign });
  return { ok: true, data: { tournaments: picked.length, results, spend } };
}
