// The campaign leaderboard (GET /api/leaderboard?campaign=): the unified fit in which every arena
// weighs the same, each arena's own fit (as tabs), spend per model, and the comparison graph's
// split said out loud. Fetched again whenever the campaign finishes more rounds.
import { useMemo, useState } from 'react';
import { CampaignLeaderboardPayload, type GroupBy } from '@codearena/protocol';
import { enc, useApi } from '../api.ts';
import { colorAt } from '../colors.ts';
import { Card, Empty, ErrorNote, Segmented } from '../components/ui.tsx';
import { fmtUsd, plural } from '../format.ts';
import { GroupBySwitch } from '../leaderboard/group-by-switch.tsx';
import { RatingsTable } from '../leaderboard/ratings-table.tsx';
import { navigate, paths } from '../router.tsx';
import { GraphNotice } from './graph-notice.tsx';
import { SpendTable } from './spend-table.tsx';

export function CampaignLeaderboard({
  name,
  by,
  begun,
  refresh,
  roster,
}: {
  name: string;
  by: GroupBy;
  /** Whether any tournament has begun (before that the API has nothing to rate). */
  begun: boolean;
  /** Changes when rounds finish. */
  refresh: unknown;
  roster: Record<string, string>;
}) {
  const path = begun ? `/api/leaderboard?campaign=${enc(name)}&by=${by}` : null;
  const { data, error, loading } = useApi(path, CampaignLeaderboardPayload, { refresh });
  const colors = useMemo(() => {
    const ids = (data?.unified.rows ?? []).map((r) => r.id);
    return Object.fromEntries(ids.map((id, i) => [id, (by === 'player' && roster[id]) || colorAt(i)]));
  }, [data, by, roster]);
  const groupBy = (
    <GroupBySwitch value={by} onChange={(v) => navigate(paths.campaign(name, { by: v }), { replace: true })} />
  );
  return (
    <>
      <Card title="Campaign leaderboard" actions={groupBy} id="leaderboard">
        {error && <ErrorNote>Could not load the campaign leaderboard: {error}</ErrorNote>}
        {!begun && <Empty>No tournament of this campaign has begun yet.</Empty>}
        {begun && !data && loading && <p className="muted">fitting…</p>}
        {data && data.unified.rows.length === 0 && (
          <Empty>No rated rounds yet: ratings start with round 1 of a tournament.</Empty>
        )}
        {data && data.unified.rows.length > 0 && (
          <>
            <GraphNotice graph={data.unified.graph} scope="across arenas" />
            <RatingsTable
              rows={data.unified.rows}
              colors={colors}
              by={by}
              label="unified ratings"
              extra={[
                { label: 'Spend', cell: (r) => fmtUsd(r.spendUsd) },
                {
                  label: 'Elo / $',
                  cell: (r) =>
                    r.ratingPerDollar === null ? '–' : Math.round(r.ratingPerDollar).toLocaleString('en-US'),
                },
              ]}
            />
            <p className="note muted small">
              One Bradley–Terry fit over {plural(data.unified.rounds, 'round')} of{' '}
              {plural(data.tournaments, 'tournament')} in which every arena weighs the same (weight per pairwise
              outcome:{' '}
              {Object.entries(data.unified.arenaWeights)
                .map(([a, w]) => `${a} ${w.toFixed(2)}`)
                .join(', ')}
              ). Elo / $ is rating above 1200 per dollar spent.
            </p>
          </>
        )}
      </Card>
      {data && data.unified.rows.length > 0 && (
        <div className="grid-2">
          <ArenaBoards data={data} colors={colors} by={by} />
          <Card title="Spend per model">
            {data.spendByModel.length ? <SpendTable spend={data.spendByModel} /> : <Empty>No edits yet.</Empty>}
          </Card>
        </div>
      )}
    </>
  );
}

function ArenaBoards({
  data,
  colors,
  by,
}: {
  data: CampaignLeaderboardPayload;
  colors: Record<string, string>;
  by: GroupBy;
}) {
  const [picked, setPicked] = useState<string | null>(null);
  const board = data.arenas.find((a) => a.arena === picked) ?? data.arenas[0];
  if (!board) return null;
  const tabs = (
    <Segmented
      label="arena"
      value={board.arena}
      options={data.arenas.map((a) => ({ value: a.arena, label: a.arena }))}
      onChange={setPicked}
    />
  );
  return (
    <Card title="Per arena" actions={tabs} className="arena-boards">
      <div data-arena-board={board.arena}>
        <GraphNotice graph={board.graph} scope={`in ${board.arena}`} />
        {board.rows.length ? (
          <RatingsTable rows={board.rows} colors={colors} by={by} label={`ratings in ${board.arena}`} />
        ) : (
          <Empty>No rated rounds in {board.arena} yet.</Empty>
        )}
        <p className="note muted small">
          {plural(board.rounds, 'round')} of {board.arena}, fitted on their own.
        </p>
      </div>
    </Card>
  );
}
