// Every match of the tournament, newest first, a page at a time (tournaments can have thousands).
// Sims a sequential round did not count (played or stopped after its test decided) are dimmed and
// tagged, so nobody reads them as part of the result.
import { useState } from 'react';
import { SIM_MARK_TITLE, simMark } from '../live/sim-marks.ts';
import type { TournamentModel } from '../live/tournament-model.ts';
import { fmtDuration } from '../format.ts';
import { Link, navigate, paths } from '../router.tsx';
import { Card, Empty, Pager, Segmented, StatusBadge } from './ui.tsx';

const PAGE = 20;

export function MatchTable({ model, colors }: { model: TournamentModel; colors: Record<string, string> }) {
  const [round, setRound] = useState('all');
  const [page, setPage] = useState(0);
  const ids = round === 'all' ? model.matchOrder : (model.rounds.get(Number(round))?.matchIds ?? []);
  const pages = Math.max(1, Math.ceil(ids.length / PAGE));
  const p = Math.min(page, pages - 1);
  const shown: string[] = [];
  for (let i = ids.length - 1 - p * PAGE; i >= 0 && shown.length < PAGE; i--) shown.push(ids[i]!);
  const rounds = [...model.rounds.keys()].sort((a, b) => a - b);
  return (
    <Card
      title={`Matches (${model.matchOrder.length})`}
      actions={
        <Segmented
          label="filter by round"
          value={round}
          options={[{ value: 'all', label: 'All' }, ...rounds.map((r) => ({ value: String(r), label: `R${r}` }))]}
          onChange={(v) => {
            setRound(v);
            setPage(0);
          }}
        />
      }
    >
      {ids.length === 0 ? (
        <Empty>No matches yet.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table matches" aria-label="matches">
            <thead>
              <tr>
                <th>Match</th>
                <th>Result</th>
                <th className="num">Turns</th>
                <th className="hide-narrow">How it ended</th>
                <th className="num hide-narrow">Faults</th>
                <th className="num hide-narrow">Time</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((id) => {
                const m = model.matches.get(id)!;
                const f = m.finished;
                const faults = f?.faults.reduce((s, x) => s + x.count, 0) ?? 0;
                const order = f ? [...m.players].sort((a, b) => (f.ranks[a] ?? 99) - (f.ranks[b] ?? 99)) : m.players;
                const mark = simMark(model, m);
                return (
                  <tr
                    key={id}
                    className={`clickable${mark ? ' uncounted' : ''}`}
                    data-match={id}
                    data-mark={mark ?? undefined}
                    onClick={() => navigate(paths.match(model.id, id))}
                  >
                    <td>
                      <Link to={paths.match(model.id, id)}>
                        R{m.round} · sim {m.sim}
                      </Link>
                      {mark && (
                        <span className="tag tag-neutral tag-uncounted" title={SIM_MARK_TITLE[mark]}>
                          uncounted
                        </span>
                      )}
                    </td>
                    <td>
                      {f ? (
                        <span className="ranks">
                          {order.map((pl) => (
                            <span
                              key={pl}
                              className={`rank${f.winner === pl ? ' rank-win' : ''}`}
                              title={`${pl}: rank ${f.ranks[pl]}`}
                            >
                              <span className="dot" style={{ background: colors[pl] }} />
                              {pl}
                              <span className="muted small">#{f.ranks[pl]}</span>
                            </span>
                          ))}
                        </span>
                      ) : mark === 'stopped' ? (
                        <span className="muted">stopped: round decided</span>
                      ) : model.status === 'interrupted' ? (
                        <StatusBadge status="interrupted" label="cut off" />
                      ) : (
                        <StatusBadge status="live" />
                      )}
                    </td>
                    <td className="num">{f?.turns ?? (mark ? '' : '…')}</td>
                    <td className="muted hide-narrow reason">{f?.reason ?? (mark ? '' : 'in play')}</td>
                    <td className={`num hide-narrow${faults ? ' warn' : ''}`}>{f ? faults : ''}</td>
                    <td className="num muted hide-narrow">{f ? fmtDuration(f.ms) : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={p} pages={pages} onPage={setPage} />
    </Card>
  );
}
