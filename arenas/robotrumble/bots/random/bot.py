"""A weak reference bot speaking the protocol directly: every unit attacks an adjacent enemy if
there is one, otherwise moves in a random direction. Seeded per turn, so it plays the same game
twice."""
import json
import random
import sys

STEP = {"north": (0, -1), "east": (1, 0), "south": (0, 1), "west": (-1, 0)}

for line in sys.stdin:
    req = json.loads(line)
    rng = random.Random(req["turn"])
    enemies = {(u["x"], u["y"]) for u in req["units"] if u["team"] != req["team"]}
    actions = {}
    for u in req["units"]:
        if u["team"] != req["team"]:
            continue
        near = [d for d, (dx, dy) in STEP.items() if (u["x"] + dx, u["y"] + dy) in enemies]
        if near:
            actions[u["id"]] = {"type": "attack", "direction": near[0]}
        else:
            actions[u["id"]] = {"type": "move", "direction": rng.choice(list(STEP))}
    sys.stdout.write(json.dumps({"actions": actions}) + "\n")
    sys.stdout.flush()
