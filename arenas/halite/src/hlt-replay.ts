// Reads a replay file of the original Halite environment (Halite.cpp Halite::output, version
// 11): productions[y][x], frames[t][y][x] = [owner, strength] (frame 0 is the initial map) and
// moves[t][y][x], the direction each site was moved in frame t + 1 (0 where it stayed).
import type { Grid } from './state.ts';

export interface HltReplay {
  width: number;
  height: number;
  players: number;
  names: string[];
  productions: number[][];
  frames: [owner: number, strength: number][][][];
  moves: number[][][];
}

export function parseHlt(text: string): HltReplay {
  const j = JSON.parse(text) as Record<string, unknown>;
  if (j.version !== 11) throw new Error(`replay version ${String(j.version)}, expected 11`);
  return {
    width: j.width as number,
    height: j.height as number,
    players: j.num_players as number,
    names: j.player_names as string[],
    productions: j.productions as number[][],
    frames: j.frames as HltReplay['frames'],
    moves: j.moves as number[][][],
  };
}

/** Frame t of the replay as a grid. */
export function hltGrid(r: HltReplay, t: number): Grid {
  const size = r.width * r.height;
  const g: Grid = {
    width: r.width,
    height: r.height,
    owner: new Uint8Array(size),
    strength: new Uint8Array(size),
    production: new Uint8Array(size),
  };
  for (let y = 0; y < r.height; y++)
    for (let x = 0; x < r.width; x++) {
      const [owner, strength] = r.frames[t]![y]![x]!;
      const i = y * r.width + x;
      g.owner[i] = owner;
      g.strength[i] = strength;
      g.production[i] = r.productions[y]![x]!;
    }
  return g;
}
