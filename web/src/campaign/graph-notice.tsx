// Said out loud when a fit's comparison graph is split: which parts never met, so their ratings
// cannot be compared, and the pairings that would join them.
import type { ComparisonGraph } from '@codearena/protocol';

export function GraphNotice({ graph, scope }: { graph: ComparisonGraph; scope: string }) {
  if (graph.components.length < 2) return null;
  return (
    <section className="interrupted-note graph-notice" role="status" data-graph-split={scope}>
      <p>
        <strong>
          The comparison graph {scope} is split into {graph.components.length} parts.
        </strong>{' '}
        No round connects them, so ratings compare only within one part (the fit’s prior alone places the parts against
        each other).
      </p>
      <ol className="graph-parts">
        {graph.components.map((members, i) => (
          <li key={i} data-component={i}>
            <span className="muted">part {i + 1}:</span> {members.join(', ')}
          </li>
        ))}
      </ol>
      {graph.bridges.length > 0 && (
        <p className="graph-bridges">
          Pairings that would join them:{' '}
          {graph.bridges.map((b, i) => (
            <span key={i} className="tag" data-bridge={`${b.a} vs ${b.b}`}>
              {b.a} vs {b.b}
            </span>
          ))}
        </p>
      )}
    </section>
  );
}
