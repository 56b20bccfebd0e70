// The leaderboard over every tournament in the store: Bradley–Terry ratings with intervals, the
// head-to-head matrix and ratings over time; by player or by agent and model, per arena.
import { useMemo } from 'react';
import { LeaderboardPayload } from '@codearena/protocol';
import { useApi } from '../api.ts';
import { colorAt } from '../colors.ts';
import { Card, Empty, ErrorNote } from '../components/ui.tsx';
import { GroupBySwitch } from '../leaderboard/group-by-switch.tsx';
import { RatingHistoryChart } from '../leaderboard/rating-history-chart.tsx';
import { RatingsTable } from '../leaderboard/ratings-table.tsx';
import { WinRateHeatmap } from '../leaderboard/win-rate-heatmap.tsx';
import { navigate, paths } from '../router.tsx';

export function LeaderboardPage({ by, arena }: { by: string; arena: string }) {
  const groupBy = by === 'agent' ? 'agent' : 'player';
  const q = new URLSearchParams({ by: groupBy, ...(arena ? { arena } : {}) });
  const { data, error, loading } = useApi(`/api/leaderboard?${q}`, LeaderboardPayload, { pollMs: 10_000 });
  const colors = useMemo(() => Object.fromEntries((data?.rows ?? []).map((r, i) => [r.id, colorAt(i)])), [data]);
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Leaderboard</h1>
          <p className="sub">
            Bradley–Terry ratings on the Elo scale with 95% bootstrap intervals
            {data ? ` · ${data.rounds} rounds${data.arena ? ` of ${data.arena}` : ''}` : ''}
          </p>
        </div>
        <div className="filters">
          <label className="select">
            <span className="muted small">arena</span>
            <select
              value={arena}
              onChange={(e) => navigate(paths.leaderboard({ by: groupBy, arena: e.target.value }), { replace: true })}
              aria-label="arena"
            >
              <option value="">all arenas</option>
              {(data?.arenas ?? (arena ? [arena] : [])).map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </label>
          <GroupBySwitch
            value={groupBy}
            onChange={(v) => navigate(paths.leaderboard({ by: v, arena }), { replace: true })}
          />
        </div>
      </div>
      {error && <ErrorNote>Could not load the leaderboard: {error}</ErrorNote>}
      {!data && loading && <p className="muted">fitting…</p>}
      {data && data.rows.length === 0 && (
        <Card>
          <Empty>No rated rounds yet: ratings start with round 1 of a tournament.</Empty>
        </Card>
      )}
      {data && data.rows.length > 0 && (
        <>
          <Card title="Ratings">
            <RatingsTable
              rows={data.rows}
              colors={colors}
              by={groupBy}
              extra={[{ label: 'Matches', cell: (r) => r.matches }]}
            />
            <p className="note muted small">
              Each round is split into pairwise games (more sim wins beats fewer; equal is a draw). 1200 is the average;
              400 points mean 10:1 odds.
            </p>
          </Card>
          <div className="grid-2 even">
            <Card title="Head to head">
              <WinRateHeatmap matrix={data.matrix} colors={colors} />
            </Card>
            <Card title="Rating over time">
              <RatingHistoryChart history={data.history} ids={data.rows.map((r) => r.id)} colors={colors} />
            </Card>
          </div>
        </>
      )}
    </div>
  );
}
