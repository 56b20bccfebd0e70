// Rounds: sim wins per player (the round's winner highlighted), ties, winner. The round being
// played counts its finished sims as they come in. A sequential round says when its test decided.
import { roundDecision, ruleShort } from '../live/sim-marks.ts';
import type { RoundModel, TournamentModel } from '../live/tournament-model.ts';
import { PlayerChip, StatusBadge } from './ui.tsx';

/** "decided after 31 sims · SPRT α 0.05 β 0.05 m 0.1", its title the full rule. The winner column
 *  is hidden on a phone, so there a copy sits under the round number (`where`). */
function Decision({ r, where }: { r: RoundModel; where: 'wide' | 'narrow' }) {
  const seq = r.finished?.sequential;
  if (!seq) return null;
  const d = roundDecision(seq, r.finished!.sims);
  return (
    <span
      className={`decision muted small${where === 'narrow' ? ' narrow-only' : ''}`}
      data-decision={seq.decided ? 'decided' : 'undecided'}
      title={d.title}
    >
      {d.label} · {ruleShort(seq)}
    </span>
  );
}

function tally(model: TournamentModel, r: RoundModel): { wins: Record<string, number>; ties: number; played: number } {
  if (r.finished) return { wins: r.finished.simWins, ties: r.finished.ties, played: r.finished.sims };
  const wins: Record<string, number> = {};
  let ties = 0;
  let played = 0;
  for (const id of r.matchIds) {
    const m = model.matches.get(id)?.finished;
    if (!m) continue;
    played++;
    if (m.winner) wins[m.winner] = (wins[m.winner] ?? 0) + 1;
    else ties++;
  }
  return { wins, ties, played };
}

export function RoundsTable({ model, colors }: { model: TournamentModel; colors: Record<string, string> }) {
  const players = model.players.map((p) => p.name);
  const rounds = [...model.rounds.values()].sort((a, b) => a.round - b.round);
  const total = model.started?.rounds ?? 0;
  return (
    <div className="table-wrap">
      <table className="table rounds" aria-label="rounds">
        <thead>
          <tr>
            <th>Round</th>
            {players.map((p) => (
              <th key={p} className="num">
                <span className="dot" style={{ background: colors[p] }} /> {p}
              </th>
            ))}
            <th className="num">Ties</th>
            <th className="hide-narrow">Winner</th>
          </tr>
        </thead>
        <tbody>
          {rounds.map((r) => {
            const t = tally(model, r);
            const best = Math.max(0, ...players.map((p) => t.wins[p] ?? 0));
            return (
              <tr key={r.round} data-round={r.round}>
                <td>
                  <strong>{r.round}</strong>
                  {r.round === 0 && <span className="muted small"> baseline</span>}
                  <Decision r={r} where="narrow" />
                </td>
                {players.map((p) => {
                  const forfeited = r.finished?.forfeited.includes(p) || r.validations.get(p)?.ok === false;
                  const exit = r.edits.get(p)?.finished?.exit;
                  const w = t.wins[p] ?? 0;
                  return (
                    <td key={p} className={`num${w === best && best > 0 ? ' lead' : ''}`}>
                      {forfeited ? (
                        <span className="tag tag-bad" title="invalid codebase: forfeited the round">
                          forfeit
                        </span>
                      ) : (
                        w
                      )}
                      {exit && exit !== 'submitted' && exit !== 'unchanged' && (
                        <span className="tag tag-warn" title={`edit phase ended with ${exit}`}>
                          {exit}
                        </span>
                      )}
                    </td>
                  );
                })}
                <td className="num">{t.ties}</td>
                <td className="hide-narrow">
                  {r.finished ? (
                    <>
                      {r.finished.winner ? (
                        <PlayerChip name={r.finished.winner} color={colors[r.finished.winner] ?? '#888'} winner />
                      ) : (
                        <span className="muted">tie</span>
                      )}
                      <Decision r={r} where="wide" />
                    </>
                  ) : (
                    <StatusBadge
                      status={model.status === 'interrupted' ? 'interrupted' : 'live'}
                      label={
                        model.status === 'interrupted'
                          ? `cut off at ${t.played}/${model.started?.simsPerRound ?? '?'}`
                          : r.matchIds.length
                            ? `playing ${t.played}/${model.started?.simsPerRound ?? '?'}`
                            : r.round > 0
                              ? 'editing'
                              : 'starting'
                      }
                    />
                  )}
                </td>
              </tr>
            );
          })}
          {Array.from({ length: Math.max(0, total + 1 - rounds.length) }, (_, i) => rounds.length + i).map((n) => (
            <tr key={`todo-${n}`} className="todo">
              <td>
                <strong>{n}</strong>
              </td>
              {players.map((p) => (
                <td key={p} className="num muted">
                  ·
                </td>
              ))}
              <td className="num muted">·</td>
              <td className="muted hide-narrow">{model.ended ? 'not played' : 'to come'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
