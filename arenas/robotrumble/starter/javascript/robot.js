// Your robot, RobotRumble style: robot(state, unit) returns Action.move(d), Action.attack(d) or
// null for one of your units; it is called for every unit of your team, every turn. The standard
// library's names (Direction, Coords, Action, State, Team, SPAWN_COORDS, ...) are predefined, as
// on robotrumble.org, and PARAMS holds the values of params.json. Globals persist between turns.
// To play this file instead of python/robot.py, switch the exec line in ../run.
//
// (The comment lines below only tell linters about those predefined names.)
/* global Action, Coords, Direction, MAP_SIZE, PARAMS */
/* eslint-disable @typescript-eslint/no-unused-vars */
//
// Strategy: attack the weakest adjacent enemy, otherwise walk toward the nearest enemy, leaving
// the spawn area just before units there are removed.

const claimed = new Set();

function initTurn(state) {
  claimed.clear();
}

function robot(state, unit) {
  const here = unit.coords;
  const enemies = state.objsByTeam(state.otherTeam);
  const adjacent = enemies.filter((e) => e.coords.walkingDistanceTo(here) === 1);
  if (adjacent.length > 0) {
    adjacent.sort((a, b) => a.health - b.health);
    return Action.attack(here.directionTo(adjacent[0].coords));
  }
  const centre = new Coords(Math.floor(MAP_SIZE / 2), Math.floor(MAP_SIZE / 2));
  const leaving = here.isSpawn() && state.turn % 10 >= 9 - (PARAMS.spawn_leave_turns ?? 2) + 1;
  let target = centre;
  if (!leaving && enemies.length > 0) {
    target = enemies.reduce((a, b) => (a.coords.walkingDistanceTo(here) <= b.coords.walkingDistanceTo(here) ? a : b)).coords;
  }
  let best = null;
  for (const d of Direction.enumValues) {
    const c = here.add(d);
    if (state.objByCoords(c) || claimed.has(c.toString()) || (leaving && c.isSpawn())) continue;
    const score = c.walkingDistanceTo(target);
    if (!best || score < best.score) best = { score, d, c };
  }
  if (!best || best.score >= here.walkingDistanceTo(target) + (leaving ? 1 : 0)) return null;
  claimed.add(best.c.toString());
  return Action.move(best.d);
}
