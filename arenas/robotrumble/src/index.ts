// The RobotRumble arena: the original game (robot-rumble/logic) as pure rules, one JSON-lines
// request per team per turn. Rules live in rules.ts and resolve.ts; this file wires them to the
// Arena contract.
import { ArenaManifest, defineArena } from '@codearena/protocol';
import manifestJson from '../arena.json' with { type: 'json' };
import { buildRequest } from './api.ts';
import { RobotRumbleArgs, settingsOf } from './args.ts';
import { frame } from './frame.ts';
import { parseMove } from './parse-move.ts';
import { createGame, outcome, step, teamOf } from './rules.ts';
import { sampleMove } from './sample-move.ts';
import type { Move, State } from './state.ts';
import { validate } from './validate.ts';

export type { ApiMap, ApiUnit, TurnRequest } from './api.ts';
export type { RobotRumbleArgs } from './args.ts';
export type { Frame, FrameUnit } from './frame.ts';
export type { Action, Direction, Move, Settings, State, TakenAction, Team, Unit } from './state.ts';
export { buildRequest } from './api.ts';
export { createGame, outcome, step } from './rules.ts';

export const manifest: ArenaManifest = ArenaManifest.parse(manifestJson);

export const robotrumble = defineArena<State, Move, RobotRumbleArgs>({
  manifest,
  args: RobotRumbleArgs,
  validate,
  init: (players, rng, args) => createGame(players, rng, settingsOf(args)),
  // Both teams are asked every turn, even with no units: the original runs both programs every
  // turn (get_turn_data), and a team may wait for the next spawn.
  observe: (state, player) => (outcome(state) !== null || !teamOf(state, player) ? null : buildRequest(state, player)),
  parseMove: (raw, state, player) => parseMove(raw, state, player),
  step,
  outcome,
  frame,
  turn: (state) => state.turn,
  sampleMove,
});

export default robotrumble;
