// A campaign's tournaments counted by status, as badges (statuses with none are left out).
import type { CampaignSummary } from '@codearena/protocol';
import { StatusBadge } from '../components/ui.tsx';
import { CELL_STATUSES } from './campaign-state.ts';

export function CampaignCounts({ counts }: { counts: CampaignSummary['counts'] }) {
  return (
    <span className="chips campaign-counts">
      {CELL_STATUSES.filter((s) => counts[s] > 0).map((s) => (
        <span key={s} data-count={s}>
          <StatusBadge status={s} label={`${counts[s]} ${s}`} />
        </span>
      ))}
    </span>
  );
}
