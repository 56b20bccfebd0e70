// The RobotRumble renderer plug-in for the web view (web/src/theater/renderers.ts finds every
// arenas/<id>/renderer/index.ts): the arena grid and per-team unit counts.
import { drawGrid, type GridView } from './draw-grid.ts';
import { asFrame } from './frame-guard.ts';

export const renderer = {
  arena: 'robotrumble',
  aspect: (_frame: unknown): number => 1,
  draw(ctx: CanvasRenderingContext2D, frame: unknown, view: GridView): boolean {
    const f = asFrame(frame);
    if (!f) return false;
    drawGrid(ctx, f, view);
    return true;
  },
  stats(frame: unknown) {
    const f = asFrame(frame);
    if (!f) return null;
    return (['red', 'blue'] as const).map((team) => {
      const units = f.units.filter((u) => u.team === team);
      return {
        id: f.players[team],
        alive: true,
        note: f.faults?.includes(team) ? `${team}, faulted this turn` : team,
        metrics: [
          { label: 'units', value: units.length },
          { label: 'health', value: units.reduce((n, u) => n + u.health, 0) },
        ],
      };
    });
  },
};
