// Typed in-process event bus: stamps every event with seq, ts and the tournament id, then
// hands it to every subscriber in order. Subscribers must not throw; if one does, the error
// is reported on stderr and the others still get the event.
import type { Event, EventBody } from '@codearena/protocol';

export type Listener = (e: Event) => void;

export class EventBus {
  private seq = 0;
  private listeners: Listener[] = [];
  constructor(
    readonly tournamentId: string,
    startSeq = 0,
    /** The clock that stamps `ts` (injected in tests of the round loop). */
    private readonly now: () => number = Date.now,
  ) {
    this.seq = startSeq;
  }

  subscribe(l: Listener): () => void {
    this.listeners.push(l);
    return () => {
      this.listeners = this.listeners.filter((x) => x !== l);
    };
  }

  emit(body: EventBody): Event {
    // Frames are live-only (replay files hold them), so they do not take a number of their own:
    // the durable log stays gap-free and a frame carries the seq of the event before it.
    const seq = body.type === 'match.frame' ? this.seq - 1 : this.seq++;
    const e = { ...body, seq, ts: this.now(), tournamentId: this.tournamentId } as Event;
    for (const l of this.listeners) {
      try {
        l(e);
      } catch (err) {
        process.stderr.write(`event listener failed on ${e.type}: ${(err as Error).stack ?? err}\n`);
      }
    }
    return e;
  }
}
