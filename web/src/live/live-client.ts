// One socket.io connection for the whole app. Watches are remembered with their cursors (last
// seq of a tournament, next turn of a match), so after a reconnect each one is sent again from
// where it stopped: the server then sends exactly what is missing.
import { io, type Socket } from 'socket.io-client';
import {
  type Event,
  EventBatch,
  FrameBatch,
  type MatchState,
  Preview,
  SocketEvents,
  type TurnFrame,
  WatchAck,
  WatchMatchAck,
} from '@codearena/protocol';

export type Connection = 'connecting' | 'online' | 'offline';

interface TournamentWatch {
  since: number;
  previews: boolean;
  onEvents(events: Event[]): void;
  onPreview?(p: Preview): void;
  onError?(error: string): void;
}

interface MatchWatch {
  tournamentId: string;
  matchId: string;
  nextTurn: number;
  onFrames(frames: TurnFrame[]): void;
  onState(state: MatchState): void;
}

/** Counters the end-to-end tests read (window.__codearena.stats). */
export interface LiveStats {
  connects: number;
  eventsReceived: number;
  duplicateEvents: number;
  framesReceived: number;
  duplicateFrames: number;
  /** Turns skipped between two frame batches of one match (0 unless the server thins frames). */
  frameGaps: number;
  /** ms from each live (not catch-up) event's emission on the server (its ts) to its arrival here; the latest 500. */
  latencyMs: number[];
  /** The same for live frames. */
  frameLatencyMs: number[];
  /** The latest 100 things that happened to watches (for diagnosing a failed test). */
  trace: string[];
}

export class LiveClient {
  readonly socket: Socket;
  readonly stats: LiveStats = {
    connects: 0,
    eventsReceived: 0,
    duplicateEvents: 0,
    framesReceived: 0,
    duplicateFrames: 0,
    frameGaps: 0,
    latencyMs: [],
    frameLatencyMs: [],
    trace: [],
  };
  private readonly tournaments = new Map<string, Set<TournamentWatch>>();
  private readonly matches = new Map<string, Set<MatchWatch>>();
  private connection: Connection = 'connecting';
  private readonly connectionListeners = new Set<() => void>();

  constructor(url?: string) {
    this.socket = io(url ?? '/', {
      transports: ['websocket', 'polling'],
      reconnectionDelay: 300,
      reconnectionDelayMax: 3000,
    });
    this.socket.on('connect', () => {
      this.stats.connects++;
      this.note('connect');
      this.setConnection('online');
      for (const [id, watches] of this.tournaments) for (const w of watches) this.sendTournamentWatch(id, w);
      for (const watches of this.matches.values()) for (const w of watches) this.sendMatchWatch(w);
    });
    this.socket.on('disconnect', (reason) => {
      this.note(`disconnect: ${reason}`);
      this.setConnection('offline');
    });
    this.socket.io.on('reconnect_attempt', () => this.setConnection('connecting'));

    this.socket.on(SocketEvents.events, (raw: unknown) => {
      const batch = EventBatch.safeParse(raw);
      if (!batch.success) return;
      const now = Date.now();
      for (const w of this.tournaments.get(batch.data.tournamentId) ?? []) {
        const fresh = batch.data.events.filter((e) => e.seq > w.since);
        this.stats.duplicateEvents += batch.data.events.length - fresh.length;
        if (!fresh.length) continue;
        w.since = fresh.at(-1)!.seq;
        this.stats.eventsReceived += fresh.length;
        if (!batch.data.backlog) for (const e of fresh) keep(this.stats.latencyMs, now - e.ts);
        w.onEvents(fresh);
      }
    });

    this.socket.on(SocketEvents.frames, (raw: unknown, ack?: () => void) => {
      ack?.();
      const batch = FrameBatch.safeParse(raw);
      if (!batch.success) return;
      const frames = batch.data.frames;
      this.note(`frames ${batch.data.matchId} ${frames[0]?.turn}..${frames.at(-1)?.turn}`);
      for (const w of this.matches.get(`${batch.data.tournamentId}/${batch.data.matchId}`) ?? []) {
        const fresh = batch.data.frames.filter((f) => f.turn >= w.nextTurn);
        this.stats.duplicateFrames += batch.data.frames.length - fresh.length;
        if (!fresh.length) continue;
        const now = Date.now();
        for (const f of fresh) {
          this.stats.frameGaps += f.turn - w.nextTurn;
          w.nextTurn = f.turn + 1;
          if (f.ts !== undefined && !batch.data.backlog) keep(this.stats.frameLatencyMs, now - f.ts);
        }
        this.stats.framesReceived += fresh.length;
        w.onFrames(fresh);
      }
    });

    this.socket.on(SocketEvents.preview, (raw: unknown) => {
      const p = Preview.safeParse(raw);
      if (!p.success) return;
      for (const w of this.tournaments.get(p.data.tournamentId) ?? []) w.onPreview?.(p.data);
    });
  }

  get state(): Connection {
    return this.connection;
  }

  onConnection(l: () => void): () => void {
    this.connectionListeners.add(l);
    return () => this.connectionListeners.delete(l);
  }

  /** Every durable event after `since`, then the live tail; resumes by itself after reconnects. */
  watchTournament(tournamentId: string, w: TournamentWatch): () => void {
    const set = this.tournaments.get(tournamentId) ?? new Set();
    set.add(w);
    this.tournaments.set(tournamentId, set);
    if (this.socket.connected) this.sendTournamentWatch(tournamentId, w);
    return () => {
      set.delete(w);
      if (set.size === 0) {
        this.tournaments.delete(tournamentId);
        this.socket.emit(SocketEvents.unwatchTournament, { tournamentId });
      }
    };
  }

  /** Frames of a match from `fromTurn` on (buffered ones first when it is live). */
  watchMatch(w: Omit<MatchWatch, 'nextTurn'> & { fromTurn: number }): () => void {
    const key = `${w.tournamentId}/${w.matchId}`;
    const watch: MatchWatch = { ...w, nextTurn: w.fromTurn };
    const set = this.matches.get(key) ?? new Set();
    set.add(watch);
    this.matches.set(key, set);
    if (this.socket.connected) this.sendMatchWatch(watch);
    return () => {
      set.delete(watch);
      this.note(`unwatch ${w.matchId}`);
      if (set.size === 0) {
        this.matches.delete(key);
        this.socket.emit(SocketEvents.unwatchMatch, { tournamentId: w.tournamentId, matchId: w.matchId });
      }
    };
  }

  private sendTournamentWatch(tournamentId: string, w: TournamentWatch): void {
    // Several views of one tournament share the socket: ask from the oldest cursor among them.
    const since = Math.min(...[...(this.tournaments.get(tournamentId) ?? [w])].map((x) => x.since));
    this.socket.emit(
      SocketEvents.watchTournament,
      { tournamentId, since, previews: [...(this.tournaments.get(tournamentId) ?? [])].some((x) => x.previews) },
      (raw: unknown) => {
        const ack = WatchAck.safeParse(raw);
        if (ack.success && !ack.data.ok) w.onError?.(ack.data.error);
      },
    );
  }

  private sendMatchWatch(w: MatchWatch): void {
    const fromTurn = Math.min(
      ...[...(this.matches.get(`${w.tournamentId}/${w.matchId}`) ?? [w])].map((x) => x.nextTurn),
    );
    this.note(`watch ${w.matchId} from ${fromTurn}`);
    this.socket.emit(
      SocketEvents.watchMatch,
      { tournamentId: w.tournamentId, matchId: w.matchId, fromTurn },
      (raw: unknown) => {
        const ack = WatchMatchAck.safeParse(raw);
        if (ack.success && ack.data.ok) w.onState(ack.data.state);
      },
    );
  }

  private note(what: string): void {
    this.stats.trace.push(`${Date.now() % 100_000} ${what}`);
    if (this.stats.trace.length > 100) this.stats.trace.shift();
  }

  private setConnection(c: Connection): void {
    this.connection = c;
    for (const l of this.connectionListeners) l();
  }
}

/** Appends to a ring of the latest 500 samples. */
function keep(ring: number[], v: number): void {
  ring.push(v);
  if (ring.length > 500) ring.shift();
}

let client: LiveClient | null = null;

/** The app's one connection (created on first use; exposed for the end-to-end tests). */
export function liveClient(): LiveClient {
  if (!client) {
    client = new LiveClient();
    (window as unknown as { __codearena?: unknown }).__codearena = { socket: client.socket, stats: client.stats };
  }
  return client;
}
