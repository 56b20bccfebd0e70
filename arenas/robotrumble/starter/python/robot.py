# Your robot, RobotRumble style: robot(state, unit) returns Action.move(d), Action.attack(d) or
# None for one of your units; it is called for every unit of your team, every turn. The standard
# library's names (Direction, Coords, Action, State, Team, SPAWN_COORDS, ...) are predefined, as on
# robotrumble.org, and PARAMS holds the values of params.json. Globals persist between turns.
#
# Strategy: fight adjacent enemies (the weakest first), retreat when nearly dead, leave the
# spawn area before units there are removed, otherwise walk toward the nearest enemy.

SPAWN_EVERY = 10  # the arena's default; units on spawn points at turns 11, 21, ... are removed

claimed = set()


def init_turn(state):
    claimed.clear()


def free(state, c):
    return state.obj_by_coords(c) is None and c not in claimed


def step_toward(state, unit, target, avoid_spawn):
    here = unit.coords
    best = None
    for d in Direction:
        c = here + d
        if not free(state, c) or (avoid_spawn and c.is_spawn()):
            continue
        score = c.walking_distance_to(target)
        if best is None or score < best[0]:
            best = (score, d)
    if best and best[0] < here.walking_distance_to(target) + (1 if avoid_spawn else 0):
        claimed.add(here + best[1])
        return Action.move(best[1])
    return None


def robot(state, unit):
    here = unit.coords
    enemies = state.objs_by_team(state.other_team)
    adjacent = [e for e in enemies if e.coords.walking_distance_to(here) == 1]
    if adjacent:
        if unit.health <= PARAMS.get("retreat_health", 1):
            for d in Direction:
                c = here + d
                if free(state, c) and all(e.coords.walking_distance_to(c) > 1 for e in enemies) and not c.is_spawn():
                    claimed.add(c)
                    return Action.move(d)
        if PARAMS.get("gang_up", 1) >= 0.5:
            adjacent.sort(key=lambda e: e.health)
        return Action.attack(here.direction_to(adjacent[0].coords))
    turns_to_spawn = (SPAWN_EVERY - state.turn % SPAWN_EVERY) % SPAWN_EVERY
    if here.is_spawn() and turns_to_spawn < PARAMS.get("spawn_leave_turns", 2):
        return step_toward(state, unit, Coords(MAP_SIZE // 2, MAP_SIZE // 2), True)
    near = [e for e in enemies if e.coords.walking_distance_to(here) <= PARAMS.get("chase_distance", 30)]
    if near:
        target = min(near, key=lambda e: e.coords.walking_distance_to(here)).coords
    else:
        target = Coords(MAP_SIZE // 2, MAP_SIZE // 2)
    return step_toward(state, unit, target, False)
