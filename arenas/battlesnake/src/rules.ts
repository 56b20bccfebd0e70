// The standard ruleset as a pure function of (state, moves, rng). The order of a turn follows
// the official engine (BattlesnakeOfficial/rules standard.go, maps/standard.go):
//   move → health −1 → (hazards: none) → feed → eliminate → spawn food.
// Feeding before elimination is what lets a snake on 1 health survive by eating.
import type { Fault, Outcome, PlayerId, Rng } from '@codearena/protocol';
import { isFault } from '@codearena/protocol';
import { spawnFood } from './food.ts';
import type { Direction, Elimination, Move, Point, Snake, State } from './state.ts';
import { DIRECTIONS, MAX_HEALTH, MAX_SHOUT, inBounds, isAlive, offset } from './state.ts';

export { createGame, initialFood, startSquares } from './setup.ts';
export { spawnFood, freeCells, foodNeeded } from './food.ts';

/** The move a snake makes: its reply, or its last move when it faulted or said nothing. */
export function appliedMove(snake: Snake, reply: Move | Fault | undefined): { dir: Direction; shout: string } {
  // The runner only hands us parseMove results and faults; anything else is treated as a fault too.
  if (reply === undefined || isFault(reply) || !DIRECTIONS.includes(reply.move))
    return { dir: snake.lastMove ?? 'up', shout: '' };
  return { dir: reply.move, shout: (reply.shout ?? '').slice(0, MAX_SHOUT) };
}

/** Mutable working copy of one living snake during a step. */
interface Working {
  snake: Snake;
  body: Point[];
  health: number;
  dir: Direction;
  shout: string;
  eliminated: Elimination | null;
}

const samePoint = (a: Point, b: Point): boolean => a.x === b.x && a.y === b.y;

/** Does `head` sit on any segment of `body` other than its head? */
function hitsBody(head: Point, body: readonly Point[]): boolean {
  for (let i = 1; i < body.length; i++) {
    const p = body[i]!;
    if (p.x === head.x && p.y === head.y) return true;
  }
  return false;
}

function moveSnakes(state: State, moves: ReadonlyMap<PlayerId, Move | Fault>): Working[] {
  const out: Working[] = [];
  for (const snake of state.snakes) {
    if (!isAlive(snake)) continue;
    const { dir, shout } = appliedMove(snake, moves.get(snake.id));
    const head = snake.body[0]!;
    const body = snake.body.slice(0, -1);
    body.unshift(offset(head, dir));
    // Health drops for every snake before feeding; hazards would apply here (none on standard).
    out.push({ snake, body, health: snake.health - 1, dir, shout, eliminated: null });
  }
  return out;
}

/** Heads on food eat it: health back to full and the tail doubles (the snake grows next move). */
function feed(food: readonly Point[], ws: Working[]): readonly Point[] {
  let left: Point[] | null = null;
  for (let i = 0; i < food.length; i++) {
    const f = food[i]!;
    let eaten = false;
    for (const w of ws) {
      if (samePoint(w.body[0]!, f)) {
        w.health = MAX_HEALTH;
        w.body.push(w.body[w.body.length - 1]!);
        eaten = true;
      }
    }
    if (eaten && left === null) left = food.slice(0, i);
    else if (!eaten && left !== null) left.push(f);
  }
  return left ?? food;
}

function eliminate(ws: Working[], width: number, height: number, turn: number): void {
  // Starvation and walls first; these snakes are then no obstacle to anyone.
  for (const w of ws) {
    if (w.health <= 0) w.eliminated = { cause: 'out-of-health', turn };
    else if (!inBounds(w.body[0]!, width, height)) w.eliminated = { cause: 'wall-collision', turn };
  }
  const standing = ws.filter((w) => w.eliminated === null);
  // Longest first, so that a collision is credited to the longest snake involved, as officially.
  const byLength = standing.slice().sort((a, b) => b.body.length - a.body.length);
  // Decide every collision on the post-move board, then apply them together.
  const verdicts: [Working, Elimination][] = [];
  for (const w of standing) {
    const head = w.body[0]!;
    if (hitsBody(head, w.body)) {
      verdicts.push([w, { cause: 'snake-self-collision', turn, by: w.snake.id }]);
      continue;
    }
    const bodyHit = byLength.find((o) => o !== w && hitsBody(head, o.body));
    if (bodyHit) {
      verdicts.push([w, { cause: 'snake-collision', turn, by: bodyHit.snake.id }]);
      continue;
    }
    const headHit = byLength.find((o) => o !== w && samePoint(head, o.body[0]!) && w.body.length <= o.body.length);
    if (headHit) verdicts.push([w, { cause: 'head-collision', turn, by: headHit.snake.id }]);
  }
  for (const [w, e] of verdicts) w.eliminated = e;
}

/** Applies one turn. A finished game is returned unchanged. */
export function step(state: State, moves: ReadonlyMap<PlayerId, Move | Fault>, rng: Rng): State {
  if (outcome(state) !== null) return state;
  const turn = state.turn + 1;
  const ws = moveSnakes(state, moves);
  const food = feed(state.food, ws);
  eliminate(ws, state.width, state.height, turn);

  const updated = new Map<PlayerId, Snake>();
  for (const w of ws) {
    updated.set(w.snake.id, {
      id: w.snake.id,
      body: w.body,
      health: w.health,
      lastMove: w.dir,
      shout: w.shout,
      eliminated: w.eliminated,
    });
  }
  const snakes = state.snakes.map((s) => updated.get(s.id) ?? s);
  const living = snakes.filter(isAlive);
  const nextFood = spawnFood(state.width, state.height, food, living, state.settings, rng);
  return { ...state, turn, food: nextFood, snakes };
}

const snakeOrder = (a: Snake, b: Snake): number => b.body.length - a.body.length || b.health - a.health;

/**
 * Competition ranks ("1224"): survivors first — one survivor wins; at the turn cap survivors are
 * ordered by length, then health — then the dead, later deaths ranking better, same turn tying.
 */
export function outcome(state: State): Outcome | null {
  const living = state.snakes.filter(isAlive);
  const capped = state.turn >= state.settings.maxTurns;
  if (living.length > 1 && !capped) return null;

  const ranks: Record<PlayerId, number> = {};
  const survivors = living.slice().sort(snakeOrder);
  survivors.forEach((s, i) => {
    const prev = survivors[i - 1];
    ranks[s.id] = prev && snakeOrder(prev, s) === 0 ? ranks[prev.id]! : i + 1;
  });
  const dead = state.snakes.filter((s) => !isAlive(s)).sort((a, b) => b.eliminated!.turn - a.eliminated!.turn);
  dead.forEach((s, i) => {
    const prev = dead[i - 1];
    ranks[s.id] = prev && prev.eliminated!.turn === s.eliminated!.turn ? ranks[prev.id]! : survivors.length + i + 1;
  });

  const scores: Record<PlayerId, number> = {};
  for (const s of state.snakes) scores[s.id] = s.eliminated ? s.eliminated.turn : state.turn;

  let reason: string;
  if (living.length === 1) reason = `${living[0]!.id} is the last snake standing after ${state.turn} turns`;
  else if (living.length === 0) reason = `no snake survived (turn ${state.turn})`;
  else reason = `turn cap ${state.settings.maxTurns} reached; survivors ranked by length, then health`;
  return { ranks, scores, reason };
}
