// Draws one BattleSnake frame on a canvas: board, food, snakes (the dead ones faded). Official
// coordinates put (0,0) bottom-left, so y is flipped. A snake that left the board (wall
// collision) has its head outside: everything is clipped to the board.
import type { Frame, FrameSnake } from '../src/frame.ts';

export interface BoardView {
  width: number;
  height: number;
  colors: Record<string, string>;
}

type Pt = { x: number; y: number };

export function boardGeometry(f: Pick<Frame, 'width' | 'height'>, view: Pick<BoardView, 'width' | 'height'>) {
  const pad = Math.max(4, Math.min(view.width, view.height) * 0.02);
  const cell = Math.min((view.width - 2 * pad) / f.width, (view.height - 2 * pad) / f.height);
  const ox = (view.width - cell * f.width) / 2;
  const oy = (view.height - cell * f.height) / 2;
  /** Centre of a board cell in canvas pixels. */
  const at = (p: Pt): Pt => ({ x: ox + (p.x + 0.5) * cell, y: oy + (f.height - 1 - p.y + 0.5) * cell });
  return { cell, ox, oy, at, boardW: cell * f.width, boardH: cell * f.height };
}

export function drawBoard(ctx: CanvasRenderingContext2D, f: Frame, view: BoardView): void {
  const g = boardGeometry(f, view);
  const { cell } = g;
  ctx.clearRect(0, 0, view.width, view.height);

  // Board and cells.
  roundRect(ctx, g.ox - cell * 0.12, g.oy - cell * 0.12, g.boardW + cell * 0.24, g.boardH + cell * 0.24, cell * 0.3);
  ctx.fillStyle = '#0a0f1c';
  ctx.fill();
  for (let x = 0; x < f.width; x++) {
    for (let y = 0; y < f.height; y++) {
      ctx.fillStyle = (x + y) % 2 === 0 ? '#151d30' : '#121a2b';
      roundRect(ctx, g.ox + x * cell + cell * 0.05, g.oy + y * cell + cell * 0.05, cell * 0.9, cell * 0.9, cell * 0.18);
      ctx.fill();
    }
  }

  ctx.save();
  ctx.beginPath();
  ctx.rect(g.ox, g.oy, g.boardW, g.boardH);
  ctx.clip();

  // Food, with a soft glow.
  for (const p of f.food) {
    const c = g.at(p);
    const glow = ctx.createRadialGradient(c.x, c.y, 0, c.x, c.y, cell * 0.55);
    glow.addColorStop(0, 'rgba(255, 93, 115, 0.35)');
    glow.addColorStop(1, 'rgba(255, 93, 115, 0)');
    ctx.fillStyle = glow;
    ctx.fillRect(c.x - cell, c.y - cell, cell * 2, cell * 2);
    ctx.beginPath();
    ctx.arc(c.x, c.y, cell * 0.22, 0, Math.PI * 2);
    ctx.fillStyle = '#ff5d73';
    ctx.fill();
    ctx.beginPath();
    ctx.arc(c.x - cell * 0.07, c.y - cell * 0.07, cell * 0.06, 0, Math.PI * 2);
    ctx.fillStyle = 'rgba(255,255,255,0.55)';
    ctx.fill();
  }

  // Dead snakes under the living.
  const order = [...f.snakes].sort((a, b) => Number(a.alive) - Number(b.alive));
  for (const s of order) drawSnake(ctx, s, g, view.colors[s.id] ?? '#9aa4b2');
  ctx.restore();
}

function drawSnake(
  ctx: CanvasRenderingContext2D,
  s: FrameSnake,
  g: ReturnType<typeof boardGeometry>,
  color: string,
): void {
  const { cell } = g;
  // Stacked segments (start of game, just ate) are one point on the board.
  const pts: Pt[] = [];
  for (const p of s.body) if (!pts.length || pts.at(-1)!.x !== p.x || pts.at(-1)!.y !== p.y) pts.push(p);
  if (!pts.length) return;
  ctx.save();
  ctx.globalAlpha = s.alive ? 1 : 0.28;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  const path = () => {
    ctx.beginPath();
    pts.forEach((p, i) => {
      const c = g.at(p);
      const prev = pts[i - 1];
      // Not adjacent (should not happen): do not draw a line across the board.
      if (i === 0 || !prev || Math.abs(prev.x - p.x) + Math.abs(prev.y - p.y) !== 1) ctx.moveTo(c.x, c.y);
      else ctx.lineTo(c.x, c.y);
    });
  };
  if (pts.length > 1) {
    path();
    ctx.strokeStyle = color;
    ctx.lineWidth = cell * 0.7;
    ctx.stroke();
    path();
    ctx.strokeStyle = 'rgba(255,255,255,0.16)';
    ctx.lineWidth = cell * 0.22;
    ctx.stroke();
  }
  // Tail tip, a touch smaller.
  const tail = g.at(pts.at(-1)!);
  if (pts.length > 1) {
    ctx.beginPath();
    ctx.arc(tail.x, tail.y, cell * 0.3, 0, Math.PI * 2);
    ctx.fillStyle = color;
    ctx.fill();
  }
  // Head with eyes looking where it went.
  const head = g.at(pts[0]!);
  ctx.beginPath();
  ctx.arc(head.x, head.y, cell * 0.43, 0, Math.PI * 2);
  ctx.fillStyle = color;
  ctx.fill();
  const neck = pts[1];
  const dir = neck ? { x: pts[0]!.x - neck.x, y: neck.y - pts[0]!.y } : { x: 0, y: -1 };
  const side = { x: -dir.y, y: dir.x };
  for (const k of [-1, 1]) {
    const ex = head.x + dir.x * cell * 0.14 + side.x * k * cell * 0.17;
    const ey = head.y + dir.y * cell * 0.14 + side.y * k * cell * 0.17;
    ctx.beginPath();
    ctx.arc(ex, ey, cell * 0.11, 0, Math.PI * 2);
    ctx.fillStyle = '#ffffff';
    ctx.fill();
    ctx.beginPath();
    ctx.arc(ex + dir.x * cell * 0.04, ey + dir.y * cell * 0.04, cell * 0.055, 0, Math.PI * 2);
    ctx.fillStyle = '#0b1020';
    ctx.fill();
  }
  if (!s.alive) {
    ctx.globalAlpha = 0.8;
    ctx.strokeStyle = '#0b1020';
    ctx.lineWidth = cell * 0.08;
    const r = cell * 0.2;
    ctx.beginPath();
    ctx.moveTo(head.x - r, head.y - r);
    ctx.lineTo(head.x + r, head.y + r);
    ctx.moveTo(head.x + r, head.y - r);
    ctx.lineTo(head.x - r, head.y + r);
    ctx.stroke();
  }
  ctx.restore();
}

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
}
