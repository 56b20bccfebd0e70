// A legal reply chosen with the Rng, written as a bot would write it: lets tests, the conformance
// suite and the bench play whole games in-process. Each site with some strength moves toward a
// random non-own neighbour when it can take it, else stays.
import type { Rng } from '@codearena/protocol';
import type { Request } from './api.ts';

const STEPS = [
  [0, -1],
  [1, 0],
  [0, 1],
  [-1, 0],
] as const;

export function sampleMove(observation: unknown, rng: Rng): unknown {
  const req = observation as Request | null;
  if (req?.type === 'init') return { ready: true, name: 'sample' };
  const owners = req?.map?.owners;
  const strengths = req?.map?.strengths;
  if (!owners || !strengths) return { moves: [] };
  const h = owners.length;
  const w = owners[0]?.length ?? 0;
  const moves: [number, number, number][] = [];
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      if (owners[y]![x] !== req.you) continue;
      const s = strengths[y]![x]!;
      const d = rng.int(4);
      const [dx, dy] = STEPS[d]!;
      const tx = (x + dx + w) % w;
      const ty = (y + dy + h) % h;
      const target = owners[ty]![tx] === req.you ? 255 : strengths[ty]![tx]!;
      if (s > 0 && (s > target || (owners[ty]![tx] === req.you && s > 30))) moves.push([x, y, d + 1]);
    }
  return { moves };
}
