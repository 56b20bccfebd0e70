// Ratings with their 95% intervals drawn as whiskers on one shared axis; any fit's rated entries
// (the store's leaderboard, a campaign's per-arena and unified fits), with extra columns if asked.
import type { ReactNode } from 'react';
import type { RatedEntry } from '@codearena/protocol';
import { fmtPct } from '../format.ts';

export interface ExtraColumn<R> {
  label: string;
  cell: (row: R) => ReactNode;
}

export function RatingsTable<R extends RatedEntry>({
  rows,
  colors,
  by,
  extra = [],
  label = 'ratings',
  heading,
}: {
  rows: R[];
  colors: Record<string, string>;
  by: string;
  extra?: ExtraColumn<R>[];
  label?: string;
  /** The first column's heading (default: by player or agent). */
  heading?: string;
}) {
  // Ratings of different components of the comparison graph are not comparable: mark the rows.
  const split = rows.some((r) => r.component > 0);
  const lo = Math.min(...rows.map((r) => r.lo), 1200);
  const hi = Math.max(...rows.map((r) => r.hi), 1200);
  const pad = Math.max(10, (hi - lo) * 0.08);
  const min = lo - pad;
  const span = hi + pad - min || 1;
  const x = (v: number) => ((v - min) / span) * 100;
  return (
    <div className="table-wrap">
      <table className="table ratings" aria-label={label}>
        <thead>
          <tr>
            <th className="num">#</th>
            <th>{heading ?? (by === 'agent' ? 'Agent · model' : 'Player')}</th>
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
            {extra.map((c) => (
              <th key={c.label} className="num hide-narrow">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.id} data-rating-row={r.id}>
              <td className="num muted">{i + 1}</td>
              <td>
                <span className="dot" style={{ background: colors[r.id] }} /> <strong>{r.id}</strong>
                {split && (
                  <span className="tag tag-warn" title="ratings compare only within one part of the comparison graph">
                    part {r.component + 1}
                  </span>
                )}
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
                    {/* the interval, then its two end ticks */}
                    {[
                      [r.lo, r.hi, 10, 10],
                      [r.lo, r.lo, 5, 15],
                      [r.hi, r.hi, 5, 15],
                    ].map(([from, to, y1, y2], k) => (
                      <line
                        key={k}
                        x1={x(from!)}
                        x2={x(to!)}
                        y1={y1}
                        y2={y2}
                        stroke={colors[r.id]}
                        strokeWidth={2}
                        vectorEffect="non-scaling-stroke"
                      />
                    ))}
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
              {extra.map((c) => (
                <td key={c.label} className="num hide-narrow">
                  {c.cell(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
