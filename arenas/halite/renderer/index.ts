// The Halite renderer plug-in for the web view (web/src/theater/renderers.ts finds every
// arenas/<id>/renderer/index.ts): the grid and per-player territory, strength and production.
import { type BoardView, drawGrid } from './draw-grid.ts';
import { asFrame } from './frame-guard.ts';

export const renderer = {
  arena: 'halite',
  aspect(frame: unknown): number {
    const f = asFrame(frame);
    return f ? f.width / f.height : 1;
  },
  draw(ctx: CanvasRenderingContext2D, frame: unknown, view: BoardView): boolean {
    const f = asFrame(frame);
    if (!f) return false;
    drawGrid(ctx, f, view);
    return true;
  },
  stats(frame: unknown) {
    const f = asFrame(frame);
    if (!f) return null;
    const sites = f.width * f.height;
    return f.players.map((p) => ({
      id: p.id,
      alive: p.alive,
      ...(p.name !== p.id ? { note: p.name } : {}),
      metrics: [
        { label: 'territory', value: p.territory, max: sites },
        { label: 'strength', value: p.strength },
        { label: 'production', value: p.production },
      ],
    }));
  },
};
