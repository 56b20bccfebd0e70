// Draws one poker frame: the felt, the board and pot in the middle, every seat around it with
// its cards (face up: viewers see everything), stack, bet and position; the player to act
// glows; the hand that just ended is summed up in a banner.
import type { Frame, FramePlayer } from '../src/frame.ts';
import type { HandResult } from '../src/state.ts';

export interface TableView {
  width: number;
  height: number;
  colors: Record<string, string>;
}

export const TABLE_ASPECT = 16 / 10;
const SUIT = { s: '♠', h: '♥', d: '♦', c: '♣' } as const;
const SUIT_COLOR = { s: '#1b2233', h: '#d6304a', d: '#2a6fdb', c: '#1f8a4c' } as const;

export function drawTable(ctx: CanvasRenderingContext2D, f: Frame, view: TableView): void {
  const { width: W, height: H } = view;
  const u = Math.min(W / 16, H / 10); // layout unit
  ctx.clearRect(0, 0, W, H);
  const cx = W / 2;
  const cy = H / 2;
  const rx = W * 0.36;
  const ry = H * 0.3;

  // Felt with a rail.
  ellipse(ctx, cx, cy, rx + u * 0.35, ry + u * 0.35);
  ctx.fillStyle = '#3b2a1e';
  ctx.fill();
  ellipse(ctx, cx, cy, rx, ry);
  const felt = ctx.createRadialGradient(cx, cy - ry * 0.2, u, cx, cy, rx);
  felt.addColorStop(0, '#1f7a4d');
  felt.addColorStop(1, '#11502f');
  ctx.fillStyle = felt;
  ctx.fill();

  // Header: hand and street.
  text(
    ctx,
    `Hand ${f.hand}/${f.hands}${f.street ? ` · ${f.street}` : ' · over'}`,
    u * 0.3,
    u * 0.4,
    u * 0.38,
    'rgba(255,255,255,0.75)',
    'left',
  );

  // Board.
  const cw = u * 0.9;
  const ch = cw * 1.4;
  const bx = cx - (5 * cw + 4 * u * 0.15) / 2;
  for (let i = 0; i < 5; i++) {
    const x = bx + i * (cw + u * 0.15);
    const card = f.board[i];
    if (card) drawCard(ctx, card, x, cy - ch / 2, cw, ch);
    else slot(ctx, x, cy - ch / 2, cw, ch);
  }
  const pots = f.pots.length > 1 ? `  (${f.pots.map((p) => p.amount).join(' + ')} settled)` : '';
  text(ctx, `Pot ${f.pot}${pots}`, cx, cy + ch / 2 + u * 0.45, u * 0.4, '#f5e7b8', 'center');

  // Seats around the table, seat 0 at the bottom, clockwise.
  const n = f.players.length;
  f.players.forEach((p, i) => {
    const a = Math.PI / 2 + (2 * Math.PI * i) / n;
    // Around the rail, but never past the canvas edge (seat boxes are 3.1 × 1.55 units).
    const sx = cx + Math.cos(a) * Math.min(rx + u * 0.9, W / 2 - u * 1.65);
    const sy = cy + Math.sin(a) * Math.min(ry + u * 0.9, H / 2 - u * 0.9);
    const bxp = cx + Math.cos(a) * rx * 0.72;
    const byp = cy + Math.sin(a) * ry * 0.62;
    drawSeat(ctx, p, sx, sy, u, view, f.to_act === p.id, f.last_action?.player === p.id ? f.last_action : null);
    if (p.bet > 0) chips(ctx, p.bet, bxp, byp, u);
  });

  const done = f.finished.at(-1);
  if (done) banner(ctx, done, cx, cy - ch / 2 - u * 0.5, u, rx * 1.9);
}

function drawSeat(
  ctx: CanvasRenderingContext2D,
  p: FramePlayer,
  x: number,
  y: number,
  u: number,
  view: TableView,
  toAct: boolean,
  last: Frame['last_action'],
): void {
  const color = view.colors[p.id] ?? '#9aa4b2';
  const w = u * 3.1;
  const h = u * 1.55;
  ctx.save();
  ctx.globalAlpha = p.folded ? 0.45 : 1;
  if (toAct) {
    ctx.shadowColor = color;
    ctx.shadowBlur = u * 0.6;
  }
  roundRect(ctx, x - w / 2, y - h / 2, w, h, u * 0.25);
  ctx.fillStyle = '#0f1626';
  ctx.fill();
  ctx.shadowBlur = 0;
  ctx.lineWidth = toAct ? u * 0.09 : u * 0.04;
  ctx.strokeStyle = color;
  ctx.stroke();
  // Cards on the left, name and numbers on the right.
  const cw = u * 0.62;
  const ch = cw * 1.4;
  p.hole_cards.forEach((c, i) => drawCard(ctx, c, x - w / 2 + u * 0.15 + i * (cw + u * 0.06), y - ch / 2, cw, ch));
  const tx = x - w / 2 + u * 1.6;
  const room = x + w / 2 - tx - u * 0.12;
  text(
    ctx,
    p.id.length > 14 ? `${p.id.slice(0, 13)}…` : p.id,
    tx,
    y - h * 0.22,
    u * 0.32,
    '#e8edf7',
    'left',
    'bold',
    room,
  );
  text(
    ctx,
    `${p.stack}${p.all_in ? ' all-in' : ''}`,
    tx,
    y + h * 0.05,
    u * 0.3,
    p.all_in ? '#ffb547' : '#c9d2e3',
    'left',
    '',
    room,
  );
  const net = p.net > 0 ? `+${p.net}` : String(p.net);
  text(
    ctx,
    `net ${net}`,
    tx,
    y + h * 0.3,
    u * 0.26,
    p.net > 0 ? '#5fd38d' : p.net < 0 ? '#ff7a8a' : '#8a94a8',
    'left',
    '',
    room,
  );
  if (p.position) {
    const tag = p.position;
    const tw = u * 0.25 * tag.length + u * 0.2;
    roundRect(ctx, x + w / 2 - tw - u * 0.1, y - h / 2 - u * 0.22, tw, u * 0.42, u * 0.2);
    ctx.fillStyle = tag === 'BTN' ? '#f5f5f5' : '#2b3652';
    ctx.fill();
    text(
      ctx,
      tag,
      x + w / 2 - tw / 2 - u * 0.1,
      y - h / 2,
      u * 0.26,
      tag === 'BTN' ? '#111' : '#dfe6f3',
      'center',
      'bold',
    );
  }
  if (last && !last.action.endsWith('blind')) {
    const label =
      last.action === 'raise' ? `raise ${last.to}` : last.action === 'call' ? `call ${last.added}` : last.action;
    // Toward the felt: below the seats in the top half, above those in the bottom half.
    const ly = y > view.height / 2 ? y - h / 2 - u * 0.38 : y + h / 2 + u * 0.3;
    text(
      ctx,
      last.fault ? `${label} (fault)` : label,
      x - u * 0.3,
      ly,
      u * 0.3,
      last.fault ? '#ff7a8a' : '#ffd66b',
      'center',
      'bold',
    );
  }
  ctx.restore();
}

function banner(ctx: CanvasRenderingContext2D, r: HandResult, x: number, y: number, u: number, W: number): void {
  const winners = new Map<string, number>();
  for (const pot of r.pots) {
    const share = pot.amount / pot.winners.length;
    for (const w of pot.winners) winners.set(w, (winners.get(w) ?? 0) + share);
  }
  const hands = new Map(r.showdown.map((s) => [s.player, s]));
  const parts = [...winners].map(([w, amt]) => {
    const s = hands.get(w);
    return `${w} wins ${Math.round(amt)}${s ? ` with ${s.hand} (${s.hole_cards.join(' ')})` : ''}`;
  });
  const msg = `Hand ${r.hand}: ${parts.join(', ')}${r.reason === 'fold' ? ' — the others folded' : ''}`;
  ctx.save();
  ctx.font = `${u * 0.3}px system-ui, sans-serif`;
  const w = Math.min(W - u * 0.4, ctx.measureText(msg).width + u * 0.8);
  roundRect(ctx, x - w / 2, y - u * 0.3, w, u * 0.6, u * 0.3);
  ctx.fillStyle = 'rgba(8, 12, 22, 0.85)';
  ctx.fill();
  ctx.restore();
  text(ctx, msg, x, y, u * 0.3, '#f5e7b8', 'center', '', w - u * 0.4);
}

function drawCard(ctx: CanvasRenderingContext2D, card: string, x: number, y: number, w: number, h: number): void {
  const rank = card[0] === 'T' ? '10' : card[0]!;
  const suit = card[1] as keyof typeof SUIT;
  roundRect(ctx, x, y, w, h, w * 0.14);
  ctx.fillStyle = '#fbfbf8';
  ctx.fill();
  ctx.lineWidth = Math.max(1, w * 0.03);
  ctx.strokeStyle = 'rgba(0,0,0,0.35)';
  ctx.stroke();
  text(ctx, rank, x + w / 2, y + h * 0.32, w * 0.5, SUIT_COLOR[suit], 'center', 'bold');
  text(ctx, SUIT[suit], x + w / 2, y + h * 0.7, w * 0.55, SUIT_COLOR[suit], 'center');
}

function slot(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number): void {
  roundRect(ctx, x, y, w, h, w * 0.14);
  ctx.strokeStyle = 'rgba(255,255,255,0.18)';
  ctx.lineWidth = Math.max(1, w * 0.03);
  ctx.stroke();
}

function chips(ctx: CanvasRenderingContext2D, amount: number, x: number, y: number, u: number): void {
  ctx.beginPath();
  ctx.arc(x - u * 0.35, y, u * 0.2, 0, Math.PI * 2);
  ctx.fillStyle = '#e8c547';
  ctx.fill();
  ctx.lineWidth = u * 0.05;
  ctx.strokeStyle = '#8a6d12';
  ctx.stroke();
  text(ctx, String(amount), x - u * 0.05, y, u * 0.3, '#fff7d6', 'left', 'bold');
}

function ellipse(ctx: CanvasRenderingContext2D, x: number, y: number, rx: number, ry: number): void {
  ctx.beginPath();
  ctx.ellipse(x, y, rx, ry, 0, 0, Math.PI * 2);
}

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
}

function text(
  ctx: CanvasRenderingContext2D,
  s: string,
  x: number,
  y: number,
  size: number,
  color: string,
  align: CanvasTextAlign,
  weight = '',
  maxWidth?: number,
): void {
  ctx.font = `${weight} ${size}px system-ui, sans-serif`.trim();
  ctx.fillStyle = color;
  ctx.textAlign = align;
  ctx.textBaseline = 'middle';
  if (maxWidth) ctx.fillText(s, x, y, maxWidth);
  else ctx.fillText(s, x, y);
}
