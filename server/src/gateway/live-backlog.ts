// What a freshly started gateway process needs to show a live tournament as if it had never
// died: every durable event so far and the frames of the matches still being played (the same
// state a LiveFeed keeps). The supervisor keeps one per live tournament and replays it.
import type { Event } from '@codearena/protocol';

export class LiveBacklog {
  private readonly durable: Event[] = [];
  private readonly frames = new Map<string, Event[]>();

  accept(e: Event): void {
    if (e.type === 'match.frame') {
      this.frames.get(e.matchId)?.push(e);
      return;
    }
    this.durable.push(e);
    if (e.type === 'match.started') this.frames.set(e.matchId, []);
    // A finished match's frames are in its replay file; an ended tournament has no live match.
    else if (e.type === 'match.finished') this.frames.delete(e.matchId);
    else if (e.type === 'tournament.finished') this.frames.clear();
  }

  /** Durable events in order, then the frames of live matches (each after its match.started). */
  *replay(): Generator<Event> {
    yield* this.durable;
    for (const frames of this.frames.values()) yield* frames;
  }
}
