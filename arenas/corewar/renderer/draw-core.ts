// Draws one CoreWar frame on a canvas: the core as a grid of cells, address 0 top-left, rows
// left to right. A cell takes the colour of the warrior that last wrote it, bright when written
// since the previous frame and dim otherwise; never-written cells stay dark. Process pointers
// are rings in their warrior's colour.
import type { Frame } from '../src/frame.ts';
import { decodeCore } from './core-map.ts';

export interface CoreView {
  width: number;
  height: number;
  colors: Record<string, string>;
}

/** Columns for a core: 100 for the standard 8000 (80 rows), about 5:4 otherwise. */
export function columnsFor(coreSize: number): number {
  return coreSize === 8000 ? 100 : Math.max(1, Math.ceil(Math.sqrt(coreSize * 1.25)));
}

export function coreGeometry(coreSize: number, view: Pick<CoreView, 'width' | 'height'>) {
  const cols = columnsFor(coreSize);
  const rows = Math.ceil(coreSize / cols);
  const pad = Math.max(4, Math.min(view.width, view.height) * 0.015);
  const cell = Math.min((view.width - 2 * pad) / cols, (view.height - 2 * pad) / rows);
  const ox = (view.width - cell * cols) / 2;
  const oy = (view.height - cell * rows) / 2;
  /** Top-left corner of an address's cell in canvas pixels. */
  const at = (addr: number) => ({ x: ox + (addr % cols) * cell, y: oy + Math.floor(addr / cols) * cell });
  return { cols, rows, cell, ox, oy, at };
}

export function drawCore(ctx: CanvasRenderingContext2D, f: Frame, view: CoreView): boolean {
  let cells: Uint8Array;
  try {
    cells = decodeCore(f.core, f.coreSize);
  } catch {
    return false;
  }
  const g = coreGeometry(f.coreSize, view);
  const { cell } = g;
  ctx.clearRect(0, 0, view.width, view.height);
  ctx.fillStyle = '#0a0f1c';
  ctx.fillRect(g.ox - cell * 0.5, g.oy - cell * 0.5, g.cols * cell + cell, g.rows * cell + cell);

  const gap = cell > 4 ? Math.max(0.5, cell * 0.12) : 0;
  const size = cell - gap;
  const colorOf = (owner: number) => view.colors[f.warriors[owner - 1]?.id ?? ''] ?? '#9aa4b2';
  // Batch the cells by fill: empty, then each warrior dim, then each warrior bright.
  const passes: { match: (v: number) => boolean; style: string; alpha: number }[] = [
    { match: (v) => v >> 1 === 0, style: '#161e31', alpha: 1 },
    ...f.warriors.flatMap((_, i) => [
      { match: (v: number) => v === (i + 1) * 2, style: colorOf(i + 1), alpha: 0.38 },
      { match: (v: number) => v === (i + 1) * 2 + 1, style: colorOf(i + 1), alpha: 1 },
    ]),
  ];
  for (const p of passes) {
    ctx.globalAlpha = p.alpha;
    ctx.fillStyle = p.style;
    ctx.beginPath();
    for (let a = 0; a < cells.length; a++) {
      if (!p.match(cells[a]!)) continue;
      const { x, y } = g.at(a);
      ctx.rect(x, y, size, size);
    }
    ctx.fill();
  }
  ctx.globalAlpha = 1;

  // Process pointers on top: a white ring with the warrior's colour inside.
  const r = Math.max(2, cell * 0.9);
  for (const w of f.warriors) {
    if (!w.alive) continue;
    for (const pc of w.pcs) {
      const { x, y } = g.at(pc);
      const cx = x + size / 2;
      const cy = y + size / 2;
      ctx.beginPath();
      ctx.arc(cx, cy, r, 0, Math.PI * 2);
      ctx.fillStyle = view.colors[w.id] ?? '#9aa4b2';
      ctx.fill();
      ctx.lineWidth = Math.max(1, cell * 0.25);
      ctx.strokeStyle = '#ffffff';
      ctx.stroke();
    }
  }
  return true;
}
