// One tournament, live: header and players, rounds, matches being played, the edit phase of
// each round (steps, outputs, diffs) and every match, paginated.
import { playerColors } from '../colors.ts';
import { EditPhase } from '../components/edit-phase.tsx';
import { LiveMatches } from '../components/live-matches.tsx';
import { MatchTable } from '../components/match-table.tsx';
import { RoundsTable } from '../components/rounds-table.tsx';
import { TournamentHeader } from '../components/tournament-header.tsx';
import { Breadcrumbs, Card, Empty, ErrorNote } from '../components/ui.tsx';
import { useTournament } from '../live/use-tournament.ts';
import { paths } from '../router.tsx';

export function TournamentPage({ id }: { id: string }) {
  const { model, error } = useTournament(id);
  const colors = playerColors(model.players.map((p) => p.name));
  const name = model.started?.name ?? id;
  return (
    <div className="page">
      <Breadcrumbs items={[{ label: 'Tournaments', to: paths.tournaments() }, { label: name }]} />
      {error && <ErrorNote>{error}</ErrorNote>}
      {!model.started && !error && (
        <Card>
          <Empty>Waiting for the tournament to start…</Empty>
        </Card>
      )}
      {model.started && (
        <>
          <TournamentHeader model={model} colors={colors} />
          <div className="grid-2">
            <Card title="Rounds" className="span-wide">
              <RoundsTable model={model} colors={colors} />
            </Card>
            <LiveMatches model={model} colors={colors} />
          </div>
          <EditPhase model={model} colors={colors} />
          <MatchTable model={model} colors={colors} />
          {model.faults.length > 0 && <FaultList model={model} />}
        </>
      )}
    </div>
  );
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
