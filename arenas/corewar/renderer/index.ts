// The CoreWar renderer plug-in for the web view (web/src/theater/renderers.ts finds every
// arenas/<id>/renderer/index.ts): the core as a grid of cells coloured by their last writer,
// process pointers on top, and per-warrior process and cell counts.
import { decodeCore } from './core-map.ts';
import { columnsFor, drawCore, type CoreView } from './draw-core.ts';
import { asFrame } from './frame-guard.ts';

export const renderer = {
  arena: 'corewar',
  aspect(frame: unknown): number {
    const f = asFrame(frame);
    if (!f) return 1.25;
    const cols = columnsFor(f.coreSize);
    return cols / Math.ceil(f.coreSize / cols);
  },
  draw(ctx: CanvasRenderingContext2D, frame: unknown, view: CoreView): boolean {
    const f = asFrame(frame);
    return f ? drawCore(ctx, f, view) : false;
  },
  stats(frame: unknown) {
    const f = asFrame(frame);
    if (!f) return null;
    let cells: Uint8Array;
    try {
      cells = decodeCore(f.core, f.coreSize);
    } catch {
      return null;
    }
    const owned = new Array<number>(f.warriors.length + 1).fill(0);
    for (const v of cells) owned[v >> 1]!++;
    return f.warriors.map((w, i) => ({
      id: w.id,
      alive: w.alive,
      ...(w.alive ? {} : { note: w.died !== undefined ? `died at cycle ${w.died}` : 'died' }),
      metrics: [
        { label: 'processes', value: w.processes },
        { label: 'cells', value: owned[i + 1]!, max: f.coreSize },
      ],
    }));
  },
};
