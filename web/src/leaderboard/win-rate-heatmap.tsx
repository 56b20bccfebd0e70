// Head-to-head score shares: row player against column player (draws count ½).
import type { LeaderboardPayload } from '@codearena/protocol';

function shade(rate: number): string {
  // red (0) → slate (½) → green (1)
  const lerp = (a: number[], b: number[], t: number) => a.map((v, i) => Math.round(v + (b[i]! - v) * t));
  const [red, mid, green] = [
    [220, 76, 88],
    [51, 60, 82],
    [38, 190, 130],
  ];
  const c = rate < 0.5 ? lerp(red!, mid!, rate * 2) : lerp(mid!, green!, (rate - 0.5) * 2);
  return `rgb(${c.join(',')})`;
}

export function WinRateHeatmap({
  matrix,
  colors,
}: {
  matrix: LeaderboardPayload['matrix'];
  colors: Record<string, string>;
}) {
  const n = matrix.ids.length;
  return (
    <div className="heat-wrap">
      <div
        className="heat"
        style={{ gridTemplateColumns: `minmax(90px, max-content) repeat(${n}, minmax(56px, 1fr))` }}
        role="table"
        aria-label="win-rate matrix"
      >
        <span className="heat-corner muted small" role="columnheader">
          row vs column
        </span>
        {matrix.ids.map((id) => (
          <span key={`c-${id}`} className="heat-col" role="columnheader" title={id}>
            <span className="dot" style={{ background: colors[id] }} />
            {id}
          </span>
        ))}
        {matrix.ids.map((row, i) => (
          <div key={row} className="heat-row" role="row">
            <span className="heat-label" role="rowheader" title={row}>
              <span className="dot" style={{ background: colors[row] }} />
              {row}
            </span>
            {matrix.ids.map((col, j) => {
              const rate = matrix.rate[i]?.[j] ?? null;
              const games = matrix.games[i]?.[j] ?? 0;
              if (i === j) return <span key={col} className="heat-cell self" role="cell" />;
              return (
                <span
                  key={col}
                  role="cell"
                  className="heat-cell"
                  style={rate === null ? undefined : { background: shade(rate) }}
                  title={
                    rate === null
                      ? `${row} never met ${col}`
                      : `${row} vs ${col}: ${Math.round(rate * 100)}% over ${games} games`
                  }
                >
                  {rate === null ? '·' : `${Math.round(rate * 100)}%`}
                  {rate !== null && <small>{games}g</small>}
                </span>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
