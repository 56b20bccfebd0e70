// Draws one RobotRumble frame: walls, spawn points, units coloured by team and shaded by health
// (as the original's viewer shades them) with their health written on them, and arrows for the
// turn's actions (thin for moves, bold with a head for attacks). (0,0) is the top-left cell.
import type { Frame } from '../src/frame.ts';

export interface GridView {
  width: number;
  height: number;
  colors: Record<string, string>;
}

const TEAM_COLOUR = { red: '#e5484d', blue: '#3e83f8' } as const;
const STEP = { north: [0, -1], east: [1, 0], south: [0, 1], west: [-1, 0] } as const;
const MAX_HEALTH = 5;

export function drawGrid(ctx: CanvasRenderingContext2D, f: Frame, view: GridView): void {
  const pad = 4;
  const cell = Math.max(1, Math.min((view.width - 2 * pad) / f.size, (view.height - 2 * pad) / f.size));
  const ox = (view.width - cell * f.size) / 2;
  const oy = (view.height - cell * f.size) / 2;
  const centre = (x: number, y: number) => [ox + (x + 0.5) * cell, oy + (y + 0.5) * cell] as const;
  const colour = (team: 'red' | 'blue') => view.colors[f.players[team]] ?? TEAM_COLOUR[team];

  ctx.clearRect(0, 0, view.width, view.height);
  ctx.fillStyle = '#141a26';
  ctx.fillRect(ox, oy, cell * f.size, cell * f.size);
  ctx.fillStyle = '#1b2333';
  for (let x = 0; x < f.size; x++)
    for (let y = 0; y < f.size; y++) ctx.fillRect(ox + x * cell + 0.5, oy + y * cell + 0.5, cell - 1, cell - 1);
  ctx.fillStyle = '#1f4d3a';
  for (const [x, y] of f.spawn) ctx.fillRect(ox + x * cell + 0.5, oy + y * cell + 0.5, cell - 1, cell - 1);
  ctx.fillStyle = '#3a4254';
  for (const [x, y] of f.walls) ctx.fillRect(ox + x * cell, oy + y * cell, cell, cell);

  for (const u of f.units) {
    ctx.globalAlpha = 0.35 + (0.65 * Math.min(u.health, MAX_HEALTH)) / MAX_HEALTH;
    ctx.fillStyle = colour(u.team);
    ctx.fillRect(ox + u.x * cell + cell * 0.1, oy + u.y * cell + cell * 0.1, cell * 0.8, cell * 0.8);
    ctx.globalAlpha = 1;
    if (cell >= 12) {
      const [cx, cy] = centre(u.x, u.y);
      ctx.fillStyle = '#ffffff';
      ctx.font = `${Math.floor(cell * 0.5)}px sans-serif`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(String(u.health), cx, cy);
    }
  }

  for (const a of f.actions) {
    const [dx, dy] = STEP[a.direction];
    const [x0, y0] = centre(a.x, a.y);
    const attack = a.type === 'attack';
    const x1 = x0 + dx * cell * (attack ? 0.9 : 0.6);
    const y1 = y0 + dy * cell * (attack ? 0.9 : 0.6);
    ctx.strokeStyle = attack ? '#ffd166' : 'rgba(255,255,255,0.45)';
    ctx.lineWidth = attack ? Math.max(1.5, cell * 0.12) : Math.max(1, cell * 0.06);
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    ctx.lineTo(x1, y1);
    ctx.stroke();
    if (attack) {
      const h = cell * 0.2;
      ctx.fillStyle = '#ffd166';
      ctx.beginPath();
      ctx.moveTo(x1, y1);
      ctx.lineTo(x1 - dx * h - dy * h, y1 - dy * h - dx * h);
      ctx.lineTo(x1 - dx * h + dy * h, y1 - dy * h + dx * h);
      ctx.closePath();
      ctx.fill();
    }
  }
}
