// The game loop of the original's `run` (robot-rumble/logic logic/src/lib.rs): turns 1..100; at
// the start of turn 1 the first units spawn, and at the start of every turn t with
// (t - 1) % spawn_every == 0 the spawn points are cleared and new units spawn; then both teams'
// actions are resolved (resolve.ts). After the last turn the team with more units wins; equal
// counts are a draw (determine_winner_from_units_count).
import type { Fault, Outcome, PlayerId, Rng } from '@codearena/protocol';
import { isFault } from '@codearena/protocol';
import { WALLS } from './geometry.ts';
import { resolveTurn } from './resolve.ts';
import { clearSpawn, spawnUnits } from './spawn.ts';
import type { Action, Move, Settings, State, TakenAction, Team } from './state.ts';
import { TEAMS } from './state.ts';

/** Walls take ids 1..WALLS.length; units are numbered after them (State::new, new_id). */
export const FIRST_UNIT_ID = WALLS.length + 1;

export function createGame(players: readonly PlayerId[], rng: Rng, settings: Settings): State {
  if (players.length !== 2) throw new RangeError(`robotrumble needs exactly 2 players, got ${players.length}`);
  if (players[0] === players[1]) throw new RangeError('robotrumble player ids must be unique');
  const spawned = spawnUnits([], FIRST_UNIT_ID, settings.initialUnits, rng);
  return {
    turn: 0,
    players: { red: players[0]!, blue: players[1]! },
    units: spawned.units,
    nextId: spawned.nextId,
    settings,
    lastActions: [],
    lastFaults: [],
  };
}

/** Whether the original spawns at the start of turn `t` (t ≥ 2; turn 1 always spawns). */
export const spawnsAt = (t: number, s: Settings): boolean =>
  t >= 2 && s.spawnEvery !== 0 && (t - 1) % s.spawnEvery === 0;

export const teamOf = (state: State, player: PlayerId): Team | null =>
  state.players.red === player ? 'red' : state.players.blue === player ? 'blue' : null;

/** Plays turn `state.turn + 1` with both teams' replies, then readies the next turn's spawn. */
export function step(state: State, moves: ReadonlyMap<PlayerId, Move | Fault>, rng: Rng): State {
  if (outcome(state)) return state;
  const all: { id: number; action: Action }[] = [];
  const lastFaults: Team[] = [];
  const teamById = new Map(state.units.map((u) => [u.id, u.team]));
  for (const team of TEAMS) {
    const move = moves.get(state.players[team]);
    // A fault (late, crashed, garbled) leaves the team's units idle this turn.
    if (move === undefined) continue;
    if (isFault(move)) {
      lastFaults.push(team);
      continue;
    }
    for (const a of move.actions) if (teamById.get(a.id) === team) all.push(a);
  }
  all.sort((a, b) => a.id - b.id);
  const before = new Map(state.units.map((u) => [u.id, u]));
  const lastActions: TakenAction[] = all.map(({ id, action }) => {
    const u = before.get(id)!;
    return { id, team: u.team, x: u.x, y: u.y, type: action.type, direction: action.direction };
  });
  let units = resolveTurn(state.units, all);
  let nextId = state.nextId;
  const turn = state.turn + 1;
  if (turn < state.settings.maxTurns && spawnsAt(turn + 1, state.settings)) {
    const spawned = spawnUnits(clearSpawn(units), nextId, state.settings.recurrentUnits, rng);
    units = spawned.units;
    nextId = spawned.nextId;
  }
  return { ...state, turn, units, nextId, lastActions, lastFaults };
}

export const unitCounts = (state: State): Record<Team, number> => {
  const n = { red: 0, blue: 0 };
  for (const u of state.units) n[u.team]++;
  return n;
};

/** null until the last turn is played; then more units wins, equal counts draw. */
export function outcome(state: State): Outcome | null {
  if (state.turn < state.settings.maxTurns) return null;
  const n = unitCounts(state);
  const { red, blue } = state.players;
  const ranks =
    n.red === n.blue ? { [red]: 1, [blue]: 1 } : n.red > n.blue ? { [red]: 1, [blue]: 2 } : { [red]: 2, [blue]: 1 };
  return {
    ranks,
    scores: { [red]: n.red, [blue]: n.blue },
    // Players by name (the viewer colours them by player, not by the original's team colours).
    reason: n.red === n.blue ? `draw: ${n.red} units each` : `units left: ${red} ${n.red}, ${blue} ${n.blue}`,
  };
}
