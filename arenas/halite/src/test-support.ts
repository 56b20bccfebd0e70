// Hand-built positions for the rules tests: a grid from rows of "owner:strength:production"
// cells (production optional, 0 by default).
import type { PlayerId } from '@codearena/protocol';
import { gameOnGrid, step } from './rules.ts';
import type { Grid, Move, SiteMove, State } from './state.ts';

export function gridOf(rows: string[][]): Grid {
  const height = rows.length;
  const width = rows[0]!.length;
  const g: Grid = {
    width,
    height,
    owner: new Uint8Array(width * height),
    strength: new Uint8Array(width * height),
    production: new Uint8Array(width * height),
  };
  rows.forEach((row, y) =>
    row.forEach((cell, x) => {
      const [o, s, p] = cell.split(':').map(Number);
      g.owner[y * width + x] = o!;
      g.strength[y * width + x] = s!;
      g.production[y * width + x] = p ?? 0;
    }),
  );
  return g;
}

/** A game in the play phase (every bot answered init) on the given position. */
export function playing(rows: string[][], players: readonly PlayerId[] = ['a', 'b']): State {
  const s = gameOnGrid(players, gridOf(rows));
  return step(s, new Map(players.map((p) => [p, { ready: true }])));
}

export const moves = (m: Record<string, SiteMove[]>): Map<string, Move> =>
  new Map(Object.entries(m).map(([k, v]) => [k, { moves: v }]));

/** owner:strength of the site at (x, y). */
export const at = (s: State, x: number, y: number): string =>
  `${s.owner[y * s.width + x]}:${s.strength[y * s.width + x]}`;
