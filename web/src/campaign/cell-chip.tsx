// One tournament of a campaign as a small square linking to its page: grey while queued, pulsing
// while running, amber when interrupted, the winner's colour when finished (striped for a tie),
// red when aborted.
import type { CampaignCell } from '@codearena/protocol';
import { Link, paths } from '../router.tsx';
import { type CellStatus, CELL_STATUSES } from './campaign-state.ts';

export function cellTitle(c: CampaignCell): string {
  const rounds = c.status === 'queued' ? '' : ` · round ${Math.max(0, c.roundsDone - 1)}/${c.totalRounds}`;
  const result = c.status === 'finished' ? ` · ${c.winner ? `won by ${c.winner}` : 'tie'}` : '';
  return `${c.arena} · ${c.players.join(' vs ')} · repeat ${c.repeat + 1} · ${c.status}${rounds}${result}`;
}

export function CellChip({ cell, colors }: { cell: CampaignCell; colors: Record<string, string> }) {
  const winnerColor = cell.status === 'finished' && cell.winner ? colors[cell.winner] : undefined;
  const tie = cell.status === 'finished' && !cell.winner;
  const progress = cell.status === 'running' || cell.status === 'interrupted';
  return (
    <Link
      to={paths.tournament(cell.runId)}
      className={`cell-chip cell-${cell.status}${tie ? ' cell-tie' : ''}`}
      style={winnerColor ? { background: winnerColor, borderColor: winnerColor } : undefined}
      title={cellTitle(cell)}
      aria-label={cellTitle(cell)}
      data-cell={cell.runId}
      data-status={cell.status}
      data-winner={cell.winner ?? undefined}
    >
      {cell.repeat + 1}
      {progress && (
        <span
          className="cell-progress"
          style={{ width: `${Math.round(Math.min(1, cell.roundsDone / (cell.totalRounds + 1)) * 100)}%` }}
        />
      )}
    </Link>
  );
}

const LEGEND: Record<CellStatus, string> = {
  queued: 'queued',
  running: 'running',
  interrupted: 'interrupted',
  finished: 'won (winner’s colour)',
  aborted: 'aborted',
};

export function CellLegend() {
  return (
    <div className="cell-legend muted small" aria-label="legend">
      {CELL_STATUSES.map((s) => (
        <span key={s}>
          <span className={`cell-chip cell-mini cell-${s}`} aria-hidden />
          {LEGEND[s]}
        </span>
      ))}
      <span>
        <span className="cell-chip cell-mini cell-finished cell-tie" aria-hidden />
        tie
      </span>
      <span>the number is the repeat</span>
    </div>
  );
}
