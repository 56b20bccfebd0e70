// What a campaign's cells add up to: its overall status, its progress, its groups and arenas in
// matrix order, and the roster's colours (fixed by first appearance, the same on every view).
import type { CampaignCell, CampaignSummary } from '@codearena/protocol';
import { playerColors } from '../colors.ts';

export type CellStatus = CampaignCell['status'];
export const CELL_STATUSES: readonly CellStatus[] = ['running', 'interrupted', 'queued', 'finished', 'aborted'];

/** Running while any tournament runs; interrupted when one waits for a resume and none runs;
 *  finished or aborted only when nothing is left to do. */
export function campaignStatus(counts: CampaignSummary['counts']): CellStatus {
  if (counts.running) return 'running';
  if (counts.interrupted) return 'interrupted';
  if (counts.queued) return 'queued';
  return counts.finished || !counts.aborted ? 'finished' : 'aborted';
}

/** More tournaments will begin or advance: the view keeps asking. */
export const isActive = (counts: CampaignSummary['counts']): boolean => counts.running + counts.queued > 0;

/** Share of the campaign done: whole tournaments, plus the rounds of those under way when the cells are known. */
export function campaignProgress(summary: CampaignSummary, cells?: readonly CampaignCell[]): number {
  if (!summary.tournaments) return 0;
  if (!cells) return (summary.counts.finished + summary.counts.aborted) / summary.tournaments;
  const part = (c: CampaignCell): number =>
    c.status === 'finished' || c.status === 'aborted'
      ? 1
      : c.status === 'queued'
        ? 0
        : Math.min(1, c.roundsDone / (c.totalRounds + 1));
  return cells.reduce((sum, c) => sum + part(c), 0) / cells.length;
}

export interface MatrixRow {
  key: string;
  players: string[];
  /** Arena → that group's tournaments there, by repeat. */
  byArena: Map<string, CampaignCell[]>;
}

/** Rows are player groups, columns arenas, both in the order the matrix first names them. */
export function matrixOf(cells: readonly CampaignCell[]): { arenas: string[]; rows: MatrixRow[] } {
  const arenas: string[] = [];
  const rows = new Map<string, MatrixRow>();
  for (const c of cells) {
    if (!arenas.includes(c.arena)) arenas.push(c.arena);
    // Names cannot hold a space (PlayerName), so the joined key is unique per group.
    const key = c.players.join(' ');
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { key, players: c.players, byArena: new Map() }));
    const list = row.byArena.get(c.arena) ?? [];
    list.push(c);
    row.byArena.set(c.arena, list);
  }
  for (const row of rows.values()) for (const list of row.byArena.values()) list.sort((a, b) => a.repeat - b.repeat);
  return { arenas, rows: [...rows.values()] };
}

/** The roster in order of first appearance, joined by spaces (names hold none): a stable memo key. */
export const rosterKey = (cells: readonly CampaignCell[]): string =>
  [...new Set(cells.flatMap((c) => c.players))].join(' ');

export const rosterColors = (key: string): Record<string, string> => playerColors(key ? key.split(' ') : []);
