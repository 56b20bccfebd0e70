// React access to live tournaments. One shared model per tournament, fed by one socket watch,
// kept a minute after its last view closes so moving between pages does not refetch.
import { useEffect, useSyncExternalStore } from 'react';
import type { Preview } from '@codearena/protocol';
import { type Connection, liveClient } from './live-client.ts';
import { TournamentModel } from './tournament-model.ts';

interface Entry {
  model: TournamentModel;
  version: number;
  error: string | null;
  listeners: Set<() => void>;
  previews: Map<string, Preview>;
  previewListeners: Set<() => void>;
  users: number;
  idle: ReturnType<typeof setTimeout> | null;
  stop: () => void;
  frame: number | null;
}

const entries = new Map<string, Entry>();
const KEEP_MS = 60_000;

/** The entry of a tournament, created (and watched) on first use; closed after KEEP_MS unused. */
function ensure(id: string): Entry {
  const existing = entries.get(id);
  if (existing) return existing;
  const entry: Entry = {
    model: new TournamentModel(id),
    version: 0,
    error: null,
    listeners: new Set(),
    previews: new Map(),
    previewListeners: new Set(),
    users: 0,
    idle: null,
    stop: () => {},
    frame: null,
  };
  // Re-render at most once per animation frame however many batches arrive.
  const bump = () => {
    entry.frame ??= requestAnimationFrame(() => {
      entry.frame = null;
      entry.version++;
      for (const l of entry.listeners) l();
    });
  };
  entry.stop = liveClient().watchTournament(id, {
    since: -1,
    previews: true,
    onEvents: (events) => {
      for (const x of events) if (x.type === 'match.finished') entry.previews.delete(x.matchId);
      if (entry.model.applyAll(events)) bump();
    },
    onPreview: (p) => {
      if (entry.model.matches.get(p.matchId)?.finished) return;
      entry.previews.set(p.matchId, p);
      for (const l of entry.previewListeners) l();
    },
    onError: (error) => {
      entry.error = error;
      bump();
    },
  });
  entries.set(id, entry);
  scheduleClose(id, entry);
  return entry;
}

function scheduleClose(id: string, e: Entry): void {
  if (e.idle) clearTimeout(e.idle);
  e.idle = setTimeout(() => {
    if (e.users > 0) return;
    e.stop();
    entries.delete(id);
  }, KEEP_MS);
}

function useEntry(id: string): Entry {
  const entry = ensure(id);
  useEffect(() => {
    const e = ensure(id);
    e.users++;
    if (e.idle) clearTimeout(e.idle);
    e.idle = null;
    return () => {
      e.users--;
      if (e.users === 0) scheduleClose(id, e);
    };
  }, [id]);
  return entry;
}

/** The live model of a tournament; the component re-renders as events arrive. */
export function useTournament(id: string): { model: TournamentModel; version: number; error: string | null } {
  const entry = useEntry(id);
  const version = useSyncExternalStore(
    (l) => {
      entry.listeners.add(l);
      return () => entry.listeners.delete(l);
    },
    () => entry.version,
  );
  return { model: entry.model, version, error: entry.error };
}

/** Latest sampled frame of a live match (a few per second), or null. */
export function usePreview(tournamentId: string, matchId: string): Preview | null {
  const entry = useEntry(tournamentId);
  return useSyncExternalStore(
    (l) => {
      entry.previewListeners.add(l);
      return () => entry.previewListeners.delete(l);
    },
    () => entry.previews.get(matchId) ?? null,
  );
}

export function useConnection(): Connection {
  const client = liveClient();
  return useSyncExternalStore(
    (l) => client.onConnection(l),
    () => client.state,
  );
}
