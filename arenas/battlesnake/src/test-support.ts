// Shared by the tests only: hand-built boards and simple in-process players, played through the
// server's turn loop.
import type { PlayerId, Rng } from '@codearena/protocol';
import { localStates } from '@codearena/server/compete/local-play.ts';
import type { ApiRequest } from './api.ts';
import battlesnake from './index.ts';
import type { Direction, Move, Snake, State } from './state.ts';
import { DIRECTIONS, inBounds, offset } from './state.ts';

export interface SnakeSpec {
  id: string;
  /** Head first, as [x, y]. */
  body: [number, number][];
  health?: number;
  lastMove?: Direction;
}

/** A board with no food spawning unless asked, so hand-checked positions stay as written. */
export function board(
  snakes: SnakeSpec[],
  food: [number, number][] = [],
  opts: {
    width?: number;
    height?: number;
    foodSpawnChance?: number;
    minimumFood?: number;
    maxTurns?: number;
    turn?: number;
  } = {},
): State {
  return {
    gameId: 'test',
    turn: opts.turn ?? 0,
    width: opts.width ?? 11,
    height: opts.height ?? 11,
    food: food.map(([x, y]) => ({ x, y })),
    snakes: snakes.map((s): Snake => ({
      id: s.id,
      body: s.body.map(([x, y]) => ({ x, y })),
      health: s.health ?? 100,
      lastMove: s.lastMove ?? null,
      shout: '',
      eliminated: null,
    })),
    settings: {
      foodSpawnChance: opts.foodSpawnChance ?? 0,
      minimumFood: opts.minimumFood ?? 0,
      maxTurns: opts.maxTurns ?? 1000,
    },
  };
}

export const moves = (m: Record<string, Direction>): Map<PlayerId, Move> =>
  new Map(Object.entries(m).map(([id, move]) => [id, { move }]));

export const snake = (state: State, id: string): Snake => {
  const s = state.snakes.find((x) => x.id === id);
  if (!s) throw new Error(`no snake ${id}`);
  return s;
};

export const xy = (s: Snake): [number, number][] => s.body.map((p) => [p.x, p.y]);

/** A move function playing from the official request, as a bot would. */
export type Policy = (req: ApiRequest, rng: Rng) => Direction;

function safeMoves(req: ApiRequest): Direction[] {
  const blocked = new Set<string>();
  for (const s of req.board.snakes) {
    const n = s.body.length;
    const ate = n >= 2 && s.body[n - 1]!.x === s.body[n - 2]!.x && s.body[n - 1]!.y === s.body[n - 2]!.y;
    for (const p of ate ? s.body : s.body.slice(0, -1)) blocked.add(`${p.x},${p.y}`);
  }
  return DIRECTIONS.filter((d) => {
    const p = offset(req.you.head, d);
    return inBounds(p, req.board.width, req.board.height) && !blocked.has(`${p.x},${p.y}`);
  });
}

/** Random among moves that survive the next step against walls and bodies. */
export const randomSafe: Policy = (req, rng) => {
  const safe = safeMoves(req);
  return safe.length > 0 ? safe[rng.int(safe.length)]! : 'up';
};

/** Goes for the nearest food (Manhattan) among safe moves. */
export const greedy: Policy = (req, rng) => {
  const safe = safeMoves(req);
  if (safe.length === 0) return 'up';
  const dist = (d: Direction): number => {
    const p = offset(req.you.head, d);
    return Math.min(99, ...req.board.food.map((f) => Math.abs(f.x - p.x) + Math.abs(f.y - p.y)));
  };
  const best = Math.min(...safe.map(dist));
  const options = safe.filter((d) => dist(d) === best);
  return options[rng.int(options.length)]!;
};

/** Plays a whole game through the server's turn loop with in-process players (each answers
 *  the official request as a bot would); returns every state from the first to the last. */
export function playGame(
  players: PlayerId[],
  policies: Record<PlayerId, Policy>,
  seed: string | number,
  args: object = {},
): Promise<State[]> {
  return localStates(battlesnake, {
    players,
    seed,
    args: battlesnake.parseArgs(args),
    policy: (p) => (req, rng) => ({ move: policies[p]!(req as ApiRequest, rng) }),
  });
}
