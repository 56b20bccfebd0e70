// Play/pause, step, speed and the scrubber under the board.
import { IconBack, IconFirst, IconForward, IconLast, IconPause, IconPlay } from '../components/icons.tsx';
import { SPEEDS, type Playback } from './use-playback.ts';

export function Controls({
  pb,
  count,
  turn,
  live,
  unit = 'turn',
}: {
  pb: Playback;
  count: number;
  turn: number | null;
  live: boolean;
  /** What a step is called (the renderer's stepLabel). */
  unit?: string;
}) {
  const last = Math.max(0, count - 1);
  return (
    <div className="controls">
      <div className="controls-row">
        <button
          type="button"
          className="icon-btn"
          onClick={() => pb.seek(0)}
          disabled={count === 0}
          aria-label="first turn"
          title="first turn (Home)"
        >
          <IconFirst />
        </button>
        <button
          type="button"
          className="icon-btn"
          onClick={() => pb.step(-1)}
          disabled={count === 0}
          aria-label="step back"
          title="step back (←)"
        >
          <IconBack />
        </button>
        <button
          type="button"
          className="icon-btn play"
          onClick={pb.toggle}
          disabled={count === 0}
          aria-label={pb.playing ? 'pause' : 'play'}
          title="play / pause (space)"
          data-playing={pb.playing}
        >
          {pb.playing || pb.follow ? <IconPause /> : <IconPlay />}
        </button>
        <button
          type="button"
          className="icon-btn"
          onClick={() => pb.step(1)}
          disabled={count === 0}
          aria-label="step forward"
          title="step forward (→)"
        >
          <IconForward />
        </button>
        <button
          type="button"
          className="icon-btn"
          onClick={pb.goLive}
          disabled={count === 0}
          aria-label={live ? 'go live' : 'last turn'}
          title={live ? 'go live (End)' : 'last turn (End)'}
        >
          <IconLast />
        </button>
        <span className="turn" data-turn={turn ?? ''}>
          {unit} <b>{turn ?? '–'}</b>
          <span className="muted"> / {count ? last : '–'}</span>
        </span>
        {live && (
          <button
            type="button"
            className={`live-pill${pb.follow ? ' on' : ''}`}
            onClick={pb.goLive}
            title="follow the newest turn"
          >
            <span className="pulse" /> LIVE
          </button>
        )}
        <label className="speed">
          <span className="muted small">speed</span>
          <select value={pb.speed} onChange={(e) => pb.setSpeed(Number(e.target.value))} aria-label="playback speed">
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
      </div>
      <input
        type="range"
        className="scrubber"
        min={0}
        max={last}
        value={pb.index}
        disabled={count === 0}
        onChange={(e) => pb.seek(Number(e.target.value))}
        aria-label="scrub through the match"
      />
    </div>
  );
}
