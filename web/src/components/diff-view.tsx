// The diff of one player's round commit, coloured like a terminal's `git diff`.
import { useState } from 'react';
import { DiffPayload } from '@codearena/protocol';
import { enc, useApi } from '../api.ts';
import { ErrorNote } from './ui.tsx';

const MAX_LINES = 1500;

export function DiffView({
  tournamentId,
  player,
  round,
  onClose,
}: {
  tournamentId: string;
  player: string;
  round: number;
  onClose: () => void;
}) {
  const { data, error } = useApi(
    `/api/tournaments/${enc(tournamentId)}/players/${enc(player)}/rounds/${round}/diff`,
    DiffPayload,
  );
  const [all, setAll] = useState(false);
  const lines = data?.diff.split('\n') ?? [];
  const shown = all ? lines : lines.slice(0, MAX_LINES);
  return (
    <div className="diff" data-diff-player={player}>
      <div className="diff-head">
        <strong>
          {player} · round {round}
        </strong>
        {data?.truncated && (
          <span className="muted small">
            (first {Math.round(data.diff.length / 1024)} KiB of {Math.round(data.bytes / 1024)} KiB)
          </span>
        )}
        <button type="button" className="btn btn-small" onClick={onClose}>
          Close
        </button>
      </div>
      {error && <ErrorNote>{error}</ErrorNote>}
      {!data && !error && <p className="muted">loading…</p>}
      {data && (
        <pre className="diff-body">
          {shown.map((l, i) => (
            <span key={i} className={lineClass(l)}>
              {l || ' '}
              {'\n'}
            </span>
          ))}
        </pre>
      )}
      {lines.length > shown.length && (
        <button type="button" className="btn btn-small" onClick={() => setAll(true)}>
          Show all {lines.length} lines
        </button>
      )}
    </div>
  );
}

function lineClass(l: string): string {
  if (l.startsWith('diff --git') || l.startsWith('index ') || l.startsWith('--- ') || l.startsWith('+++ '))
    return 'd-meta';
  if (l.startsWith('@@')) return 'd-hunk';
  if (l.startsWith('+')) return 'd-add';
  if (l.startsWith('-')) return 'd-del';
  return 'd-ctx';
}
