// The Halite I arena: the original's rules (HaliteChallenge/Halite, environment/core), bots as
// processes speaking its init / frame / moves exchange as JSON lines. The frame rules are in
// frame-step.ts, the game around them in rules.ts; this file wires them to the Arena contract.
import type { PlayerId } from '@codearena/protocol';
import { ArenaManifest, defineArena } from '@codearena/protocol';
import manifestJson from '../arena.json' with { type: 'json' };
import { frameMessage, initMessage } from './api.ts';
import { HaliteArgs, MAP_SIDES } from './args.ts';
import { frame } from './frame.ts';
import { parseMove } from './parse-move.ts';
import { type HaliteMove, createGame, outcome, step } from './rules.ts';
import { sampleMove } from './sample-move.ts';
import type { State } from './state.ts';
import { validate } from './validate.ts';

export type { ApiMap, FrameMessage, InitMessage, Request } from './api.ts';
export type { HaliteArgs } from './args.ts';
export type { Frame, FramePlayer } from './frame.ts';
export type { Direction, Move, SiteMove, State } from './state.ts';
export { processFrame } from './frame-step.ts';
export { generateMap } from './mapgen.ts';
export { createGame, gameOnGrid, outcome, ranking, step } from './rules.ts';

export const manifest: ArenaManifest = ArenaManifest.parse(manifestJson);

export const halite = defineArena<State, HaliteMove, HaliteArgs>({
  manifest,
  args: HaliteArgs,
  validate,
  init(players, rng, args) {
    // Unset sides: one square side from the original's list, as its environment picks one.
    const side = MAP_SIDES[rng.int(MAP_SIDES.length)]!;
    return createGame(players, rng, { width: args.width ?? side, height: args.height ?? args.width ?? side });
  },
  observe(state, player: PlayerId) {
    const p = state.players.indexOf(player);
    if (p < 0 || !state.alive[p] || outcome(state)) return null;
    return state.phase === 'init' ? initMessage(state, player) : frameMessage(state, player);
  },
  parseMove,
  step: (state, moves) => step(state, moves),
  outcome,
  frame,
  // The init exchange is a step of its own (the original's init phase): it counts as turn 1, so
  // every step advances the runner's turn; the game's own frame count stays state.turn.
  turn: (state) => (state.phase === 'init' ? 0 : state.turn + 1),
  sampleMove,
});

export default halite;
