// One tournament, live: header and players, rounds, matches being played, the edit phase of
// each round (steps, outputs, diffs) and every match, paginated.
import { useEffect, useReducer } from 'react';
import { TournamentSummary } from '@codearena/protocol';
import { enc, useApi } from '../api.ts';
import { playerColors } from '../colors.ts';
import { EditPhase } from '../components/edit-phase.tsx';
import { LiveMatches } from '../components/live-matches.tsx';
import { MatchTable } from '../components/match-table.tsx';
import { RoundsTable } from '../components/rounds-table.tsx';
import { InterruptedNotice } from '../components/interrupted-notice.tsx';
import { TournamentHeader } from '../components/tournament-header.tsx';
import { Breadcrumbs, Card, Empty, ErrorNote } from '../components/ui.tsx';
import { useTournament } from '../live/use-tournament.ts';
import { paths } from '../router.tsx';

export function TournamentPage({ id }: { id: string }) {
  const { model, error } = useTournament(id);
  useServerStatus(id, model);
  const interrupted = model.status === 'interrupted';
  const colors = playerColors(model.players.map((p) => p.name));
  const name = model.started?.name ?? id;
  return (
    <div className="page">
      <Breadcrumbs items={[...crumbsOf(model.started?.campaign), { label: name }]} />
      {error && <ErrorNote>{error}</ErrorNote>}
      {!model.started && !error && (
        <Card>
          <Empty>Waiting for the tournament to start…</Empty>
        </Card>
      )}
      {model.started && (
        <>
          <TournamentHeader model={model} colors={colors} />
          {interrupted && <InterruptedNotice id={id} />}
          <div className={interrupted ? undefined : 'grid-2'}>
            <Card title="Rounds" className="span-wide">
              <RoundsTable model={model} colors={colors} />
            </Card>
            {!interrupted && <LiveMatches model={model} colors={colors} />}
          </div>
          <EditPhase model={model} colors={colors} />
          <MatchTable model={model} colors={colors} />
          {model.faults.length > 0 && <FaultList model={model} />}
        </>
      )}
    </div>
  );
}

/** A campaign's tournament sits under its campaign; any other under the tournaments list. */
const crumbsOf = (campaign: string | undefined) =>
  campaign
    ? [
        { label: 'Campaigns', to: paths.campaigns() },
        { label: campaign, to: paths.campaign(campaign) },
      ]
    : [{ label: 'Tournaments', to: paths.tournaments() }];

/**
 * Whether the process running the tournament is still there is known only to the server (its
 * run lease): asked while the log says running, again at once when a resume is folded.
 */
function useServerStatus(id: string, model: ReturnType<typeof useTournament>['model']): void {
  const open = model.started !== null && model.ended === null;
  const { data } = useApi(open ? `/api/tournaments/${enc(id)}` : null, TournamentSummary, {
    pollMs: 5000,
    refresh: model.resumes.length,
  });
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!data) return;
    model.noteServerStatus(data.status);
    rerender();
  }, [data, model]);
}

function FaultList({ model }: { model: ReturnType<typeof useTournament>['model'] }) {
  const shown = model.faults.slice(-50).reverse();
  return (
    <Card title={`Faults (${model.faults.length})`}>
      <ul className="faults">
        {shown.map((f) => (
          <li key={f.seq}>
            <span className={`tag tag-${f.scope}`}>{f.scope}</span>
            <span className="muted">{f.round === null ? '' : `round ${f.round}`}</span>
            {f.player && <strong>{f.player}</strong>}
            <span className="tag">{f.fault.kind}</span>
            <span className="fault-detail">{f.fault.detail.split('\n')[0]}</span>
          </li>
        ))}
      </ul>
      {model.faults.length > shown.length && <p className="muted small">latest 50 shown</p>}
    </Card>
  );
}
