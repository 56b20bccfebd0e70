// Every ladder under the runs dir's ladders/: its arena, rungs, how much of its round-robin is
// played, its climbs. Ladders are made and climbed by other processes, so the list is polled.
import { LadderList } from '@codearena/protocol';
import { useApi } from '../api.ts';
import { Card, Empty, ErrorNote, ProgressBar } from '../components/ui.tsx';
import { fmtWhen, plural } from '../format.ts';
import { Link, paths } from '../router.tsx';

export function LaddersPage() {
  const { data, error } = useApi('/api/ladders', LadderList, { pollMs: 5000 });
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Ladders</h1>
          <p className="sub">
            {data
              ? `${plural(data.ladders.length, 'ladder')} · codebases ranked by round-robin, and players sent up them`
              : 'loading…'}
          </p>
        </div>
      </div>
      {error && <ErrorNote>Could not load the ladders: {error}</ErrorNote>}
      <Card>
        {data && data.ladders.length === 0 && (
          <Empty>
            No ladders yet. Make one with <code>npx codearena ladder make corewar ladders/corewar.yaml</code>.
          </Empty>
        )}
        {data && data.ladders.length > 0 && (
          <div className="tlist llist" role="table" aria-label="ladders">
            <div className="tlist-row tlist-head" role="row">
              <span role="columnheader">Ladder</span>
              <span role="columnheader">Arena</span>
              <span role="columnheader">Round-robin</span>
              <span role="columnheader">Climbs</span>
            </div>
            {data.ladders.map((l) => (
              <Link key={l.name} to={paths.ladder(l.name)} className="tlist-row" role="row" data-ladder={l.name}>
                <span className="tlist-name" role="cell">
                  <strong>{l.name}</strong>
                  <span className="muted small">
                    {plural(l.rungs, 'rung')} · made {fmtWhen(l.madeAt)}
                  </span>
                </span>
                <span role="cell">
                  <span className="tag tag-neutral">{l.arena}</span>
                </span>
                <span className="tlist-progress" role="cell">
                  <ProgressBar
                    value={l.pairsTotal ? l.pairsPlayed / l.pairsTotal : 0}
                    label={`${l.name} pairs played`}
                  />
                  <span className="muted small">
                    {l.pairsPlayed}/{l.pairsTotal} pairs · {l.sims} sims each
                  </span>
                </span>
                <span role="cell" className={l.climbs ? '' : 'muted'}>
                  {l.climbs ? plural(l.climbs, 'climb') : 'none yet'}
                </span>
              </Link>
            ))}
          </div>
        )}
      </Card>
    </div>
  );
}
