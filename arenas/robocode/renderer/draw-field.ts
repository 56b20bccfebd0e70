// Draws one RoboCode frame: the battlefield, wrecks, radar beams, tanks (body, treads, gun,
// radar dish), bullets, hit bursts, energy bars and the round / turn. Robocode's y points up,
// so y is flipped; its headings (0 = north, clockwise) are then the canvas's own rotation of a
// shape drawn pointing up. Tank parts are drawn in battlefield pixels (a tank is 36 × 36);
// text and bars in screen pixels so they stay legible on a phone.
import type { RobocodeFrame } from '../src/frame.ts';

export interface FieldView {
  width: number;
  height: number;
  colors: Record<string, string>;
}

type Robot = RobocodeFrame['robots'][number];
type Bullet = RobocodeFrame['bullets'][number];

const GROUND = '#0b1120';
const GRID = 'rgba(148, 163, 184, 0.07)';
const GRID_MAJOR = 'rgba(148, 163, 184, 0.13)';
const WRECK = '#4b5263';
const FALLBACK = '#9aa4b2';
const FONT = 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", sans-serif';
/** Half the tank's diagonal: nothing of a tank reaches further from its centre. */
const TANK_REACH = 26;
const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

export function fieldGeometry(f: Pick<RobocodeFrame, 'w' | 'h'>, view: Pick<FieldView, 'width' | 'height'>) {
  const s = Math.min(view.width / f.w, view.height / f.h);
  const ox = (view.width - f.w * s) / 2;
  const oy = (view.height - f.h * s) / 2;
  /** Battlefield point → canvas pixels. */
  const at = (x: number, y: number) => ({ x: ox + x * s, y: oy + (f.h - y) * s });
  return { s, ox, oy, at, fw: f.w * s, fh: f.h * s };
}
type Geometry = ReturnType<typeof fieldGeometry>;

export function drawField(ctx: CanvasRenderingContext2D, f: RobocodeFrame, view: FieldView): void {
  const g = fieldGeometry(f, view);
  const colorOf = (seat: number) => view.colors[f.players[seat] ?? ''] ?? FALLBACK;
  ctx.clearRect(0, 0, view.width, view.height);
  ctx.save();
  drawGround(ctx, f, g);
  ctx.beginPath();
  ctx.rect(g.ox, g.oy, g.fw, g.fh);
  ctx.clip();

  const seats = f.robots.map((r, seat) => ({ r, seat }));
  const dead = seats.filter((t) => t.r[7] === 0);
  const alive = seats.filter((t) => t.r[7] === 1);
  for (const t of dead) drawTank(ctx, g, t.r, WRECK, false);
  for (const t of alive) drawRadarBeam(ctx, g, t.r, colorOf(t.seat));
  for (const t of alive) drawTank(ctx, g, t.r, colorOf(t.seat), true);
  for (const b of f.bullets) if (b[4] === 0) drawBullet(ctx, g, b, colorOf(b[3]));
  for (const b of f.bullets) if (b[4] === 1) drawBurst(ctx, g, b, colorOf(b[3]));
  ctx.restore();

  for (const t of alive) drawEnergy(ctx, g, t.r);
  drawTurnLabel(ctx, f, g);
}

function drawGround(ctx: CanvasRenderingContext2D, f: RobocodeFrame, g: Geometry): void {
  const glow = ctx.createRadialGradient(
    g.ox + g.fw / 2,
    g.oy + g.fh / 2,
    0,
    g.ox + g.fw / 2,
    g.oy + g.fh / 2,
    Math.max(g.fw, g.fh) * 0.7,
  );
  glow.addColorStop(0, '#111a2e');
  glow.addColorStop(1, GROUND);
  ctx.fillStyle = glow;
  ctx.fillRect(g.ox, g.oy, g.fw, g.fh);
  // A line every 50 battlefield pixels, stronger every 200; none closer than 8 screen pixels.
  const step = 50 * Math.max(1, 2 ** Math.ceil(Math.log2(8 / (50 * g.s))));
  ctx.lineWidth = 1;
  for (const [axis, size] of [
    ['x', f.w],
    ['y', f.h],
  ] as const) {
    for (let v = step; v < size; v += step) {
      ctx.strokeStyle = v % 200 === 0 ? GRID_MAJOR : GRID;
      ctx.beginPath();
      if (axis === 'x') {
        const px = Math.round(g.ox + v * g.s) + 0.5;
        ctx.moveTo(px, g.oy);
        ctx.lineTo(px, g.oy + g.fh);
      } else {
        const py = Math.round(g.at(0, v).y) + 0.5;
        ctx.moveTo(g.ox, py);
        ctx.lineTo(g.ox + g.fw, py);
      }
      ctx.stroke();
    }
  }
  ctx.strokeStyle = 'rgba(148, 163, 184, 0.35)';
  ctx.strokeRect(g.ox + 0.5, g.oy + 0.5, g.fw - 1, g.fh - 1);
}

/** A faint wedge where the radar looks; the beam is long, the eye follows it to the target. */
function drawRadarBeam(ctx: CanvasRenderingContext2D, g: Geometry, r: Robot, color: string): void {
  const c = g.at(r[0], r[1]);
  const len = 320 * g.s;
  ctx.save();
  ctx.translate(c.x, c.y);
  ctx.rotate(r[4]);
  const fade = ctx.createLinearGradient(0, 0, 0, -len);
  fade.addColorStop(0, color);
  fade.addColorStop(1, 'transparent');
  ctx.fillStyle = fade;
  ctx.globalAlpha = 0.16;
  ctx.beginPath();
  ctx.moveTo(0, 0);
  ctx.arc(0, 0, len, -Math.PI / 2 - 0.07, -Math.PI / 2 + 0.07);
  ctx.closePath();
  ctx.fill();
  ctx.restore();
}

function drawTank(ctx: CanvasRenderingContext2D, g: Geometry, r: Robot, color: string, alive: boolean): void {
  const [x, y, body, gun, radar] = r;
  const c = g.at(x, y);
  ctx.save();
  ctx.translate(c.x, c.y);
  ctx.scale(g.s, g.s);
  if (!alive) {
    const scorch = ctx.createRadialGradient(0, 0, 4, 0, 0, 30);
    scorch.addColorStop(0, 'rgba(0, 0, 0, 0.55)');
    scorch.addColorStop(1, 'rgba(0, 0, 0, 0)');
    ctx.fillStyle = scorch;
    ctx.fillRect(-30, -30, 60, 60);
    ctx.globalAlpha = 0.75;
  }
  ctx.lineWidth = 1.5;

  // Body: two treads with cross bars, the hull between them, a lighter front plate.
  ctx.save();
  ctx.rotate(body);
  for (const side of [-1, 1]) {
    const tx = side < 0 ? -18 : 11;
    ctx.fillStyle = '#1a2030';
    ctx.beginPath();
    ctx.roundRect(tx, -18, 7, 36, 2);
    ctx.fill();
    ctx.strokeStyle = alive ? '#3b4458' : '#2a303c';
    ctx.beginPath();
    for (let ty = -15; ty <= 15; ty += 5) {
      ctx.moveTo(tx + 1, ty);
      ctx.lineTo(tx + 6, ty);
    }
    ctx.stroke();
  }
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.roundRect(-12, -16, 24, 32, 4);
  ctx.fill();
  ctx.fillStyle = 'rgba(0, 0, 0, 0.28)';
  ctx.fillRect(-12, 6, 24, 10);
  ctx.fillStyle = 'rgba(255, 255, 255, 0.3)';
  ctx.beginPath();
  ctx.roundRect(-10, -15, 20, 5, 2);
  ctx.fill();
  ctx.restore();

  // Gun: a turret and a barrel.
  ctx.save();
  ctx.rotate(gun);
  ctx.fillStyle = color;
  ctx.strokeStyle = 'rgba(0, 0, 0, 0.55)';
  ctx.beginPath();
  ctx.roundRect(-2.5, -27, 5, 24, 1.5);
  ctx.fill();
  ctx.stroke();
  ctx.beginPath();
  ctx.arc(0, 0, 8.5, 0, Math.PI * 2);
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = 'rgba(0, 0, 0, 0.22)';
  ctx.fill();
  ctx.restore();

  // Radar: a small dish on the turret.
  ctx.save();
  ctx.rotate(radar);
  ctx.strokeStyle = alive ? '#f8fafc' : '#8b93a3';
  ctx.lineWidth = 2.2;
  ctx.lineCap = 'round';
  ctx.beginPath();
  ctx.arc(0, 2, 6.5, -Math.PI / 2 - 0.95, -Math.PI / 2 + 0.95);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(0, 2);
  ctx.lineTo(0, -3);
  ctx.stroke();
  ctx.restore();

  if (!alive) {
    // Wrecked: a dark cross over the hull.
    ctx.globalAlpha = 0.9;
    ctx.strokeStyle = '#0b1020';
    ctx.lineWidth = 3;
    ctx.beginPath();
    ctx.moveTo(-9, -9);
    ctx.lineTo(9, 9);
    ctx.moveTo(9, -9);
    ctx.lineTo(-9, 9);
    ctx.stroke();
  }
  ctx.restore();
}

/** Robocode draws bullets bigger the more power they carry (0.1 to 3). */
const bulletRadius = (power: number) => 1.6 + 1.5 * Math.sqrt(Math.min(power, 3));

function drawBullet(ctx: CanvasRenderingContext2D, g: Geometry, b: Bullet, color: string): void {
  const c = g.at(b[0], b[1]);
  const rad = Math.max(1.6, bulletRadius(b[2]) * g.s);
  ctx.beginPath();
  ctx.arc(c.x, c.y, rad * 2.2, 0, Math.PI * 2);
  ctx.fillStyle = color;
  ctx.globalAlpha = 0.25;
  ctx.fill();
  ctx.globalAlpha = 1;
  ctx.beginPath();
  ctx.arc(c.x, c.y, rad, 0, Math.PI * 2);
  ctx.fill();
  ctx.beginPath();
  ctx.arc(c.x, c.y, rad * 0.45, 0, Math.PI * 2);
  ctx.fillStyle = '#ffffff';
  ctx.fill();
}

/** A bullet that hit something this turn: a flash with rays, bigger for more power. */
function drawBurst(ctx: CanvasRenderingContext2D, g: Geometry, b: Bullet, color: string): void {
  const c = g.at(b[0], b[1]);
  const rad = Math.max(5, (10 + 5 * Math.min(b[2], 3)) * g.s);
  const flash = ctx.createRadialGradient(c.x, c.y, 0, c.x, c.y, rad);
  flash.addColorStop(0, 'rgba(255, 255, 240, 0.95)');
  flash.addColorStop(0.35, 'rgba(255, 196, 87, 0.85)');
  flash.addColorStop(1, 'rgba(255, 99, 51, 0)');
  ctx.fillStyle = flash;
  ctx.beginPath();
  ctx.arc(c.x, c.y, rad, 0, Math.PI * 2);
  ctx.fill();
  ctx.strokeStyle = color;
  ctx.lineWidth = Math.max(1, 1.5 * g.s);
  ctx.lineCap = 'round';
  ctx.beginPath();
  for (let k = 0; k < 8; k++) {
    const a = (k * Math.PI) / 4 + 0.3;
    ctx.moveTo(c.x + Math.cos(a) * rad * 0.55, c.y + Math.sin(a) * rad * 0.55);
    ctx.lineTo(c.x + Math.cos(a) * rad * 1.05, c.y + Math.sin(a) * rad * 1.05);
  }
  ctx.stroke();
}

const energyFont = (g: Geometry) => Math.round(clamp(8 + 6 * g.s, 9, 14));

/** A bar above the tank (below it at the top edge), full at 100, with the energy as a number. */
function drawEnergy(ctx: CanvasRenderingContext2D, g: Geometry, r: Robot): void {
  const c = g.at(r[0], r[1]);
  const energy = Math.max(0, r[5]);
  const bw = clamp(40 * g.s, 24, 60);
  const bh = clamp(5 * g.s, 3, 6);
  const fs = energyFont(g);
  const gap = TANK_REACH * g.s + 3;
  // Above the tank, number on top; at the top wall below it, number underneath.
  const above = c.y - gap - bh - fs - 1 >= g.oy;
  const top = above ? c.y - gap - bh : c.y + gap;
  // Kept on the canvas at the side walls, the number too.
  const cx = clamp(c.x, g.ox + bw / 2 + 2, g.ox + g.fw - bw / 2 - 2);
  const left = cx - bw / 2;
  ctx.fillStyle = 'rgba(2, 6, 16, 0.75)';
  ctx.fillRect(left - 1, top - 1, bw + 2, bh + 2);
  ctx.fillStyle = energy > 50 ? '#4ade80' : energy > 20 ? '#fbbf24' : '#f87171';
  ctx.fillRect(left, top, (bw * Math.min(energy, 100)) / 100, bh);

  ctx.font = `600 ${fs}px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = above ? 'bottom' : 'top';
  const ty = above ? top - 1 : top + bh + 2;
  const label = energy < 10 ? energy.toFixed(1) : String(Math.round(energy));
  ctx.lineWidth = 3;
  ctx.lineJoin = 'round';
  ctx.strokeStyle = 'rgba(2, 6, 16, 0.85)';
  ctx.strokeText(label, cx, ty);
  ctx.fillStyle = '#e2e8f0';
  ctx.fillText(label, cx, ty);
}

function drawTurnLabel(ctx: CanvasRenderingContext2D, f: RobocodeFrame, g: Geometry): void {
  const fs = Math.round(clamp(g.fw / 60, 11, 14));
  const text = `Round ${f.round + 1}/${f.rounds} · turn ${f.turn}`;
  ctx.font = `600 ${fs}px ${FONT}`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  const pad = Math.round(fs * 0.55);
  const w = ctx.measureText(text).width + pad * 2;
  const h = fs + pad * 1.2;
  // The first corner clear of every tank and its energy label, else the one with most room.
  const r = TANK_REACH * g.s;
  const boxes = f.robots.map((t) => {
    const c = g.at(t[0], t[1]);
    return { l: c.x - r, r: c.x + r, t: c.y - r - energyFont(g) - 10, b: c.y + r };
  });
  const room = ([cx, cy]: [number, number]) =>
    Math.min(
      12,
      ...boxes.map((o) => Math.hypot(Math.max(0, o.l - (cx + w), cx - o.r), Math.max(0, o.t - (cy + h), cy - o.b))),
    );
  const corners: [number, number][] = [
    [g.ox + 6, g.oy + 6],
    [g.ox + g.fw - w - 6, g.oy + 6],
    [g.ox + 6, g.oy + g.fh - h - 6],
    [g.ox + g.fw - w - 6, g.oy + g.fh - h - 6],
  ];
  const [x, y] = corners.reduce((a, b) => (room(b) > room(a) ? b : a));
  ctx.fillStyle = 'rgba(2, 6, 16, 0.72)';
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, h / 2);
  ctx.fill();
  ctx.fillStyle = '#cbd5e1';
  ctx.fillText(text, x + pad, y + h / 2 + 0.5);
}
