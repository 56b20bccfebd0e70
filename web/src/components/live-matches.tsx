// Matches in play right now, each a small board updated a few times a second (sampled frames).
import { rendererFor } from '../theater/renderers.ts';
import type { TournamentModel } from '../live/tournament-model.ts';
import { usePreview } from '../live/use-tournament.ts';
import { Link, paths } from '../router.tsx';
import { FrameCanvas } from '../theater/frame-canvas.tsx';
import { plural } from '../format.ts';
import { Card, Empty, PlayerChip, StatusBadge } from './ui.tsx';

const SHOWN = 4;

export function LiveMatches({ model, colors }: { model: TournamentModel; colors: Record<string, string> }) {
  const live = [...model.live].slice(0, SHOWN);
  const winner = model.ended?.winner;
  return (
    <Card title={model.ended ? 'Result' : 'Live now'} className="live-card">
      {live.length > 0 && (
        <div className={`live-grid${live.length === 1 ? ' single' : ''}`}>
          {live.map((id) => (
            <LivePreview key={id} model={model} matchId={id} colors={colors} />
          ))}
        </div>
      )}
      {live.length === 0 && !model.ended && (
        <Empty>No match in play: the agents are editing or the next round is being set up.</Empty>
      )}
      {model.ended && (
        <div className="result">
          {winner ? (
            <>
              <PlayerChip name={winner} color={colors[winner] ?? '#888'} winner />
              <span>
                wins the tournament with {model.ended.roundWins[winner]} of{' '}
                {plural(model.started?.rounds ?? 0, 'round')}.
              </span>
            </>
          ) : (
            <span>
              {model.ended.status === 'aborted'
                ? 'The tournament was stopped before the end.'
                : 'No single winner: a tie on rounds won.'}
            </span>
          )}
          {/* A climb's rung tournament is not on the leaderboard: its ladder shows it. */}
          {model.started?.ladder ? (
            <Link className="btn" to={paths.ladder(model.started.ladder)}>
              Ladder {model.started.ladder} →
            </Link>
          ) : (
            <Link className="btn" to={paths.leaderboard({ arena: model.started?.arena })}>
              Leaderboard →
            </Link>
          )}
        </div>
      )}
      {model.live.size > SHOWN && <p className="muted small">and {model.live.size - SHOWN} more in play</p>}
    </Card>
  );
}

function LivePreview({
  model,
  matchId,
  colors,
}: {
  model: TournamentModel;
  matchId: string;
  colors: Record<string, string>;
}) {
  const preview = usePreview(model.id, matchId);
  const m = model.matches.get(matchId);
  const renderer = rendererFor(model.started?.arena);
  return (
    <Link to={paths.match(model.id, matchId)} className="live-tile" data-live-match={matchId}>
      <div className="live-tile-board">
        {preview && renderer ? (
          <FrameCanvas renderer={renderer} frame={preview.frame} colors={colors} />
        ) : (
          <div className="board-placeholder">starting…</div>
        )}
      </div>
      <div className="live-tile-meta">
        <StatusBadge status="live" />
        <span className="live-tile-title">
          Round {m?.round} · sim {m?.sim}
        </span>
        <span className="muted" data-preview-turn={preview?.turn ?? 0}>
          turn {preview?.turn ?? 0}
        </span>
        <span className="live-tile-players">
          {(m?.players ?? []).map((p) => (
            <PlayerChip key={p} name={p} color={colors[p] ?? '#888'} />
          ))}
        </span>
        <span className="btn btn-small live-tile-watch">Watch →</span>
      </div>
    </Link>
  );
}
