// A random reply that does not die on the next step against walls and bodies, written as a bot
// would write it: lets tests and the conformance suite play whole games in-process.
import type { Rng } from '@codearena/protocol';
import type { ApiRequest } from './api.ts';
import { DIRECTIONS, inBounds, offset } from './state.ts';

export function sampleMove(observation: unknown, rng: Rng): unknown {
  const req = observation as ApiRequest | null;
  if (!req?.board?.snakes || !req.you?.head) return { move: DIRECTIONS[rng.int(4)] };
  const blocked = new Set<string>();
  for (const s of req.board.snakes) {
    const n = s.body.length;
    // A tail moves away next turn unless its snake just ate (last two segments stacked).
    const ate = n >= 2 && s.body[n - 1]!.x === s.body[n - 2]!.x && s.body[n - 1]!.y === s.body[n - 2]!.y;
    for (const p of ate ? s.body : s.body.slice(0, -1)) blocked.add(`${p.x},${p.y}`);
  }
  const safe = DIRECTIONS.filter((d) => {
    const p = offset(req.you.head, d);
    return inBounds(p, req.board.width, req.board.height) && !blocked.has(`${p.x},${p.y}`);
  });
  const options = safe.length > 0 ? safe : DIRECTIONS;
  return { move: options[rng.int(options.length)] };
}
