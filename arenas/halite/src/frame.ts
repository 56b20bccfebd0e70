// What the web viewer draws: the grid (owners, strengths, productions as [y][x]) and per-player
// totals. Productions never change but ride along so any single frame can be drawn on its own.
import { grid } from './api.ts';
import type { State } from './state.ts';

export interface FramePlayer {
  id: string;
  name: string;
  alive: boolean;
  territory: number;
  strength: number;
  production: number;
}

export interface Frame {
  turn: number;
  maxTurns: number;
  width: number;
  height: number;
  owners: number[][];
  strengths: number[][];
  productions: number[][];
  players: FramePlayer[];
}

export function frame(s: State): Frame {
  const players = s.players.map((id, p) => ({
    id,
    name: s.names[p]!,
    alive: s.alive[p]!,
    territory: 0,
    strength: 0,
    production: 0,
  }));
  for (let i = 0; i < s.owner.length; i++) {
    const o = s.owner[i]!;
    if (o === 0) continue;
    const fp = players[o - 1]!;
    fp.territory++;
    fp.strength += s.strength[i]!;
    fp.production += s.production[i]!;
  }
  return {
    turn: s.turn,
    maxTurns: s.maxTurns,
    width: s.width,
    height: s.height,
    owners: grid(s, s.owner),
    strengths: grid(s, s.strength),
    productions: grid(s, s.production),
    players,
  };
}
