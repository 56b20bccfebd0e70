// The comparison graph of a fit: rated entities are nodes, a pair that met is an edge. Ratings
// of different components are not comparable (DESIGN.md "Ratings"): only the fit's weak prior
// places one component against another, so a leaderboard must say when the graph falls apart,
// name the parts, and suggest the matches that would join them.
import type { ComparisonGraph } from '@codearena/protocol';

/** Components largest first (ties: the one whose first member sorts first), members sorted. */
export function comparisonGraph(
  pairs: readonly { a: string; b: string }[],
  ids: readonly string[] = [],
): ComparisonGraph {
  const parent = new Map<string, string>();
  const games = new Map<string, number>();
  const root = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const add = (x: string): void => void (parent.has(x) || parent.set(x, x));
  for (const id of ids) add(id);
  for (const { a, b } of pairs) {
    add(a);
    add(b);
    games.set(a, (games.get(a) ?? 0) + 1);
    games.set(b, (games.get(b) ?? 0) + 1);
    parent.set(root(a), root(b));
  }
  const groups = new Map<string, string[]>();
  for (const id of [...parent.keys()].sort()) {
    const r = root(id);
    groups.set(r, [...(groups.get(r) ?? []), id]);
  }
  const components = [...groups.values()].sort((x, y) => y.length - x.length || (x[0]! < y[0]! ? -1 : 1));

  // Joining k components takes at least k − 1 new pairs; we join each to the largest (a star),
  // and from each side pick its most experienced entity (most games, then name): its rating is
  // the best determined within its own component, so one match between the two anchors both
  // scales with the least noise.
  const anchor = (members: string[]): string =>
    members.reduce((best, id) => ((games.get(id) ?? 0) > (games.get(best) ?? 0) ? id : best));
  const hub = components.length > 1 ? anchor(components[0]!) : '';
  const bridges = components.slice(1).map((members, i) => ({
    a: hub,
    b: anchor(members),
    joins: [0, i + 1] as [number, number],
  }));
  return { components, bridges };
}

/** Component index per entity. */
export function componentIndex(graph: ComparisonGraph): Map<string, number> {
  return new Map(graph.components.flatMap((members, c) => members.map((id) => [id, c] as const)));
}
