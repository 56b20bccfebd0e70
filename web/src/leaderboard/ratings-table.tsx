// Ratings with their 95% intervals drawn as whiskers on one shared axis.
import type { LeaderboardEntry } from '@codearena/protocol';
import { fmtPct } from '../format.ts';

export function RatingsTable({
  rows,
  colors,
  by,
}: {
  rows: LeaderboardEntry[];
  colors: Record<string, string>;
  by: string;
}) {
  const lo = Math.min(...rows.map((r) => r.lo), 1200);
  const hi = Math.max(...rows.map((r) => r.hi), 1200);
  const pad = Math.max(10, (hi - lo) * 0.08);
  const min = lo - pad;
  const span = hi + pad - min || 1;
  const x = (v: number) => ((v - min) / span) * 100;
  return (
    <div className="table-wrap">
      <table className="table ratings" aria-label="ratings">
        <thead>
          <tr>
            <th className="num">#</th>
            <th>{by === 'agent' ? 'Agent · model' : 'Player'}</th>
            <th className="num">Rating</th>
            <th className="whisker-col">
              95% interval
              <span className="axis-labels muted small">
                <span>{Math.round(min)}</span>
                <span>{Math.round(min + span)}</span>
              </span>
            </th>
            <th className="num games">Games</th>
            <th className="num hide-narrow">W / D / L</th>
            <th className="num hide-narrow">Score</th>
            <th className="num hide-narrow">Matches</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.id} data-rating-row={r.id}>
              <td className="num muted">{i + 1}</td>
              <td>
                <span className="dot" style={{ background: colors[r.id] }} /> <strong>{r.id}</strong>
              </td>
              <td className="num rating">{Math.round(r.rating)}</td>
              <td className="whisker-col">
                <div className="whisker-box">
                  <svg
                    className="whisker"
                    viewBox="0 0 100 20"
                    preserveAspectRatio="none"
                    role="img"
                    aria-label={`${Math.round(r.lo)} to ${Math.round(r.hi)}`}
                  >
                    <line x1={x(1200)} x2={x(1200)} y1={0} y2={20} className="ref" vectorEffect="non-scaling-stroke" />
                    <line
                      x1={x(r.lo)}
                      x2={x(r.hi)}
                      y1={10}
                      y2={10}
                      stroke={colors[r.id]}
                      strokeWidth={2}
                      vectorEffect="non-scaling-stroke"
                    />
                    <line
                      x1={x(r.lo)}
                      x2={x(r.lo)}
                      y1={5}
                      y2={15}
                      stroke={colors[r.id]}
                      strokeWidth={2}
                      vectorEffect="non-scaling-stroke"
                    />
                    <line
                      x1={x(r.hi)}
                      x2={x(r.hi)}
                      y1={5}
                      y2={15}
                      stroke={colors[r.id]}
                      strokeWidth={2}
                      vectorEffect="non-scaling-stroke"
                    />
                  </svg>
                  <span className="whisker-dot" style={{ left: `${x(r.rating)}%`, background: colors[r.id] }} />
                </div>
                <span className="muted small ci">
                  {Math.round(r.lo)}–{Math.round(r.hi)}
                </span>
              </td>
              <td className="num games">{r.games}</td>
              <td className="num hide-narrow">
                {r.wins} / {r.draws} / {r.losses}
              </td>
              <td className="num hide-narrow">{r.games ? fmtPct((r.wins + r.draws / 2) / r.games) : '–'}</td>
              <td className="num hide-narrow">{r.matches}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
