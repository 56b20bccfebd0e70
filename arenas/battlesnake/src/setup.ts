// The opening board, following the official PlaceSnakesFixed and PlaceFoodFixed
// (BattlesnakeOfficial/rules board.go). The official engine uses these only on its known
// square sizes; we use the same construction on every size so that any configured board
// opens the same way (corners stay one square in from the walls).
import type { PlayerId, Rng } from '@codearena/protocol';
import { shuffle } from '@codearena/protocol';
import type { Point, Settings, Snake, State } from './state.ts';
import { MAX_HEALTH, START_LENGTH } from './state.ts';

export const MIN_SNAKES = 2;
export const MAX_SNAKES = 4;

/** Corner and mid-edge start squares for a board, as the official engine lays them out. */
export function startSquares(width: number, height: number): { corners: Point[]; midEdges: Point[] } {
  const [x0, xm, x1] = [1, Math.floor((width - 1) / 2), width - 2];
  const [y0, ym, y1] = [1, Math.floor((height - 1) / 2), height - 2];
  return {
    corners: [
      { x: x0, y: y0 },
      { x: x0, y: y1 },
      { x: x1, y: y0 },
      { x: x1, y: y1 },
    ],
    midEdges: [
      { x: x0, y: ym },
      { x: xm, y: y0 },
      { x: xm, y: y1 },
      { x: x1, y: ym },
    ],
  };
}

export function centre(width: number, height: number): Point {
  return { x: Math.floor((width - 1) / 2), y: Math.floor((height - 1) / 2) };
}

/** One food diagonal to each head, away from the centre and never in a corner; then the centre. */
export function initialFood(width: number, height: number, heads: readonly Point[], rng: Rng): Point[] {
  const c = centre(width, height);
  const food: Point[] = [];
  const taken = (p: Point): boolean =>
    food.some((f) => f.x === p.x && f.y === p.y) || heads.some((h) => h.x === p.x && h.y === p.y);
  for (const h of heads) {
    const options = [
      { x: h.x - 1, y: h.y - 1 },
      { x: h.x - 1, y: h.y + 1 },
      { x: h.x + 1, y: h.y - 1 },
      { x: h.x + 1, y: h.y + 1 },
    ].filter((p) => {
      if (p.x === c.x && p.y === c.y) return false;
      if (taken(p)) return false;
      // "Further from the centre than the head on at least one axis."
      const away =
        (p.x < h.x && h.x < c.x) || (c.x < h.x && h.x < p.x) || (p.y < h.y && h.y < c.y) || (c.y < h.y && h.y < p.y);
      if (!away) return false;
      const corner = (p.x === 0 || p.x === width - 1) && (p.y === 0 || p.y === height - 1);
      return !corner;
    });
    // The official engine refuses to start without room; on our tiny boards we skip that piece.
    if (options.length > 0) food.push(options[rng.int(options.length)]!);
  }
  if (!taken(c)) food.push(c);
  return food;
}

function gameId(rng: Rng): string {
  let hex = '';
  for (let i = 0; i < 8; i++) hex += rng.int(0x10000).toString(16).padStart(4, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface BoardOptions {
  width: number;
  height: number;
  settings: Settings;
}

export function createGame(players: readonly PlayerId[], rng: Rng, opts: BoardOptions): State {
  if (players.length < MIN_SNAKES || players.length > MAX_SNAKES) {
    throw new RangeError(`battlesnake needs ${MIN_SNAKES}–${MAX_SNAKES} snakes, got ${players.length}`);
  }
  if (new Set(players).size !== players.length) throw new RangeError('battlesnake player ids must be unique');
  const id = gameId(rng);
  const { corners, midEdges } = startSquares(opts.width, opts.height);
  const squares = rng.int(2) === 0 ? shuffle(corners, rng) : shuffle(midEdges, rng);
  const snakes: Snake[] = players.map((pid, i) => {
    const start = squares[i]!;
    return {
      id: pid,
      body: Array.from({ length: START_LENGTH }, () => start),
      health: MAX_HEALTH,
      lastMove: null,
      shout: '',
      eliminated: null,
    };
  });
  const food = initialFood(
    opts.width,
    opts.height,
    snakes.map((s) => s.body[0]!),
    rng,
  );
  return { gameId: id, turn: 0, width: opts.width, height: opts.height, food, snakes, settings: opts.settings };
}
