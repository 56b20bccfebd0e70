// Every tournament in the store: status, arena, players, progress. Polled every few seconds
// (tournaments in other processes show up too).
import { useState } from 'react';
import { TournamentList } from '@codearena/protocol';
import { useApi } from '../api.ts';
import { playerColors } from '../colors.ts';
import { Card, Empty, ErrorNote, Pager, PlayerChip, ProgressBar, StatusBadge } from '../components/ui.tsx';
import { fmtDuration, fmtWhen } from '../format.ts';
import { Link, paths } from '../router.tsx';

const PAGE = 25;

export function TournamentsPage() {
  const [page, setPage] = useState(0);
  const { data, error } = useApi(`/api/tournaments?offset=${page * PAGE}&limit=${PAGE}`, TournamentList, {
    pollMs: 3000,
  });
  const count = (status: string) => data?.tournaments.filter((t) => t.status === status).length ?? 0;
  const running = count('running');
  const interrupted = count('interrupted');
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Tournaments</h1>
          <p className="sub">
            {data
              ? `${data.total} in the store${running ? ` · ${running} running now` : ''}${
                  interrupted ? ` · ${interrupted} interrupted (open one to resume it)` : ''
                }`
              : 'loading…'}
          </p>
        </div>
        <Link to={paths.leaderboard()} className="btn">
          Leaderboard →
        </Link>
      </div>
      {error && <ErrorNote>Could not load the tournaments: {error}</ErrorNote>}
      <Card>
        {data && data.tournaments.length === 0 && (
          <Empty>
            No tournaments yet. Start one with <code>npm start</code> or{' '}
            <code>npx codearena run configs/demo.yaml --serve</code>.
          </Empty>
        )}
        {data && data.tournaments.length > 0 && (
          <div className="tlist" role="table" aria-label="tournaments">
            <div className="tlist-row tlist-head" role="row">
              <span role="columnheader">Tournament</span>
              <span role="columnheader">Status</span>
              <span role="columnheader">Players</span>
              <span role="columnheader">Progress</span>
              <span role="columnheader">Winner</span>
            </div>
            {data.tournaments.map((t) => {
              const colors = playerColors(t.players.map((p) => p.name));
              const total = t.totalRounds + 1;
              const done = t.status === 'finished' ? total : t.roundsDone;
              return (
                <Link key={t.id} to={paths.tournament(t.id)} className="tlist-row" role="row" data-tournament={t.id}>
                  <span className="tlist-name" role="cell">
                    <strong>{t.name}</strong>
                    <span className="muted small">
                      {t.arena} · {fmtWhen(t.createdAt)}
                      {t.finishedAt ? ` · took ${fmtDuration(t.finishedAt - t.createdAt)}` : ''}
                    </span>
                  </span>
                  <span role="cell">
                    <StatusBadge status={t.status} />
                  </span>
                  <span className="chips" role="cell">
                    {t.players.map((p) => (
                      <PlayerChip key={p.name} name={p.name} color={colors[p.name]!} />
                    ))}
                  </span>
                  <span className="tlist-progress" role="cell">
                    <ProgressBar value={done / total} label={`${t.name} progress`} />
                    <span className="muted small">
                      {Math.max(0, done - 1)}/{t.totalRounds} rounds
                    </span>
                  </span>
                  <span role="cell" className="tlist-winner">
                    {t.winner ? (
                      <PlayerChip name={t.winner} color={colors[t.winner] ?? '#888'} winner />
                    ) : (
                      <span className="muted">{t.status === 'finished' ? 'tie' : '—'}</span>
                    )}
                  </span>
                </Link>
              );
            })}
          </div>
        )}
        {data && <Pager page={page} pages={Math.ceil(data.total / PAGE)} onPage={setPage} />}
      </Card>
    </div>
  );
}
