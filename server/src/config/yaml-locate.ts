// Maps a field path back to a line of the YAML text, so a message can say where to look.
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Document, LineCounter, Node } from 'yaml';

export type FieldPath = readonly PropertyKey[];

/** `['players', 1, 'agent', 'kind']` → `players[1].agent.kind`; the root is ''. */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

/**
 * Line of the deepest node along `path` that exists. A missing field therefore points at its
 * parent, and a field written as `key: value` points at its key's line (where users look).
 */
export function locate(doc: Document, lines: LineCounter, path: FieldPath): number | undefined {
  let node: unknown = doc.contents;
  let found: Node | undefined = isNode(node) ? node : undefined;
  for (const seg of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (pair === undefined) break;
      found = isNode(pair.key) ? pair.key : found;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      if (!isNode(node)) break;
      found = node;
    } else {
      break;
    }
  }
  const offset = found?.range?.[0];
  return offset === undefined ? undefined : lines.linePos(offset).line;
}

const isNode = (x: unknown): x is Node => typeof x === 'object' && x !== null && 'range' in x;
