// One ladder: its rungs strongest first (Bradley–Terry rating with the 95% interval, W/D/L over
// sims), who beats whom, and every climb's path up the rungs.
import { useMemo } from 'react';
import { LadderPayload } from '@codearena/protocol';
import { enc, useApi } from '../api.ts';
import { colorAt } from '../colors.ts';
import { Breadcrumbs, Card, Empty, ErrorNote } from '../components/ui.tsx';
import { plural } from '../format.ts';
import { RatingsTable } from '../leaderboard/ratings-table.tsx';
import { WinRateHeatmap } from '../leaderboard/win-rate-heatmap.tsx';
import { paths } from '../router.tsx';
import { ClimbCard } from './climb-path.tsx';

export function LadderPage({ name }: { name: string }) {
  const { data, error, loading } = useApi(`/api/ladders/${enc(name)}`, LadderPayload, { pollMs: 10_000 });
  const colors = useMemo(() => Object.fromEntries((data?.rows ?? []).map((r, i) => [r.id, colorAt(i)])), [data]);
  const played =
    data && data.pairsPlayed < data.pairsTotal ? ` · ${data.pairsPlayed} of ${data.pairsTotal} pairs played` : '';
  return (
    <div className="page">
      <Breadcrumbs items={[{ label: 'Ladders', to: paths.ladders() }, { label: name }]} />
      <div className="page-head">
        <div>
          <h1>{name}</h1>
          <p className="sub">
            {data
              ? `${data.arena} · ${plural(data.rungs, 'rung')} · ${data.sims} sims per pair · seed ${data.seed}${played}`
              : loading
                ? 'loading…'
                : ''}
          </p>
        </div>
      </div>
      {error && <ErrorNote>Could not load the ladder: {error}</ErrorNote>}
      {data && (
        <>
          <Card title="Rungs">
            <RatingsTable rows={data.rows} colors={colors} by="player" heading="Rung" label="rungs" />
            <p className="note muted small">
              Every pair of rungs plays {data.sims} sims; Bradley–Terry ratings on the Elo scale (1200 is the average,
              400 points mean 10:1 odds) with 95% bootstrap intervals. Games and W / D / L count sims.
            </p>
          </Card>
          <div className="grid-2 even">
            <Card title="Head to head">
              <WinRateHeatmap matrix={data.matrix} colors={colors} />
            </Card>
            <Card title="Climbs">
              {data.climbList.length === 0 ? (
                <Empty>
                  No climbs yet. Send a player up with <code>npx codearena ladder climb {name} player.yaml</code>.
                </Empty>
              ) : (
                <div className="climbs">
                  {data.climbList.map((c) => (
                    <ClimbCard key={c.id} climb={c} colors={colors} />
                  ))}
                </div>
              )}
            </Card>
          </div>
        </>
      )}
    </div>
  );
}
