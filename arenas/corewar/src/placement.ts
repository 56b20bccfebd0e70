// Seeded warrior placement and starting order. Positions follow pMARS's fallback placer
// (`npos`): the first warrior at 0, the others at sorted random offsets spaced at least
// min_distance apart (also from the first, around the end of the core), in shuffled order.
import { type Rng, shuffle } from '@codearena/protocol';
import type { Placement } from './mars.ts';
import type { Settings } from './settings.ts';

export function placeWarriors(n: number, settings: Settings, rng: Rng): Placement {
  // settingsOf guarantees coreSize ≥ 8 × maxLength, so even a shrunk distance keeps warriors apart.
  const distance = Math.min(settings.minDistance, Math.floor(settings.coreSize / n));
  const room = settings.coreSize - distance * n + 1;
  const offsets = Array.from({ length: n - 1 }, () => rng.int(room)).sort((a, b) => a - b);
  const others = shuffle(
    offsets.map((o, i) => o + (i + 1) * distance),
    rng,
  );
  return {
    positions: [0, ...others],
    order: shuffle(
      Array.from({ length: n }, (_, i) => i),
      rng,
    ),
  };
}
