// The theater's playhead: play/pause, step, speed, scrubbing, and "follow" (stay on the newest
// frame of a live match). Frames are drawn at most once per animation frame however fast they come.
import { useCallback, useEffect, useRef, useState } from 'react';

/** Turns per second at 1×. */
export const BASE_TPS = 10;
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8];

export interface Playback {
  index: number;
  playing: boolean;
  follow: boolean;
  speed: number;
  toggle(): void;
  step(d: number): void;
  seek(i: number): void;
  goLive(): void;
  setSpeed(s: number): void;
}

export function usePlayback(count: number, live: boolean): Playback {
  const [pos, setPos] = useState(0);
  const [playing, setPlaying] = useState(!live);
  const [follow, setFollow] = useState(live);
  const [speed, setSpeed] = useState(1);
  const last = Math.max(0, count - 1);
  const index = follow ? last : Math.min(pos, last);

  // One turn per tick; reaching the newest frame of a live match switches to following it.
  useEffect(() => {
    if (!playing || follow || count === 0) return;
    if (index >= last) {
      setPlaying(false);
      if (live) setFollow(true);
      return;
    }
    const t = setTimeout(() => setPos(index + 1), 1000 / (BASE_TPS * speed));
    return () => clearTimeout(t);
  }, [playing, follow, speed, index, last, live, count]);

  // A match watched live that ends leaves the playhead on its last turn; one that was over
  // before any frame arrived (the page just loaded) plays its replay from the start.
  const sawLive = useRef(false);
  if (live && count > 0) sawLive.current = true;
  useEffect(() => {
    if (live || !follow) return;
    setFollow(false);
    if (sawLive.current) setPos(last);
    else {
      setPos(0);
      setPlaying(true);
    }
  }, [live, follow, last]);

  const toggle = useCallback(() => {
    if (follow) {
      setFollow(false);
      setPos(last);
      setPlaying(false);
      return;
    }
    if (!playing && index >= last) setPos(0); // replay from the start
    setPlaying(!playing);
  }, [follow, playing, index, last]);

  const step = useCallback(
    (d: number) => {
      setFollow(false);
      setPlaying(false);
      setPos(Math.max(0, Math.min(last, index + d)));
    },
    [index, last],
  );

  const seek = useCallback(
    (i: number) => {
      setFollow(live && i >= last);
      setPos(Math.max(0, Math.min(last, i)));
    },
    [last, live],
  );

  const goLive = useCallback(() => {
    setFollow(live);
    setPlaying(false);
    setPos(last);
  }, [live, last]);

  // Keyboard: space plays/pauses, arrows step, Home/End jump.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (
        e.target instanceof HTMLInputElement ||
        e.target instanceof HTMLSelectElement ||
        e.target instanceof HTMLButtonElement
      )
        return;
      if (e.key === ' ') toggle();
      else if (e.key === 'ArrowLeft') step(-1);
      else if (e.key === 'ArrowRight') step(1);
      else if (e.key === 'Home') seek(0);
      else if (e.key === 'End') goLive();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggle, step, seek, goLive]);

  return { index, playing: playing && !follow, follow, speed, toggle, step, seek, goLive, setSpeed };
}
