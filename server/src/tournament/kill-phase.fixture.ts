// For the kill-anywhere resume harness (kill-resume.fixture.ts): which phase a tournament was in
// when its log ended, and where an event of a run stands in the uninterrupted reference run.
// Pure functions over logged events.
import type { Event } from '@codearena/protocol';

/** `start`: before tournament.started; `resume`: a resumed process that has logged nothing yet
 *  (removing the dead one's containers, repairing its repos and files). */
export const PHASES = ['start', 'resume', 'edit', 'validate', 'compete'] as const;
export type Phase = (typeof PHASES)[number];

/**
 * The phase in progress after `events` (a log, or a prefix of one). Edit: a round ≥ 1 whose edit
 * phases did not all finish (after tournament.resumed: the ones it restarts); validate: edits done
 * but no sim of the round started since (a resume redoes validation); compete: the rest, up to
 * the next round.started. `attemptStart`: the first seq of the process being judged; a log with
 * nothing from it is `resume`.
 */
export function phaseOf(events: readonly Event[], attemptStart = 0): Phase {
  let players: string[] | null = null;
  let pending = new Set<string>();
  let competing = false;
  for (const e of events) {
    switch (e.type) {
      case 'tournament.started':
        players = e.players.map((p) => p.name);
        break;
      case 'round.started':
        pending = new Set(e.round > 0 ? players : []);
        competing = false;
        break;
      case 'tournament.resumed':
        pending = new Set(e.round > 0 ? e.edits : []);
        competing = false;
        break;
      case 'edit.finished':
        pending.delete(e.player);
        break;
      case 'match.started':
      case 'round.finished':
        competing = true;
        break;
      default:
        break;
    }
  }
  if (players === null) return 'start';
  if (attemptStart > 0 && (events.at(-1)?.seq ?? -1) < attemptStart) return 'resume';
  return pending.size > 0 ? 'edit' : competing ? 'compete' : 'validate';
}

/**
 * What names an event across runs of the same tournament (the same round, player, sim or step),
 * or null for events that have no counterpart to rely on (tournament.resumed, faults, frames).
 */
export function eventKey(e: Event): string | null {
  switch (e.type) {
    case 'tournament.started':
    case 'tournament.finished':
      return e.type;
    case 'round.started':
    case 'round.finished':
    case 'rating.updated':
      return `${e.type}/${e.round}`;
    case 'edit.step':
      return `${e.type}/${e.round}/${e.player}/${e.step}`;
    case 'edit.finished':
    case 'validation':
      return `${e.type}/${e.round}/${e.player}`;
    case 'match.started':
    case 'match.finished':
      return `${e.type}/${e.round}/${e.sim}`;
    default:
      return null;
  }
}

/** Each keyed event of the reference run → its seq there: how far along another run is. */
export function referencePositions(reference: readonly Event[]): Map<string, number> {
  const at = new Map<string, number>();
  for (const e of reference) {
    const k = eventKey(e);
    if (k !== null && !at.has(k)) at.set(k, e.seq);
  }
  return at;
}
