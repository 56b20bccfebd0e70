// What each agent and model cost over the campaign, with a bar against the largest spender.
import type { CampaignLeaderboardPayload } from '@codearena/protocol';
import { fmtUsd } from '../format.ts';

export function SpendTable({ spend }: { spend: CampaignLeaderboardPayload['spendByModel'] }) {
  const top = Math.max(...spend.map((s) => s.spendUsd), 0);
  return (
    <div className="table-wrap">
      <table className="table spend" aria-label="spend per model">
        <thead>
          <tr>
            <th>Agent · model</th>
            <th className="num">Edits</th>
            <th className="num">Spend</th>
            <th className="spend-bar-col" aria-hidden />
          </tr>
        </thead>
        <tbody>
          {spend.map((s) => (
            <tr key={s.model} data-spend={s.model}>
              <td>
                <strong>{s.model}</strong>
              </td>
              <td className="num">{s.edits}</td>
              <td className="num">{fmtUsd(s.spendUsd)}</td>
              <td className="spend-bar-col">
                {s.spendUsd > 0 && <div className="spend-bar" style={{ width: `${(s.spendUsd / top) * 100}%` }} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
