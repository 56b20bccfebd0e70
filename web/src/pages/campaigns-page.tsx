// Every campaign in the store: how many tournaments, how far along, how many in each state.
// Polled every few seconds (campaigns run in other processes and on other machines).
import { CampaignList } from '@codearena/protocol';
import { useApi } from '../api.ts';
import { CampaignCounts } from '../campaign/campaign-counts.tsx';
import { campaignProgress, campaignStatus } from '../campaign/campaign-state.ts';
import { Card, Empty, ErrorNote, ProgressBar, StatusBadge } from '../components/ui.tsx';
import { fmtWhen, plural } from '../format.ts';
import { Link, paths } from '../router.tsx';

export function CampaignsPage() {
  const { data, error } = useApi('/api/campaigns', CampaignList, { pollMs: 3000 });
  const running = data?.campaigns.filter((c) => c.counts.running > 0).length ?? 0;
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Campaigns</h1>
          <p className="sub">
            {data
              ? `${plural(data.campaigns.length, 'campaign')} in the store${running ? ` · ${running} running now` : ''}`
              : 'loading…'}
          </p>
        </div>
      </div>
      {error && <ErrorNote>Could not load the campaigns: {error}</ErrorNote>}
      <Card>
        {data && data.campaigns.length === 0 && (
          <Empty>
            No campaigns yet. Run one with <code>npx codearena campaign run configs/campaign-demo.yaml</code>.
          </Empty>
        )}
        {data && data.campaigns.length > 0 && (
          <div className="tlist clist" role="table" aria-label="campaigns">
            <div className="tlist-row tlist-head" role="row">
              <span role="columnheader">Campaign</span>
              <span role="columnheader">Status</span>
              <span role="columnheader">Progress</span>
              <span role="columnheader">Tournaments</span>
            </div>
            {data.campaigns.map((c) => {
              const done = c.counts.finished + c.counts.aborted;
              return (
                <Link key={c.name} to={paths.campaign(c.name)} className="tlist-row" role="row" data-campaign={c.name}>
                  <span className="tlist-name" role="cell">
                    <strong>{c.name}</strong>
                    <span className="muted small">
                      {plural(c.tournaments, 'tournament')} · {fmtWhen(c.createdAt)}
                    </span>
                  </span>
                  <span role="cell">
                    <StatusBadge status={campaignStatus(c.counts)} />
                  </span>
                  <span className="tlist-progress" role="cell">
                    <ProgressBar value={campaignProgress(c)} label={`${c.name} progress`} />
                    <span className="muted small">
                      {done}/{c.tournaments} done
                    </span>
                  </span>
                  <span role="cell">
                    <CampaignCounts counts={c.counts} />
                  </span>
                </Link>
              );
            })}
          </div>
        )}
      </Card>
    </div>
  );
}
