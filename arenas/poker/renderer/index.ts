// The poker renderer plug-in for the web view (web/src/theater/renderers.ts finds every
// arenas/<id>/renderer/index.ts): a table view and per-player chip counts.
import { drawTable, TABLE_ASPECT, type TableView } from './draw-table.ts';
import { asFrame } from './frame-guard.ts';

export const renderer = {
  arena: 'poker',
  aspect: (_frame: unknown): number => TABLE_ASPECT,
  draw(ctx: CanvasRenderingContext2D, frame: unknown, view: TableView): boolean {
    const f = asFrame(frame);
    if (!f) return false;
    drawTable(ctx, f, view);
    return true;
  },
  stats(frame: unknown) {
    const f = asFrame(frame);
    if (!f) return null;
    return f.players.map((p) => ({
      id: p.id,
      // Out only when it has no chips left to play (carried-over stacks).
      alive: p.stack > 0 || p.committed > 0 || p.position !== '' || f.street === null,
      ...(p.folded ? { note: 'folded' } : {}),
      metrics: [
        { label: 'net', value: p.net },
        { label: 'stack', value: p.stack },
      ],
    }));
  },
};
