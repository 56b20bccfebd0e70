// Event logs of campaign tournaments for leaderboard tests: the store fixture's small tournament
// (alice vs bob: round 1 split 1–1, round 2 won 2–0 by bob; bob spends $0.0125 per edit), in any
// arena, campaign and pair of player names.
import type { Event } from '@codearena/protocol';
import { tournamentEvents } from '../store/events.fixture.ts';

export function campaignEvents(o: {
  id: string;
  runDir: string;
  arena: string;
  campaign: string | null;
  /** Stand-ins for alice and bob. */
  names?: [string, string];
  /** Order of creation (the index lists tournaments by start time). */
  t0?: number;
}): Event[] {
  const [a, b] = o.names ?? ['alice', 'bob'];
  // Names occur as JSON strings only (values and record keys), so a quoted swap renames them.
  const text = JSON.stringify(
    tournamentEvents({ id: o.id, runDir: o.runDir, arena: o.arena, t0: 1_760_000_000_000 + (o.t0 ?? 0) * 1_000_000 }),
  )
    .replaceAll('"alice"', JSON.stringify(a))
    .replaceAll('"bob"', JSON.stringify(b));
  return (JSON.parse(text) as Event[]).map((e) =>
    e.type === 'tournament.started' && o.campaign !== null ? { ...e, campaign: o.campaign } : e,
  );
}

/** A campaign "study" of three tournaments over two arenas, one of them between two other
 *  players (so the unified graph falls in two parts), plus one tournament outside any campaign. */
export function studyEvents(runDir: string): Event[] {
  return [
    ...campaignEvents({ id: 'study-1', runDir, arena: 'battlesnake', campaign: 'study', t0: 1 }),
    ...campaignEvents({ id: 'study-2', runDir, arena: 'corewar', campaign: 'study', t0: 2 }),
    ...campaignEvents({ id: 'study-3', runDir, arena: 'corewar', campaign: 'study', names: ['carol', 'dave'], t0: 3 }),
    ...campaignEvents({ id: 'solo-1', runDir, arena: 'battlesnake', campaign: null, names: ['alice', 'zed'], t0: 4 }),
  ];
}
