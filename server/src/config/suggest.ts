// "Did you mean …?" for misspelt field names, agent kinds, arena ids and paths.

/** Optimal-string-alignment distance: Levenshtein plus adjacent swaps, the most common typo. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

// camelCase, kebab-case and SHOUTING versions of a snake_case key are the same intent.
const normalize = (s: string): string => s.toLowerCase().replace(/[-_\s]/g, '');

/**
 * The candidate the user most plausibly meant, or undefined when nothing is close enough.
 * "Close" scales with length so that short names don't suggest unrelated short names.
 */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const w = normalize(word);
  if (w.length === 0) return undefined;
  const exact = candidates.find((c) => normalize(c) === w);
  if (exact !== undefined) return exact;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const dist = editDistance(w, normalize(c));
    if (dist < bestDistance) {
      best = c;
      bestDistance = dist;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(w.length, normalize(best).length) / 3));
  return bestDistance <= limit ? best : undefined;
}
