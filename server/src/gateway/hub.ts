// The socket.io hub: viewers watch tournaments (durable events from a seq: backlog, then the
// live tail) and matches (frames from a turn). Resuming is the client's job: after a reconnect
// it watches again from the last seq / turn it holds. Frames go out in batches, each waiting for
// the previous one's ack, so a slow browser gets fewer, larger batches instead of a flood.
import type { Server, Socket } from 'socket.io';
import {
  type Event,
  type MatchState,
  type Preview,
  SocketEvents,
  type TurnFrame,
  WatchMatch,
  WatchTournament,
} from '@codearena/protocol';
import type { Feed } from './feeds.ts';
import type { FeedRegistry } from './feed-registry.ts';
import { logGatewayFault } from './gateway-log.ts';

export interface HubOptions {
  /** Minimum gap between two frame batches to one viewer. */
  frameIntervalMs?: number;
  /** How often a tournament viewer gets the latest frame of each live match. */
  previewIntervalMs?: number;
  /** Events per message in a backlog. */
  batchMax?: number;
}

/** Watches one socket may hold at once: a page shows one match and one tournament; a few tabs' worth is plenty. */
export const MAX_MATCH_WATCHES = 8;
export const MAX_TOURNAMENT_WATCHES = 4;

type Ack = (reply: unknown) => void;
type Handler = (raw: unknown, ack?: Ack) => void | Promise<void>;

export function attachHub(io: Server, registry: FeedRegistry, o: HubOptions = {}): void {
  const opts = {
    frameIntervalMs: o.frameIntervalMs ?? 50,
    previewIntervalMs: o.previewIntervalMs ?? 250,
    batchMax: o.batchMax ?? 500,
  };

  io.on('connection', (socket) => {
    // Keyed per socket, so a disconnect closes exactly this socket's watches (at most the caps).
    const tournaments = new Map<string, TournamentWatch>();
    const matches = new Map<string, MatchWatch>();

    /** Every handler runs guarded: a payload that makes one throw gets an error ack, never a crash. */
    const on = (event: string, h: Handler) =>
      socket.on(event, (raw: unknown, ack?: unknown) => {
        const reply = typeof ack === 'function' ? (ack as Ack) : undefined;
        const failed = (e: unknown) => {
          logGatewayFault(`socket.io ${event} failed`, e);
          replyTo(reply, { ok: false, error: `internal error handling ${event}` });
        };
        try {
          h(raw, reply)?.catch(failed);
        } catch (e) {
          failed(e);
        }
      });

    on(SocketEvents.watchTournament, async (raw, ack) => {
      const p = WatchTournament.safeParse(raw);
      if (!p.success) return replyTo(ack, { ok: false, error: issueText(p.error) });
      const { tournamentId, since, previews } = p.data;
      if (!tournaments.has(tournamentId) && tournaments.size >= MAX_TOURNAMENT_WATCHES) {
        return replyTo(ack, {
          ok: false,
          error: `this connection already watches at most ${MAX_TOURNAMENT_WATCHES} tournaments; send ${SocketEvents.unwatchTournament} for one first`,
        });
      }
      tournaments.get(tournamentId)?.close();
      tournaments.delete(tournamentId);
      const feed = await registry.acquire(tournamentId);
      if (!feed) return replyTo(ack, { ok: false, error: `no tournament ${tournamentId}` });
      // While the store answered, the socket may have left, or watched this or others (the cap
      // is checked again so that watches sent at once cannot pass it together).
      if (socket.disconnected || tournaments.has(tournamentId) || tournaments.size >= MAX_TOURNAMENT_WATCHES) {
        registry.release(feed);
        return replyTo(ack, { ok: false, error: `watch of ${tournamentId} overtaken by another; send it again` });
      }
      // Ack first so the client knows the watch is on before the backlog arrives.
      replyTo(ack, { ok: true, live: registry.isLive(tournamentId) });
      tournaments.set(
        tournamentId,
        new TournamentWatch(socket, feed, since, previews ?? false, opts, () => registry.release(feed)),
      );
    });

    on(SocketEvents.unwatchTournament, (raw) => {
      const id = field(raw, 'tournamentId');
      if (id === null) return;
      tournaments.get(id)?.close();
      tournaments.delete(id);
    });

    on(SocketEvents.watchMatch, async (raw, ack) => {
      const p = WatchMatch.safeParse(raw);
      if (!p.success) return replyTo(ack, { ok: false, error: issueText(p.error) });
      const { tournamentId, matchId, fromTurn } = p.data;
      const key = `${tournamentId}/${matchId}`;
      if (!matches.has(key) && matches.size >= MAX_MATCH_WATCHES) {
        return replyTo(ack, {
          ok: false,
          error: `this connection already watches at most ${MAX_MATCH_WATCHES} matches; send ${SocketEvents.unwatchMatch} for one first`,
        });
      }
      matches.get(key)?.close();
      matches.delete(key);
      const feed = await registry.acquire(tournamentId);
      if (!feed) return replyTo(ack, { ok: false, error: `no tournament ${tournamentId}` });
      if (socket.disconnected || matches.has(key) || matches.size >= MAX_MATCH_WATCHES) {
        registry.release(feed);
        return replyTo(ack, { ok: false, error: `watch of ${key} overtaken by another; send it again` });
      }
      const state: MatchState = feed.matchState(matchId);
      replyTo(ack, { ok: true, state });
      matches.set(
        key,
        new MatchWatch(socket, feed, matchId, fromTurn, opts.frameIntervalMs, () => registry.release(feed)),
      );
    });

    on(SocketEvents.unwatchMatch, (raw) => {
      const tournamentId = field(raw, 'tournamentId');
      const matchId = field(raw, 'matchId');
      if (tournamentId === null || matchId === null) return;
      const key = `${tournamentId}/${matchId}`;
      matches.get(key)?.close();
      matches.delete(key);
    });

    socket.on('disconnect', () => {
      for (const w of tournaments.values()) w.close();
      for (const w of matches.values()) w.close();
      tournaments.clear();
      matches.clear();
    });
  });
}

/** A string field of a client's payload, or null (whatever else the payload is). */
function field(raw: unknown, name: string): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const v = (raw as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : null;
}

function replyTo(ack: Ack | undefined, body: unknown): void {
  ack?.(body);
}

function issueText(e: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return e.issues.map((i) => `${i.path.map(String).join('.') || 'message'}: ${i.message}`).join('; ');
}

/** Durable events after `cursor`, then every new one; optional sampled previews of live matches. */
class TournamentWatch {
  private cursor: number;
  private flushQueued = false;
  private closed = false;
  private readonly unsubscribe: () => void;
  private readonly previews = new Map<string, Preview>();
  private previewTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly socket: Socket,
    private readonly feed: Feed,
    since: number,
    private readonly wantPreviews: boolean,
    private readonly o: { previewIntervalMs: number; batchMax: number },
    private readonly onClose: () => void,
  ) {
    this.cursor = since;
    this.flush(true);
    this.unsubscribe = feed.subscribe((e) => this.onEvent(e));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    if (this.previewTimer) clearTimeout(this.previewTimer);
    this.onClose();
  }

  private onEvent(e: Event): void {
    if (e.type === 'match.frame') {
      if (!this.wantPreviews) return;
      this.previews.set(e.matchId, {
        tournamentId: e.tournamentId,
        matchId: e.matchId,
        round: e.round,
        turn: e.turn,
        frame: e.frame,
      });
      this.previewTimer ??= setTimeout(() => this.sendPreviews(), this.o.previewIntervalMs);
      return;
    }
    if (e.type === 'match.finished') this.previews.delete(e.matchId);
    // Bursts (a round's last match, its results, the ratings) go out as one message.
    if (!this.flushQueued) {
      this.flushQueued = true;
      setImmediate(() => {
        this.flushQueued = false;
        this.flush();
      });
    }
  }

  /** Sends every event after the cursor: gaps and duplicates are impossible by construction. */
  private flush(backlog = false): void {
    if (this.closed) return;
    const events = this.feed.since(this.cursor);
    for (let i = 0; i < events.length; i += this.o.batchMax) {
      const chunk = events.slice(i, i + this.o.batchMax);
      this.socket.emit(SocketEvents.events, {
        tournamentId: this.feed.tournamentId,
        events: chunk,
        ...(backlog ? { backlog } : {}),
      });
    }
    if (events.length) this.cursor = events.at(-1)!.seq;
  }

  private sendPreviews(): void {
    this.previewTimer = null;
    if (this.closed) return;
    // volatile: a preview a busy client cannot take now is simply skipped; the next one replaces it.
    for (const p of this.previews.values()) this.socket.volatile.emit(SocketEvents.preview, p);
    this.previews.clear();
  }
}

/** Frames of one match from a turn on: the buffered ones, then live ones, batched with acks. */
class MatchWatch {
  private pending: TurnFrame[] = [];
  private nextTurn: number;
  /** Last turn played before the watch began. */
  private backlogTurn = -1;
  private round = -1;
  private inFlight = false;
  private lastSent = 0;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly socket: Socket,
    private readonly feed: Feed,
    private readonly matchId: string,
    fromTurn: number,
    private readonly intervalMs: number,
    private readonly onClose: () => void,
  ) {
    this.nextTurn = fromTurn;
    const m = feed.liveMatch(matchId);
    if (m) {
      this.round = m.round;
      this.backlogTurn = m.frames.at(-1)?.turn ?? -1;
      this.queue(m.frames);
    }
    this.unsubscribe = feed.subscribe((e) => {
      if (e.type === 'match.frame' && e.matchId === matchId) {
        this.round = e.round;
        this.queue([{ turn: e.turn, frame: e.frame, ts: e.ts }]);
      } else if (e.type === 'match.started' && e.matchId === matchId) {
        this.round = e.round;
      }
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    this.onClose();
  }

  private queue(frames: readonly TurnFrame[]): void {
    for (const f of frames) {
      if (f.turn < this.nextTurn) continue;
      this.pending.push(f);
      this.nextTurn = f.turn + 1;
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.closed || this.inFlight || this.timer || this.pending.length === 0) return;
    const wait = Math.max(0, this.lastSent + this.intervalMs - Date.now());
    this.timer = setTimeout(() => this.send(), wait);
  }

  private send(): void {
    this.timer = null;
    if (this.closed || this.pending.length === 0) return;
    const frames = this.pending;
    this.pending = [];
    this.inFlight = true;
    this.lastSent = Date.now();
    const batch = {
      tournamentId: this.feed.tournamentId,
      matchId: this.matchId,
      round: this.round,
      frames,
      ...(frames[0]!.turn <= this.backlogTurn ? { backlog: true } : {}),
    };
    // A lost ack (the client went away or stalled for 10 s) only lets the next batch go.
    this.socket.timeout(10_000).emit(SocketEvents.frames, batch, () => {
      this.inFlight = false;
      this.schedule();
    });
  }
}
