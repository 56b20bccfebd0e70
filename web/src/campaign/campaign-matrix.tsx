// The campaign's matrix: a row per pairing (player group), a column per arena, each cell holding
// that group's repeats there as status chips, with who won how many under them.
import type { CampaignCell } from '@codearena/protocol';
import { PlayerChip } from '../components/ui.tsx';
import { matrixOf } from './campaign-state.ts';
import { CellChip, CellLegend } from './cell-chip.tsx';

export function CampaignMatrix({ cells, colors }: { cells: readonly CampaignCell[]; colors: Record<string, string> }) {
  const { arenas, rows } = matrixOf(cells);
  return (
    <>
      <div className="table-wrap">
        <table className="table matrix" aria-label="campaign matrix">
          <thead>
            <tr>
              <th>Pairing</th>
              {arenas.map((a) => (
                <th key={a} data-arena={a}>
                  {a}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-pairing={row.players.join(' vs ')}>
                <td className="matrix-group">
                  <span className="chips">
                    {row.players.map((p) => (
                      <PlayerChip key={p} name={p} color={colors[p] ?? '#888'} />
                    ))}
                  </span>
                </td>
                {arenas.map((a) => (
                  <td key={a} className="matrix-cell" data-arena={a}>
                    <MatrixCell cells={row.byArena.get(a) ?? []} colors={colors} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CellLegend />
    </>
  );
}

function MatrixCell({ cells, colors }: { cells: CampaignCell[]; colors: Record<string, string> }) {
  if (!cells.length) return <span className="muted">—</span>;
  const wins = new Map<string, number>();
  for (const c of cells) if (c.status === 'finished' && c.winner) wins.set(c.winner, (wins.get(c.winner) ?? 0) + 1);
  const ties = cells.filter((c) => c.status === 'finished' && !c.winner).length;
  return (
    <div className="matrix-cell-body">
      <div className="cell-chips">
        {cells.map((c) => (
          <CellChip key={c.runId} cell={c} colors={colors} />
        ))}
      </div>
      {(wins.size > 0 || ties > 0) && (
        <div className="cell-tally small">
          {[...wins].map(([p, n]) => (
            <span key={p}>
              <span className="dot" style={{ background: colors[p] }} /> {p} {n}
            </span>
          ))}
          {ties > 0 && <span className="muted">{ties} tied</span>}
        </div>
      )}
    </div>
  );
}
