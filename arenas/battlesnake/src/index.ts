// The BattleSnake arena: official standard rules, bots as processes speaking the official API
// bodies over JSON lines. Rules live in rules.ts; this file wires them to the Arena contract.
import type { PlayerId } from '@codearena/protocol';
import { ArenaManifest, defineArena } from '@codearena/protocol';
import manifestJson from '../arena.json' with { type: 'json' };
import { buildRequest } from './api.ts';
import { BattlesnakeArgs, boardOptions } from './args.ts';
import { frame } from './frame.ts';
import { parseMove } from './parse-move.ts';
import { createGame, outcome, step } from './rules.ts';
import { sampleMove } from './sample-move.ts';
import type { Move, State } from './state.ts';
import { isAlive } from './state.ts';
import { validate } from './validate.ts';

export type { ApiRequest, ApiSnake, RequestType } from './api.ts';
export type { BattlesnakeArgs } from './args.ts';
export type { Frame, FrameSnake } from './frame.ts';
export type { Direction, Elimination, EliminationCause, Move, Point, Settings, Snake, State } from './state.ts';
export { buildRequest } from './api.ts';
export { createGame, outcome, step } from './rules.ts';

export const manifest: ArenaManifest = ArenaManifest.parse(manifestJson);

const snakeOf = (state: State, player: PlayerId) => state.snakes.find((s) => s.id === player);

export const battlesnake = defineArena<State, Move, BattlesnakeArgs>({
  manifest,
  args: BattlesnakeArgs,
  validate,
  init: (players, rng, args) => createGame(players, rng, boardOptions(args)),
  observe(state, player) {
    const snake = snakeOf(state, player);
    if (!snake || !isAlive(snake) || outcome(state) !== null) return null;
    return buildRequest(state, player, 'move', manifest.turnDeadlineMs);
  },
  // Every snake gets start and end, dead or alive, as in the official engine.
  notify(state, player, phase) {
    if (!snakeOf(state, player)) return null;
    return buildRequest(state, player, phase, manifest.turnDeadlineMs);
  },
  parseMove: (raw) => parseMove(raw),
  step,
  outcome,
  frame,
  turn: (state) => state.turn,
  sampleMove,
});

export default battlesnake;
