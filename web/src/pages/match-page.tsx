// The match theater: a match live (frames streamed as it is played) or from its replay, with
// play/pause/step/speed and a scrubber. Boards come from the arena's renderer plug-in.
import { useMemo } from 'react';
import { playerColors } from '../colors.ts';
import { Breadcrumbs, Card, ErrorNote, StatusBadge } from '../components/ui.tsx';
import { fmtDuration } from '../format.ts';
import { useMatchFrames } from '../live/use-match-frames.ts';
import { useTournament } from '../live/use-tournament.ts';
import { Link, paths } from '../router.tsx';
import { Controls } from '../theater/controls.tsx';
import { FrameCanvas } from '../theater/frame-canvas.tsx';
import { JsonFrameView } from '../theater/json-frame-view.tsx';
import { rendererFor } from '../theater/renderers.ts';
import { Scoreboard } from '../theater/scoreboard.tsx';
import { usePlayback } from '../theater/use-playback.ts';

export function MatchPage({ id, matchId }: { id: string; matchId: string }) {
  const { model, error } = useTournament(id);
  const m = model.matches.get(matchId);
  const tournamentOver = model.ended !== null;
  const finished = Boolean(m?.finished) || (tournamentOver && !m);
  const { frames, state, error: framesError, source } = useMatchFrames(id, matchId, finished);
  const live = !finished;
  const pb = usePlayback(frames.length, live);
  const current = frames[pb.index];
  const players = m?.players ?? model.players.map((p) => p.name);
  const colors = useMemo(() => playerColors(model.players.map((p) => p.name)), [model.players]);
  const renderer = rendererFor(model.started?.arena);
  const stats = current && renderer?.stats ? renderer.stats(current.frame) : null;
  const f = m?.finished ?? null;
  const faults = f?.faults ?? [];
  // Once this match is over, offer the one being played now.
  const nextLive = finished ? [...model.live].find((x) => x !== matchId) : undefined;
  const neighbours = useMemo(() => {
    const i = model.matchOrder.indexOf(matchId);
    return { prev: i > 0 ? model.matchOrder[i - 1] : undefined, next: i >= 0 ? model.matchOrder[i + 1] : undefined };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [model.matchOrder.length, matchId]);

  return (
    <div className="page">
      <Breadcrumbs
        items={[
          { label: 'Tournaments', to: paths.tournaments() },
          { label: model.started?.name ?? id, to: paths.tournament(id) },
          { label: m ? `Round ${m.round} · sim ${m.sim}` : matchId },
        ]}
      />
      {error && <ErrorNote>{error}</ErrorNote>}
      {framesError && <ErrorNote>{framesError}</ErrorNote>}
      <div className="theater">
        <div className="stage card">
          <div className="stage-head">
            <h1>
              {m ? `Round ${m.round} · sim ${m.sim}` : matchId}{' '}
              {live ? (
                <StatusBadge status={m ? 'live' : 'pending'} label={m ? 'live' : 'not started'} />
              ) : (
                <StatusBadge status="finished" />
              )}
            </h1>
            <span className="muted small" data-source={source}>
              {source === 'replay'
                ? 'replay'
                : finished
                  ? 'loading the replay…'
                  : source === 'live'
                    ? 'streaming'
                    : state === 'elsewhere'
                      ? 'played in another process: the replay appears when it ends'
                      : 'waiting for frames…'}
            </span>
          </div>
          <div className="board-wrap">
            {current ? (
              renderer ? (
                <FrameCanvas renderer={renderer} frame={current.frame} colors={colors} />
              ) : (
                <JsonFrameView frame={current.frame} />
              )
            ) : (
              <div className="board-placeholder">
                {finished ? 'loading the replay…' : 'waiting for the first turn…'}
              </div>
            )}
          </div>
          <Controls
            pb={pb}
            count={frames.length}
            // Frames that are not one per turn are counted as frames; their turns are drawn.
            turn={renderer?.stepLabel && current ? pb.index : (current?.turn ?? null)}
            live={live}
            {...(renderer?.stepLabel ? { unit: renderer.stepLabel } : {})}
          />
        </div>
        <aside className="side">
          <Card title="Players">
            <Scoreboard players={players} stats={stats} colors={colors} ranks={f?.ranks ?? null} />
          </Card>
          <Card title="Match">
            <dl className="facts">
              <dt>Result</dt>
              <dd>
                {f ? (
                  f.winner ? (
                    <strong style={{ color: colors[f.winner] }}>{f.winner} wins</strong>
                  ) : (
                    'tie'
                  )
                ) : (
                  'in play'
                )}
              </dd>
              {f && (
                <>
                  <dt>How</dt>
                  <dd>{f.reason}</dd>
                  <dt>Turns</dt>
                  <dd>{f.turns}</dd>
                  <dt>Time</dt>
                  <dd>{fmtDuration(f.ms)}</dd>
                </>
              )}
              <dt>Seed</dt>
              <dd>
                <code>{m?.seed ?? '–'}</code>
              </dd>
              <dt>Faults</dt>
              <dd>
                {faults.length === 0
                  ? 'none'
                  : faults.map((x) => (
                      <div key={`${x.player}-${x.kind}`} className="small">
                        <strong>{x.player}</strong> {x.count}× {x.kind}: <span className="muted">{x.detail}</span>
                      </div>
                    ))}
              </dd>
            </dl>
            {nextLive && (
              <Link className="btn next-live" to={paths.match(id, nextLive)} data-next-live={nextLive}>
                <span className="pulse" /> Live now: round {model.matches.get(nextLive)?.round} · sim{' '}
                {model.matches.get(nextLive)?.sim} →
              </Link>
            )}
            <div className="neighbours">
              {neighbours.prev ? (
                <Link className="btn btn-small" to={paths.match(id, neighbours.prev)}>
                  ← previous match
                </Link>
              ) : (
                <span />
              )}
              {neighbours.next && (
                <Link className="btn btn-small" to={paths.match(id, neighbours.next)}>
                  next match →
                </Link>
              )}
            </div>
          </Card>
        </aside>
      </div>
    </div>
  );
}
