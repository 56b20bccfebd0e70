"""The adapter between the arena's JSON lines and a RobotRumble-style robot.

Each line in is one turn for our whole team; robot(state, unit) is called for each of our units
(ascending id, as the original does), after init_turn(state) if robot.py defines it. robot.py is
run with the standard library's names already defined, as on robotrumble.org, plus PARAMS (the
values of params.json). print() inside the robot goes to stderr: stdout carries the protocol.
"""
import json
import os
import runpy
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import rumblelib  # noqa: E402

ACTION_TYPE = {rumblelib.ActionType.Move: "move", rumblelib.ActionType.Attack: "attack"}


def load_params():
    try:
        with open(os.path.join(HERE, "..", "params.json")) as f:
            return {k: v["value"] for k, v in json.load(f).items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def main():
    out = sys.stdout
    sys.stdout = sys.stderr  # a robot's print() must not corrupt the protocol
    scope = {name: getattr(rumblelib, name) for name in rumblelib.__all__}
    scope["PARAMS"] = load_params()
    scope = runpy.run_path(os.path.join(HERE, "robot.py"), init_globals=scope)
    robot, init_turn = scope.get("robot"), scope.get("init_turn")
    if not callable(robot):
        sys.exit("robot.py must define robot(state, unit)")
    for line in sys.stdin:
        request = json.loads(line)
        if not rumblelib.SPAWN_COORDS:
            rumblelib.SPAWN_COORDS.update(rumblelib.Coords(p["x"], p["y"]) for p in request["map"]["spawn"])
        state = rumblelib.State(request)
        actions = {}
        try:
            if callable(init_turn):
                init_turn(state)
            for uid in request["ids"]:
                try:
                    action = robot(state, state.obj_by_id(uid))
                except Exception:
                    traceback.print_exc()  # as in the original: this unit does nothing this turn
                    continue
                if isinstance(action, rumblelib.Action):
                    actions[uid] = {"type": ACTION_TYPE[action.type], "direction": action.direction.value.lower()}
                elif action is not None:
                    print(f"unit {uid}: robot must return an Action or None, got {action!r}", file=sys.stderr)
        except Exception:
            traceback.print_exc()  # init_turn failed: the team does nothing this turn
            actions = {}
        out.write(json.dumps({"actions": actions}) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
