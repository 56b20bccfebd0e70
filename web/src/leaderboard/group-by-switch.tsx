// By player or by agent and model: the one switch of every leaderboard.
import type { GroupBy } from '@codearena/protocol';
import { Segmented } from '../components/ui.tsx';

export function GroupBySwitch({ value, onChange }: { value: GroupBy; onChange: (by: GroupBy) => void }) {
  return (
    <Segmented
      label="group by"
      value={value}
      options={[
        { value: 'player', label: 'By player' },
        { value: 'agent', label: 'By model' },
      ]}
      onChange={onChange}
    />
  );
}
