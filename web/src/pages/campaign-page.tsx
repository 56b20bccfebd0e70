// One campaign: its header (counts, progress), the matrix of pairings × arenas with every
// tournament's live status, and the campaign leaderboard. Polled every few seconds while any
// tournament is queued or running (they run in other processes, often on other machines).
import { useEffect, useMemo, useState } from 'react';
import { CampaignDetail } from '@codearena/protocol';
import { enc, useApi } from '../api.ts';
import { CampaignCounts } from '../campaign/campaign-counts.tsx';
import { CampaignLeaderboard } from '../campaign/campaign-leaderboard.tsx';
import { CampaignMatrix } from '../campaign/campaign-matrix.tsx';
import { campaignProgress, campaignStatus, isActive, rosterColors, rosterKey } from '../campaign/campaign-state.ts';
import { Breadcrumbs, Card, Empty, ErrorNote, ProgressBar, StatusBadge } from '../components/ui.tsx';
import { fmtWhen, plural } from '../format.ts';
import { paths } from '../router.tsx';

const LIVE_POLL_MS = 3000;
/** Still asked now and then when nothing runs: a resume or a worker may take it up again. */
const IDLE_POLL_MS = 15_000;

export function CampaignPage({ name, by }: { name: string; by: string }) {
  const [pollMs, setPollMs] = useState(LIVE_POLL_MS);
  const { data, error } = useApi(`/api/campaigns/${enc(name)}`, CampaignDetail, { pollMs });
  useEffect(() => {
    if (data) setPollMs(isActive(data.counts) ? LIVE_POLL_MS : IDLE_POLL_MS);
  }, [data]);
  const roster = rosterKey(data?.cells ?? []);
  const colors = useMemo(() => rosterColors(roster), [roster]);
  // The leaderboard is refitted when rounds finish, not on every poll.
  const roundsDone = data?.cells.reduce((n, c) => n + c.roundsDone, 0) ?? 0;
  const begun = data ? data.counts.queued < data.tournaments : false;
  return (
    <div className="page">
      <Breadcrumbs items={[{ label: 'Campaigns', to: paths.campaigns() }, { label: name }]} />
      {error && <ErrorNote>{data ? `Could not refresh the campaign: ${error}` : error}</ErrorNote>}
      {!data && !error && (
        <Card>
          <Empty>loading…</Empty>
        </Card>
      )}
      {data && (
        <>
          <section className="card hero campaign-hero">
            <div className="hero-top">
              <div>
                <h1>
                  {data.name} <StatusBadge status={campaignStatus(data.counts)} />
                </h1>
                <p className="sub">
                  {plural(data.tournaments, 'tournament')} ·{' '}
                  {plural(new Set(data.cells.map((c) => c.arena)).size, 'arena')} ·{' '}
                  {plural(Object.keys(colors).length, 'player')} · created {fmtWhen(data.createdAt)}
                </p>
              </div>
              <CampaignCounts counts={data.counts} />
            </div>
            <div className="hero-progress">
              <ProgressBar value={campaignProgress(data, data.cells)} label="campaign progress" />
              <span className="phase" data-phase>
                {data.counts.finished + data.counts.aborted}/{data.tournaments} done
              </span>
            </div>
          </section>
          <Card title="Matrix" className="matrix-card">
            <CampaignMatrix cells={data.cells} colors={colors} />
          </Card>
          <CampaignLeaderboard
            name={data.name}
            by={by === 'agent' ? 'agent' : 'player'}
            begun={begun}
            refresh={`${roundsDone}/${data.counts.finished}`}
            roster={colors}
          />
        </>
      )}
    </div>
  );
}
