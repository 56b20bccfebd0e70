// Builders for hand-made positions in tests.
import { createRng } from '@codearena/protocol';
import { RobotRumbleArgs, settingsOf } from './args.ts';
import { FIRST_UNIT_ID, step } from './rules.ts';
import type { Action, ActionType, Direction, Move, State, Team, Unit } from './state.ts';
import { UNIT_HEALTH } from './state.ts';

export type UnitSpec = [id: number, x: number, y: number, team?: Team, health?: number];

export const unit = ([id, x, y, team = 'red', health = UNIT_HEALTH]: UnitSpec): Unit => ({ id, x, y, team, health });

/** A position at the start of turn `turn + 1` with only these units. */
export function position(specs: UnitSpec[], o: { turn?: number; args?: Partial<RobotRumbleArgs> } = {}): State {
  const units = specs.map(unit).sort((a, b) => a.id - b.id);
  return {
    turn: o.turn ?? 0,
    players: { red: 'R', blue: 'B' },
    units,
    nextId: Math.max(FIRST_UNIT_ID, ...units.map((u) => u.id + 1)),
    settings: settingsOf(RobotRumbleArgs.parse(o.args ?? {})),
    lastActions: [],
    lastFaults: [],
  };
}

export const act = (id: number, type: ActionType, direction: Direction): { id: number; action: Action } => ({
  id,
  action: { type, direction },
});

/** Plays one turn: `red` and `blue` are each team's actions. */
export function play(state: State, red: ReturnType<typeof act>[], blue: ReturnType<typeof act>[] = []): State {
  const move = (a: ReturnType<typeof act>[]): Move => ({ actions: [...a].sort((x, y) => x.id - y.id), ignored: 0 });
  return step(
    state,
    new Map([
      ['R', move(red)],
      ['B', move(blue)],
    ]),
    createRng('test-step'),
  );
}

/** Units as [id, x, y, health] for compact assertions. */
export const where = (s: State): [number, number, number, number][] => s.units.map((u) => [u.id, u.x, u.y, u.health]);
