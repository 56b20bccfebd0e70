// Fidelity to the original: every fixture is a replay the original C++ environment wrote for a
// game between our reference bots (scripts/halite-fidelity/record.sh). Its initial map and the
// moves it recorded are played through our rules; every frame must match the original's owner
// and strength on every site, the game must end on the same frame, and the ranks must be the
// ones the original printed.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type HltReplay, hltGrid, parseHlt } from './hlt-replay.ts';
import { gameOnGrid, isOver, ranking, step } from './rules.ts';
import type { Move, State } from './state.ts';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.hlt'))
  .map((f) => f.replace(/\.hlt$/, ''))
  .sort();

/** The recorded moves of frame t, per player, as replies. */
function recordedMoves(r: HltReplay, s: State, t: number): Map<string, Move> {
  const moves = new Map<string, Move>(s.players.map((id) => [id, { moves: [] }]));
  for (let y = 0; y < r.height; y++)
    for (let x = 0; x < r.width; x++) {
      const dir = r.moves[t]![y]![x]!;
      const owner = r.frames[t]![y]![x]![0];
      if (dir !== 0 && owner > 0) moves.get(s.players[owner - 1]!)!.moves.push([x, y, dir as 1 | 2 | 3 | 4]);
    }
  return moves;
}

/** The first site where our state and the replay's frame t differ, or null. */
function firstDifference(r: HltReplay, s: State, t: number): string | null {
  for (let y = 0; y < r.height; y++)
    for (let x = 0; x < r.width; x++) {
      const [owner, strength] = r.frames[t]![y]![x]!;
      const i = y * r.width + x;
      if (s.owner[i] !== owner || s.strength[i] !== strength)
        return `frame ${t} site (${x},${y}): ours ${s.owner[i]}/${s.strength[i]}, original ${owner}/${strength}`;
    }
  return null;
}

describe('replays of the original environment', () => {
  it('has fixtures to check', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(4);
  });

  it.each(fixtures)('%s: same frames and ranks', (name) => {
    const r = parseHlt(readFileSync(join(DIR, `${name}.hlt`), 'utf8'));
    const meta = JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as { ranks: number[] };
    const players = Array.from({ length: r.players }, (_, p) => `p${p + 1}`);
    let s = gameOnGrid(players, hltGrid(r, 0));
    s = step(s, new Map(players.map((id) => [id, { ready: true }])));
    expect(firstDifference(r, s, 0)).toBeNull();
    for (let t = 0; t < r.moves.length; t++) {
      expect(isOver(s), `over before frame ${t + 1}`).toBe(false);
      s = step(s, recordedMoves(r, s, t));
      expect(firstDifference(r, s, t + 1)).toBeNull();
    }
    expect(isOver(s)).toBe(true);
    expect(s.turn).toBe(r.frames.length - 1);
    const ours = new Array<number>(r.players);
    ranking(s).forEach((p, k) => (ours[p] = k + 1));
    expect(ours).toEqual(meta.ranks);
  });
});
