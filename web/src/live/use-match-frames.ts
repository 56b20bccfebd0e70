// The frames of one match for the theater: streamed while it is played in the server's process,
// read from its replay file once it has finished (which also fills in anything not streamed).
import { useEffect, useReducer, useRef, useState } from 'react';
import { type MatchState, Replay, type TurnFrame } from '@codearena/protocol';
import { enc, getJson } from '../api.ts';
import { liveClient } from './live-client.ts';

export interface MatchFrames {
  frames: TurnFrame[];
  source: 'live' | 'replay' | 'none';
  state: MatchState | null;
  error: string | null;
}

export function useMatchFrames(tournamentId: string, matchId: string, finished: boolean): MatchFrames {
  const frames = useRef<TurnFrame[]>([]);
  const [source, setSource] = useState<MatchFrames['source']>('none');
  const [state, setState] = useState<MatchState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);

  useEffect(() => {
    frames.current = [];
    setSource('none');
    setState(null);
    setError(null);
    rerender();
  }, [tournamentId, matchId]);

  // Live frames until the match finishes.
  useEffect(() => {
    if (finished) return;
    let raf: number | null = null;
    return liveClient().watchMatch({
      tournamentId,
      matchId,
      fromTurn: frames.current.length ? frames.current.at(-1)!.turn + 1 : 0,
      onFrames: (fresh) => {
        frames.current.push(...fresh);
        setSource('live');
        raf ??= requestAnimationFrame(() => {
          raf = null;
          rerender();
        });
      },
      onState: setState,
    });
  }, [tournamentId, matchId, finished]);

  // The replay: every frame, once the match is over.
  useEffect(() => {
    if (!finished) return;
    const ctrl = new AbortController();
    getJson(`/api/tournaments/${enc(tournamentId)}/matches/${enc(matchId)}/replay`, Replay, ctrl.signal)
      .then((r) => {
        frames.current = r.frames.map((frame, turn) => ({ turn, frame }));
        setSource('replay');
        setState('finished');
        rerender();
      })
      .catch((e: Error) => {
        if (!ctrl.signal.aborted) setError(e.message);
      });
    return () => ctrl.abort();
  }, [tournamentId, matchId, finished]);

  return { frames: frames.current, source, state, error };
}
