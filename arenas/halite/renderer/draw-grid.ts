// Draws one Halite frame: every site a square. Owned sites take their player's colour, brighter
// with strength; neutral sites are dark grey, lighter with production, with a small dot whose
// size shows their strength.
import type { Frame } from '../src/frame.ts';

export interface BoardView {
  width: number;
  height: number;
  colors: Record<string, string>;
}

const FALLBACK = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4'];

export function drawGrid(ctx: CanvasRenderingContext2D, f: Frame, view: BoardView): void {
  const cell = Math.min(view.width / f.width, view.height / f.height);
  const ox = (view.width - cell * f.width) / 2;
  const oy = (view.height - cell * f.height) / 2;
  const maxProd = Math.max(1, ...f.productions.flat());
  ctx.clearRect(0, 0, view.width, view.height);
  for (let y = 0; y < f.height; y++)
    for (let x = 0; x < f.width; x++) {
      const owner = f.owners[y]![x]!;
      const strength = f.strengths[y]![x]!;
      const px = ox + x * cell;
      const py = oy + y * cell;
      if (owner === 0) {
        const shade = Math.round(18 + (f.productions[y]![x]! / maxProd) * 40);
        ctx.fillStyle = `rgb(${shade},${shade},${shade + 8})`;
        ctx.fillRect(px, py, cell, cell);
        if (strength > 0) {
          const r = (cell / 2) * 0.8 * Math.sqrt(strength / 255);
          ctx.fillStyle = 'rgba(200,200,210,0.35)';
          ctx.beginPath();
          ctx.arc(px + cell / 2, py + cell / 2, r, 0, Math.PI * 2);
          ctx.fill();
        }
        continue;
      }
      const player = f.players[owner - 1];
      ctx.fillStyle = (player && view.colors[player.id]) ?? FALLBACK[(owner - 1) % FALLBACK.length]!;
      ctx.globalAlpha = 0.35 + 0.65 * (strength / 255);
      ctx.fillRect(px, py, cell, cell);
      ctx.globalAlpha = 1;
    }
}
