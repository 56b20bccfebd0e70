// Ratings refitted on the first k rounds, k growing: how the table settled over time.
import type { LeaderboardPayload } from '@codearena/protocol';
import { useWidth } from '../use-width.ts';

const H = 240;
const M = { top: 12, right: 16, bottom: 28, left: 44 };

export function RatingHistoryChart({
  history,
  ids,
  colors,
}: {
  history: LeaderboardPayload['history'];
  ids: string[];
  colors: Record<string, string>;
}) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const values = history.flatMap((h) => Object.values(h.ratings));
  const lo = Math.min(1150, ...values);
  const hi = Math.max(1250, ...values);
  const maxX = history.at(-1)?.rounds ?? 1;
  const w = Math.max(200, width);
  const x = (r: number) => M.left + (maxX <= 1 ? 0.5 : (r - 1) / (maxX - 1)) * (w - M.left - M.right);
  const y = (v: number) => M.top + (1 - (v - lo) / (hi - lo)) * (H - M.top - M.bottom);
  const ticks = niceTicks(lo, hi, 5);
  return (
    <div ref={ref} className="chart">
      {width > 0 && (
        <svg width={w} height={H} role="img" aria-label="rating over time">
          {ticks.map((t) => (
            <g key={t}>
              <line x1={M.left} x2={w - M.right} y1={y(t)} y2={y(t)} className={t === 1200 ? 'grid ref' : 'grid'} />
              <text x={M.left - 6} y={y(t) + 4} textAnchor="end" className="tick">
                {t}
              </text>
            </g>
          ))}
          <text x={M.left} y={H - 6} className="tick">
            round 1
          </text>
          <text x={w - M.right} y={H - 6} textAnchor="end" className="tick">
            {maxX} rounds
          </text>
          {ids.map((id) => {
            const pts = history
              .filter((h) => h.ratings[id] !== undefined)
              .map((h) => [x(h.rounds), y(h.ratings[id]!)] as const);
            if (!pts.length) return null;
            return (
              <g key={id}>
                <polyline
                  points={pts.map((p) => p.join(',')).join(' ')}
                  fill="none"
                  stroke={colors[id]}
                  strokeWidth={2.2}
                  strokeLinejoin="round"
                />
                {pts.map(([px, py], i) => (
                  <circle key={i} cx={px} cy={py} r={pts.length > 20 ? 1.5 : 3.5} fill={colors[id]}>
                    <title>
                      {id}: {Math.round(history.filter((h) => h.ratings[id] !== undefined)[i]!.ratings[id]!)} after{' '}
                      {history.filter((h) => h.ratings[id] !== undefined)[i]!.label}
                    </title>
                  </circle>
                ))}
              </g>
            );
          })}
        </svg>
      )}
      <div className="legend">
        {ids.map((id) => (
          <span key={id}>
            <span className="dot" style={{ background: colors[id] }} />
            {id}
          </span>
        ))}
      </div>
    </div>
  );
}

function niceTicks(lo: number, hi: number, n: number): number[] {
  const raw = (hi - lo) / n;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) out.push(Math.round(t));
  return out;
}
