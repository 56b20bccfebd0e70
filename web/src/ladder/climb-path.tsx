// A climb: the player's path up the rungs, drawn as a ladder (strongest on top): each rung it
// reached with the rounds it won of those played (and whether the rung's tournament stopped
// early), the rungs above the one it failed greyed out, and the highest rung held.
import type { LadderClimb } from '@codearena/protocol';
import { StatusBadge } from '../components/ui.tsx';
import { fmtWhen } from '../format.ts';
import { Link, paths } from '../router.tsx';
import { RUNG_DECISION } from './rung-decision.ts';

export function ClimbCard({ climb, colors }: { climb: LadderClimb; colors: Record<string, string> }) {
  const steps = new Map(climb.steps.map((s) => [s.rung, s]));
  const running = climb.finishedAt === null;
  return (
    <div className="climb" data-climb={climb.id}>
      <div className="climb-head">
        <span className="climb-who">
          <strong>{climb.player}</strong> <span className="muted small">{climb.agent}</span>
        </span>
        {running && <StatusBadge status="running" label="climbing" />}
        <span className="muted small">{fmtWhen(climb.startedAt)}</span>
      </div>
      <p className="climb-result">
        {climb.highest ? (
          <>
            highest rung held: <strong>{climb.highest}</strong>{' '}
            <span className="muted">
              ({climb.height} of {climb.rungs.length})
            </span>
          </>
        ) : (
          <span className="muted">no rung held</span>
        )}
        <span className="muted small">
          {' '}
          · {climb.wins} of {climb.rounds} rounds to hold a rung
        </span>
      </p>
      <ol className="climb-path" aria-label={`${climb.player}'s path up the rungs`}>
        {/* strongest at the top, as on a ladder (and as in the rungs table) */}
        {climb.rungs.map((rung, i) => {
          const s = steps.get(rung);
          const state = s ? (s.held ? 'held' : 'lost') : running && i === climb.steps.length ? 'playing' : 'unreached';
          return (
            <li key={rung} className={`climb-step climb-${state}`} data-rung={rung} data-state={state}>
              <span className="climb-n muted small">{i + 1}</span>
              <span className="climb-rung">
                <span className="dot" style={{ background: colors[rung] }} />
                {rung}
              </span>
              {s ? (
                <Link to={paths.tournament(s.runId)} className="climb-score" title={`tournament ${s.runId}`}>
                  {s.roundsWon}/{s.roundsPlayed}
                </Link>
              ) : (
                <span className="climb-score muted">–</span>
              )}
              <span className="climb-note small">
                {state === 'held' ? 'held' : state === 'lost' ? 'not held' : state === 'playing' ? 'playing' : ''}
                {s?.stoppedEarly ? ` · ${RUNG_DECISION[s.stoppedEarly]}` : ''}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
