// A legal reply chosen at random, written as a bot would write it: each unit attacks an adjacent
// enemy if there is one, else moves in a random direction (or passes now and then). Lets tests
// and the conformance suite play whole games in-process.
import type { Rng } from '@codearena/protocol';
import type { TurnRequest } from './api.ts';
import type { Direction } from './state.ts';
import { DIRECTIONS } from './state.ts';

const STEP: Record<Direction, [number, number]> = { north: [0, -1], east: [1, 0], south: [0, 1], west: [-1, 0] };

export function sampleMove(observation: unknown, rng: Rng): unknown {
  const req = observation as TurnRequest | null;
  if (!req || !Array.isArray(req.units) || !Array.isArray(req.ids)) return { actions: {} };
  const enemyAt = new Set(req.units.filter((u) => u.team !== req.team).map((u) => `${u.x},${u.y}`));
  const actions: Record<string, unknown> = {};
  for (const u of req.units) {
    if (u.team !== req.team) continue;
    const near = DIRECTIONS.filter((d) => enemyAt.has(`${u.x + STEP[d][0]},${u.y + STEP[d][1]}`));
    if (near.length > 0) actions[u.id] = { type: 'attack', direction: near[rng.int(near.length)] };
    else if (rng.int(5) > 0) actions[u.id] = { type: 'move', direction: DIRECTIONS[rng.int(4)] };
    else actions[u.id] = null;
  }
  return { actions };
}
