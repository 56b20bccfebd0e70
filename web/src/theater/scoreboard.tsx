// The players of a match beside the board: alive or out (and why), the arena's numbers
// (e.g. length and health), and the final rank once the match is over.
import type { PlayerStat } from './renderer-types.ts';

export function Scoreboard({
  players,
  stats,
  colors,
  ranks,
}: {
  players: string[];
  stats: PlayerStat[] | null;
  colors: Record<string, string>;
  ranks: Record<string, number> | null;
}) {
  const byId = new Map((stats ?? []).map((s) => [s.id, s]));
  return (
    <ul className="scoreboard">
      {players.map((p) => {
        const s = byId.get(p);
        const rank = ranks?.[p];
        return (
          <li key={p} className={s && !s.alive ? 'out' : ''} data-player={p}>
            <div className="sb-head">
              <span className="dot big" style={{ background: colors[p] }} />
              <strong>{p}</strong>
              {rank !== undefined && <span className={`tag ${rank === 1 ? 'tag-good' : ''}`}>#{rank}</span>}
              {s && !s.alive && <span className="muted small">{s.note ?? 'out'}</span>}
            </div>
            {s && (
              <div className="sb-metrics">
                {s.metrics.map((m) => (
                  <div key={m.label} className="metric">
                    <span className="muted small">{m.label}</span>
                    {m.max ? (
                      <span className="meter" title={`${m.value}/${m.max}`}>
                        <span
                          style={{
                            width: `${Math.max(0, Math.min(1, m.value / m.max)) * 100}%`,
                            background: colors[p],
                          }}
                        />
                      </span>
                    ) : null}
                    <b>{m.value}</b>
                  </div>
                ))}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
