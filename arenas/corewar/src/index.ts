// The CoreWar arena: ICWS'94 Redcode battles on a MARS that runs as pMARS does. Bots are data
// (warrior.red, read and assembled by the host engine); one sim is one battle. There are no
// moves: each step runs a slice of the battle's cycles and the runner records one frame.
//
// State is single-owner: step() advances the battle's typed arrays in place and returns the
// same object. The runner keeps only the newest state (it never steps an old one), and a
// battle is deterministic given the seed, so this is safe and spares copying 100 KB a step.
import type { Fault, PlayerId, Rng } from '@codearena/protocol';
import { ArenaManifest, defineArena, isFault } from '@codearena/protocol';
import manifestJson from '../arena.json' with { type: 'json' };
import type { Warrior } from './assembler.ts';
import { type Frame, takeFrame } from './frame.ts';
import { type LoadedWarrior, assembleCached, describe, loadPlayer, validate } from './load.ts';
import { type Battle, createBattle, cycleOf, runBattle, warmUp } from './mars.ts';
import { placeWarriors } from './placement.ts';
import { type Settings, CorewarArgs, settingsOf } from './settings.ts';

export type { AssembleResult, Diagnostic, Warrior } from './assembler.ts';
export type { Frame, FrameWarrior } from './frame.ts';
export type { LoadedWarrior } from './load.ts';
export type { Battle, Placement } from './mars.ts';
export type { Instruction, Mode, Modifier, Opcode } from './redcode.ts';
export type { CorewarArgs, Settings } from './settings.ts';
export { assemble } from './assembler.ts';
export { MAX_SOURCE_BYTES, WARRIOR_FILE } from './load.ts';
export { createBattle, cycleOf, runBattle, warmUp } from './mars.ts';
export { pmarsSeries, type SeriesResult } from './pmars-series.ts';
export { formatInstruction } from './redcode.ts';
export { DEFAULT_SETTINGS, settingsOf } from './settings.ts';

export const manifest: ArenaManifest = ArenaManifest.parse(manifestJson);

/** Steps per battle at most: each step runs maxCycles / STEPS cycles (one frame each). */
export const STEPS = 40;

export interface State {
  players: readonly PlayerId[];
  settings: Settings;
  /** Null when fewer than two warriors could play (the outcome is then immediate). */
  battle: Battle | null;
  /** Player → its warrior's index in the battle, or -1 when its warrior did not load. */
  slot: number[];
  /** Why a player's warrior is not in the battle (its load fault). */
  failures: (string | null)[];
  /** Instructions per step (all warriors together). */
  budget: number;
  turn: number;
  frame: Frame;
}

function init(
  players: readonly PlayerId[],
  rng: Rng,
  args: CorewarArgs,
  loaded: ReadonlyMap<PlayerId, unknown>,
): State {
  const settings = settingsOf(args);
  const warriors: Warrior[] = [];
  const ids: string[] = [];
  const slot: number[] = [];
  const failures: (string | null)[] = [];
  for (const p of players) {
    const l = loaded.get(p);
    let w: Warrior | null = null;
    let failure: string | null = null;
    if (l === undefined) failure = 'no warrior loaded';
    else if (isFault(l)) failure = (l as Fault).detail;
    else {
      w = (l as LoadedWarrior).warrior;
      // WARRIORS was 2 when it was loaded; a source that uses it is assembled for this battle.
      if (w.usesWarriors && players.length !== 2) {
        const r = assembleCached((l as LoadedWarrior).source, settings, players.length);
        if (r.ok) w = r.warrior;
        else [w, failure] = [null, describe(r.errors)];
      }
    }
    slot.push(w ? warriors.length : -1);
    failures.push(failure);
    if (w) {
      warriors.push(w);
      ids.push(p);
    }
  }
  let battle: Battle | null = null;
  if (warriors.length >= 2) {
    warmUp();
    battle = createBattle(warriors, settings, placeWarriors(warriors.length, settings, rng));
  }
  const budget = Math.ceil(settings.maxCycles / STEPS) * Math.max(1, warriors.length);
  const frame: Frame = battle
    ? takeFrame(battle, ids)
    : { cycle: 0, maxCycles: settings.maxCycles, coreSize: settings.coreSize, warriors: [], core: '' };
  return { players, settings, battle, slot, failures, budget, turn: 0, frame };
}

function step(state: State): State {
  const b = state.battle;
  if (!b || b.over) return state;
  runBattle(b, state.budget);
  state.turn++;
  state.frame = takeFrame(
    b,
    state.players.filter((_, i) => state.slot[i]! >= 0),
  );
  return state;
}

function outcome(state: State): { ranks: Record<string, number>; reason: string } | null {
  const b = state.battle;
  const placed = state.slot.filter((s) => s >= 0).length;
  const ranks: Record<string, number> = {};
  if (!b) {
    // Zero or one warrior assembled: the one wins, or everyone ties.
    state.players.forEach((p, i) => (ranks[p] = placed === 0 || state.slot[i]! >= 0 ? 1 : 2));
    const reason =
      placed === 0
        ? 'no warrior assembled'
        : `${state.players[state.slot.findIndex((s) => s >= 0)]} is the only warrior that assembled`;
    return { ranks, reason };
  }
  if (!b.over) return null;
  // Survivors share rank 1; the dead rank by how many were alive when they died.
  const deathRank = new Map(b.deaths.map((d, k) => [d.warrior, placed - k]));
  state.players.forEach((p, i) => {
    const s = state.slot[i]!;
    ranks[p] = s < 0 ? placed + 1 : (deathRank.get(s) ?? 1);
  });
  const survivors = state.players.filter((p) => ranks[p] === 1);
  const cycle = cycleOf(b);
  const reason =
    b.alive === 1
      ? `${survivors[0]} is the last warrior standing (cycle ${b.deaths.at(-1)?.cycle ?? cycle})`
      : `${b.alive} warriors survive ${state.settings.maxCycles} cycles`;
  return { ranks, reason };
}

// No observe or parseMove: data bots are never asked for a move (defineArena fills them).
export const corewar = defineArena<State, never, CorewarArgs>({
  manifest,
  args: CorewarArgs,
  validate,
  loadPlayer,
  init,
  step,
  outcome,
  frame: (state) => state.frame,
  turn: (state) => state.turn,
});

export default corewar;
