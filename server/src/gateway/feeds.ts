// Where the live hub reads a tournament's events. A LiveFeed is fed by the bus of a tournament
// running in this process (durable events and frames); a TailFeed follows the events.jsonl of
// one run by polling it (a tournament running in another process, or a finished one), so it has
// durable events only and match frames come from replay files. Both hand out the events after a
// seq, which is all a viewer needs to resume without gaps or duplicates.
import type { Event, MatchState, TurnFrame } from '@codearena/protocol';
import { RunFolder } from '../store/run-folder.ts';
import type { EventsTail } from '../store/run-log.ts';
import { logGatewayFault } from './gateway-log.ts';

export type FeedListener = (e: Event) => void;

export interface LiveMatch {
  round: number;
  /** Every frame emitted so far, in turn order. */
  frames: TurnFrame[];
}

export abstract class Feed {
  protected readonly events: Event[] = [];
  // A Set: unsubscribing is O(1), so thousands of viewers leaving cost linear time, not quadratic.
  private readonly listeners = new Set<FeedListener>();
  protected readonly started = new Set<string>();
  protected readonly finished = new Set<string>();
  ended = false;

  constructor(readonly tournamentId: string) {}

  /** Durable events with seq > `since`, in order. */
  since(since: number): Event[] {
    this.refresh();
    // Logs written before frames stopped taking numbers have gaps in seq: search, don't index.
    let lo = 0,
      hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.events[mid]!.seq <= since) lo = mid + 1;
      else hi = mid;
    }
    return this.events.slice(lo);
  }

  lastSeq(): number {
    this.refresh();
    return this.events.at(-1)?.seq ?? -1;
  }

  /** Frames of a match being played in this process, or undefined. */
  liveMatch(_matchId: string): LiveMatch | undefined {
    return undefined;
  }

  abstract matchState(matchId: string): MatchState;

  /** Each call subscribes anew (the same function twice is two subscriptions). */
  subscribe(l: FeedListener): () => void {
    const own: FeedListener = (e) => l(e);
    this.listeners.add(own);
    this.onSubscribersChanged(this.listeners.size);
    return () => {
      if (!this.listeners.delete(own)) return;
      this.onSubscribersChanged(this.listeners.size);
    };
  }

  get subscribers(): number {
    return this.listeners.size;
  }

  close(): void {
    this.listeners.clear();
    this.onSubscribersChanged(0);
  }

  protected refresh(): void {}
  protected onSubscribersChanged(_n: number): void {}

  protected publish(e: Event): void {
    if (e.type !== 'match.frame') {
      this.events.push(e);
      if (e.type === 'match.started') this.started.add(e.matchId);
      if (e.type === 'match.finished') this.finished.add(e.matchId);
      if (e.type === 'tournament.finished') this.ended = true;
    }
    for (const l of this.listeners) {
      try {
        l(e);
      } catch (err) {
        logGatewayFault(`live view listener failed on ${e.type}`, err);
      }
    }
  }
}

/** The tournament running in this process: `accept` is its bus listener. */
export class LiveFeed extends Feed {
  private readonly matches = new Map<string, LiveMatch>();

  readonly accept = (e: Event): void => {
    if (e.type === 'match.started') this.matches.set(e.matchId, { round: e.round, frames: [] });
    else if (e.type === 'match.frame')
      this.matches.get(e.matchId)?.frames.push({ turn: e.turn, frame: e.frame, ts: e.ts });
    // The replay file is written before match.finished, so its frames can be dropped here.
    else if (e.type === 'match.finished') this.matches.delete(e.matchId);
    // An aborted tournament leaves matches unfinished: they are no longer live either.
    else if (e.type === 'tournament.finished') this.matches.clear();
    this.publish(e);
  };

  override liveMatch(matchId: string): LiveMatch | undefined {
    return this.matches.get(matchId);
  }

  matchState(matchId: string): MatchState {
    if (this.matches.has(matchId)) return 'live';
    if (this.finished.has(matchId) || this.ended) return 'finished';
    return 'pending';
  }
}

/** Follows `<runDir>/events.jsonl`, polling while anyone listens and the run has not ended. */
export class TailFeed extends Feed {
  private readonly tail: EventsTail;
  private timer: NodeJS.Timeout | null = null;
  private warned = false;

  constructor(
    tournamentId: string,
    runDir: string,
    private readonly pollMs = 250,
  ) {
    super(tournamentId);
    this.tail = new RunFolder(runDir).tailEvents();
  }

  matchState(matchId: string): MatchState {
    this.refresh();
    if (this.finished.has(matchId) || this.ended) return 'finished';
    return this.started.has(matchId) ? 'elsewhere' : 'pending';
  }

  protected override onSubscribersChanged(n: number): void {
    if (n > 0 && !this.timer && !this.ended) {
      this.timer = setInterval(() => this.refresh(), this.pollMs);
      this.timer.unref();
    } else if ((n === 0 || this.ended) && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  /**
   * Takes whatever was appended since the last call (complete lines only). Never throws: it runs
   * from timers and socket handlers, and a log that cannot be read now is tried again next time.
   */
  protected override refresh(): void {
    if (this.ended && this.tail.started) return;
    try {
      for (const e of this.tail.read()) this.ingest(e);
    } catch (e) {
      logGatewayFault(`reading ${this.tail.path} failed`, e);
    }
    if (this.tail.badLines > 0 && !this.warned) {
      this.warned = true;
      process.stderr.write(`live view: skipping a damaged line in ${this.tail.path}\n`);
    }
    if (this.ended) this.onSubscribersChanged(0);
  }

  private ingest(e: Event): void {
    // Runs logged with frames on: frames are not durable, the replay files hold them.
    if (e.type === 'match.frame') return;
    const last = this.events.at(-1);
    if (last && e.seq <= last.seq) return;
    this.publish(e);
  }
}
