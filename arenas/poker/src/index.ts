// The poker arena: no-limit Texas Hold'em for 2–6 bots speaking JSON lines. The rules live in
// rules.ts (one hand) and game.ts (a sim of many hands); this file wires them to the Arena contract.
import { ArenaManifest, defineArena } from '@codearena/protocol';
import manifestJson from '../arena.json' with { type: 'json' };
import { actRequest, endNotice, handEndNotices, startNotice } from './api.ts';
import { PokerArgs } from './args.ts';
import { frame } from './frame.ts';
import { createGame, outcome, settingsFrom, step } from './game.ts';
import { parseMove } from './parse-move.ts';
import { sampleMove } from './sample.ts';
import type { Move, State } from './state.ts';
import { validate } from './validate.ts';

export type { ActRequest, EndNotice, HandEndNotice, LegalAction, StartNotice, TablePlayer } from './api.ts';
export type { PokerArgs } from './args.ts';
export type { Frame, FramePlayer } from './frame.ts';
export type { ActionKind, Deal, Hand, HandResult, HistoryEntry, Move, Settings, State, Street } from './state.ts';
export { createGame, outcome, settingsFrom, step } from './game.ts';
export { actRequest } from './api.ts';

export const manifest: ArenaManifest = ArenaManifest.parse(manifestJson);

export const poker = defineArena<State, Move, PokerArgs>({
  manifest,
  args: PokerArgs,
  validate,
  init: (players, rng, args) => createGame(players, rng, settingsFrom(args, manifest.maxTurns)),
  observe: actRequest,
  notify: (state, player, phase) => (phase === 'start' ? startNotice(state, player) : endNotice(state, player)),
  notices: handEndNotices,
  parseMove,
  step: (state, moves) => step(state, moves),
  outcome,
  frame,
  turn: (state) => state.actions,
  sampleMove,
});

export default poker;
