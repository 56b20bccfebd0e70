// One turn's actions, resolved as the original's run_turn and update_grid_with_movement
// (robot-rumble/logic logic/src/lib.rs). Order: every move, then every attack; heals do not
// exist in the normal game mode.
import { GRID_SIZE, WALL_KEYS, cellKey, offset, opposite } from './geometry.ts';
import { ATTACK_POWER, type Action, type Direction, type Unit } from './state.ts';

/** Contested cells go to the mover with the smallest rank: North, East, South, West (run_turn,
 *  `min_by_key`; the docs: "priority is given in a clockwise order starting from the North").
 *  The rank is the direction of travel: a unit moving north comes from the cell south of it. */
const PRIORITY: Record<Direction, number> = { north: 1, east: 2, south: 3, west: 4 };

interface Mover {
  id: number;
  direction: Direction;
}

/**
 * `actions` in ascending unit id order (the original walks a BTreeMap by id); each names a
 * living unit. Returns the surviving units in ascending id order.
 */
export function resolveTurn(units: readonly Unit[], actions: readonly { id: number; action: Action }[]): Unit[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  // MultiMaps keyed by target cell, values in insertion (= id) order: the swap test below reads
  // only the first entry of a cell, as MultiMap::get does.
  const movesTo = new Map<number, Mover[]>();
  const attacksOn = new Map<number, number>();
  for (const { id, action } of actions) {
    const u = byId.get(id);
    if (!u) continue;
    const t = offset(u, action.direction);
    const k = cellKey(t.x, t.y);
    if (action.type === 'move') {
      const list = movesTo.get(k);
      if (list) list.push({ id, direction: action.direction });
      else movesTo.set(k, [{ id, direction: action.direction }]);
    } else attacksOn.set(k, (attacksOn.get(k) ?? 0) + 1);
  }

  // One mover per target cell, by direction priority.
  const chosen = new Map<number, Mover>();
  for (const [k, list] of movesTo) {
    let best = list[0]!;
    for (const m of list) if (PRIORITY[m.direction] < PRIORITY[best.direction]) best = m;
    chosen.set(k, best);
  }
  // Swaps: a chosen move is dropped when the first mover into its origin cell travels the
  // opposite way (the two would pass through each other).
  const movement = new Map<number, number>(); // target cell -> unit id
  for (const [k, m] of chosen) {
    const u = byId.get(m.id)!;
    const first = movesTo.get(cellKey(u.x, u.y))?.[0];
    if (first && first.direction === opposite(m.direction)) continue;
    movement.set(k, m.id);
  }

  // The occupancy grid without the chosen movers; moves into an occupied cell (wall, a unit that
  // stays, a unit bounced back) are undone, round after round, until every remaining move is free.
  const grid = new Map<number, number>(); // cell -> unit id, walls as 0
  for (const k of WALL_KEYS) grid.set(k, 0);
  const moving = new Set(movement.values());
  for (const u of units) if (!moving.has(u.id)) grid.set(cellKey(u.x, u.y), u.id);
  let legal = movement;
  for (;;) {
    const next = new Map<number, number>();
    const illegal: number[] = [];
    for (const [k, id] of legal) {
      if (grid.has(k)) illegal.push(id);
      else next.set(k, id);
    }
    legal = next;
    if (illegal.length === 0) break;
    for (const id of illegal) {
      const u = byId.get(id)!;
      grid.set(cellKey(u.x, u.y), id);
    }
  }
  const position = new Map<number, number>(); // unit id -> cell after moving
  for (const [k, id] of legal) position.set(id, k);

  // Attacks land on whatever unit stands on the target cell after the moves, friend or foe; all
  // attacks on a cell add up and a unit at 0 health is removed.
  const damage = new Map<number, number>(); // unit id -> damage
  const idAt = new Map<number, number>();
  for (const u of units) idAt.set(position.get(u.id) ?? cellKey(u.x, u.y), u.id);
  for (const [k, n] of attacksOn) {
    const id = idAt.get(k);
    if (id !== undefined) damage.set(id, n * ATTACK_POWER);
  }
  const out: Unit[] = [];
  for (const u of units) {
    const health = Math.max(0, u.health - (damage.get(u.id) ?? 0));
    if (health === 0) continue;
    const k = position.get(u.id);
    out.push(k === undefined ? { ...u, health } : { ...u, health, x: k % GRID_SIZE, y: Math.floor(k / GRID_SIZE) });
  }
  return out;
}
