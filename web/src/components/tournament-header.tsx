// The tournament's title card: status, facts, progress and the players with their standing.
import type { TournamentModel } from '../live/tournament-model.ts';
import { fmtDuration, fmtWhen, plural } from '../format.ts';
import { Link, paths } from '../router.tsx';
import { IconTrophy } from './icons.tsx';
import { ProgressBar, StatusBadge } from './ui.tsx';

export function TournamentHeader({ model, colors }: { model: TournamentModel; colors: Record<string, string> }) {
  const s = model.started!;
  const elo = model.elo;
  const winner = model.ended?.winner ?? null;
  const status = model.status === 'waiting' ? 'waiting' : model.status;
  const standings = [...model.players].sort(
    (a, b) =>
      (model.roundWins[b.name] ?? 0) - (model.roundWins[a.name] ?? 0) || (elo[b.name] ?? 0) - (elo[a.name] ?? 0),
  );
  const took = model.ended ? model.ended.ts - s.ts : Date.now() - s.ts;
  return (
    <section className="card hero">
      <div className="hero-top">
        <div>
          <h1>
            {s.name} <StatusBadge status={status} />
          </h1>
          <p className="sub">
            {s.arena} · {plural(s.players.length, 'player')} · {plural(s.rounds, 'round')} ×{' '}
            {s.sequential ? `up to ${plural(s.simsPerRound, 'sim')} (SPRT)` : plural(s.simsPerRound, 'sim')} · seed{' '}
            {s.seed} · started {fmtWhen(s.ts)}
            {model.ended ? ` · took ${fmtDuration(took)}` : ''}
          </p>
          {s.ladder && (
            <p className="sub campaign-link" data-ladder-link>
              a climb&apos;s rung on ladder <Link to={paths.ladder(s.ladder)}>{s.ladder}</Link>
            </p>
          )}
          {s.campaign && (
            <p className="sub campaign-link" data-campaign-link>
              part of campaign <Link to={paths.campaign(s.campaign)}>{s.campaign}</Link>
            </p>
          )}
        </div>
        {winner && (
          <div className="winner-box">
            <span className="muted small">winner</span>
            <strong className="winner-name" style={{ color: colors[winner] }}>
              <IconTrophy /> {winner}
            </strong>
          </div>
        )}
        {model.ended && !winner && model.ended.status === 'finished' && (
          <div className="winner-box">
            <span className="muted small">result</span>
            <strong>tie</strong>
          </div>
        )}
      </div>
      <div className="hero-progress">
        <ProgressBar value={model.progress} label="tournament progress" />
        <span className="phase" data-phase>
          {model.phase}
        </span>
      </div>
      <div className="standings">
        {standings.map((p) => (
          <div key={p.name} className="standing" style={{ borderColor: colors[p.name] }}>
            <div className="standing-name">
              <span className="dot" style={{ background: colors[p.name] }} />
              <strong>{p.name}</strong>
            </div>
            <div className="muted small">
              {p.agent}
              {p.model ? ` · ${p.model}` : ''}
            </div>
            <div className="standing-nums">
              <span>
                <b>{model.roundWins[p.name] ?? 0}</b> <span className="muted">rounds won</span>
              </span>
              <span>
                <b>{Math.round(elo[p.name] ?? 1200)}</b> <span className="muted">Elo</span>
              </span>
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}
