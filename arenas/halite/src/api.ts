// The messages a bot receives, as JSON lines: the original's init and frame exchange
// (environment/networking/Networking.cpp: player tag, map size, productions and map at init; the
// map every frame) with the map as [y][x] grids instead of the original's run-length text.
import type { PlayerId } from '@codearena/protocol';
import type { State } from './state.ts';

export interface ApiMap {
  /** owners[y][x]: 0 neutral, else a player's tag. */
  owners: number[][];
  strengths: number[][];
}

export interface InitMessage {
  type: 'init';
  /** Your tag: the owner number of your sites. */
  you: number;
  width: number;
  height: number;
  production: number[][];
  map: ApiMap;
}

export interface FrameMessage {
  type: 'frame';
  turn: number;
  you: number;
  map: ApiMap;
}

export type Request = InitMessage | FrameMessage;

export function grid(s: { width: number; height: number }, values: Uint8Array): number[][] {
  const rows: number[][] = [];
  for (let y = 0; y < s.height; y++) rows.push(Array.from(values.subarray(y * s.width, (y + 1) * s.width)));
  return rows;
}

export const apiMap = (s: State): ApiMap => ({ owners: grid(s, s.owner), strengths: grid(s, s.strength) });

/** The player's tag (1-based seat), or 0 when it is not in the game. */
export const tagOf = (s: State, player: PlayerId): number => s.players.indexOf(player) + 1;

export function initMessage(s: State, player: PlayerId): InitMessage {
  return {
    type: 'init',
    you: tagOf(s, player),
    width: s.width,
    height: s.height,
    production: grid(s, s.production),
    map: apiMap(s),
  };
}

/** `turn` is the number of the frame the reply plays (1 for the first). */
export function frameMessage(s: State, player: PlayerId): FrameMessage {
  return { type: 'frame', turn: s.turn + 1, you: tagOf(s, player), map: apiMap(s) };
}
