// What the campaign leaderboard reads from the index: the campaign's round results and the cost
// of every edit its players made, or why there is nothing to read. `loadCampaign` reads the
// SQLite index synchronously; `readCampaign` any index (SQLite or PostgreSQL) asynchronously.
import type { IndexReader } from '../store/index-interfaces.ts';
import type { StoreIndex } from '../store/index-db.ts';
import type { SpendItem } from './campaign-leaderboard.ts';
import type { EditRow, RoundResult, TournamentRecord, TournamentSummary } from '@codearena/protocol';

export type CampaignData = { tournaments: number; results: RoundResult[]; spend: SpendItem[] };
type Loaded = { ok: true; data: CampaignData } | { ok: false; error: string };
type Picked = { ok: true; picked: TournamentSummary[] } | { ok: false; error: string };

export function loadCampaign(store: StoreIndex, campaign: string, arena?: string | null): Loaded {
  const p = pick(store.listTournaments(), campaign, arena);
  if (!p.ok) return p;
  const spend = p.picked.flatMap((t) => spendOf(store.getTournament(t.id), store.edits(t.id)));
  const results = store.roundResults(arena ? { campaign, arena } : { campaign });
  return { ok: true, data: { tournaments: p.picked.length, results, spend } };
}

export async function readCampaign(index: IndexReader, campaign: string, arena?: string | null): Promise<Loaded> {
  const p = pick(await index.listTournaments(), campaign, arena);
  if (!p.ok) return p;
  const spend = await Promise.all(
    p.picked.map(async (t) => spendOf(await index.getTournament(t.id), await index.edits(t.id))),
  );
  const results = await index.roundResults(arena ? { campaign, arena } : { campaign });
  return { ok: true, data: { tournaments: p.picked.length, results, spend: spend.flat() } };
}

/** The campaign's tournaments (of one arena when asked), or what is known instead. */
function pick(all: TournamentSummary[], campaign: string, arena?: string | null): Picked {
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
  return { ok: true, picked };
}

function spendOf(t: TournamentRecord | undefined, edits: EditRow[]): SpendItem[] {
  const players = new Map((t?.players ?? []).map((p) => [p.name, p]));
  return edits.flatMap((e) => {
    const player = players.get(e.player);
    return player ? [{ player, costUsd: e.costUsd }] : [];
  });
}
