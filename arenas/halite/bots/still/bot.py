#!/usr/bin/env python3
"""Halite reference bot (weak): mostly STILL; a site that has grown to 8x its production
moves in a random direction. Seeded by its tag, so a game replays the same way."""
import json
import random
import sys


def main():
    me, prod, rng = 0, [], random.Random(0)
    for line in sys.stdin:
        msg = json.loads(line)
        if msg.get("type") == "init":
            me, prod = msg["you"], msg["production"]
            rng = random.Random(me)
            reply = {"ready": True, "name": "still"}
        else:
            owners, strengths = msg["map"]["owners"], msg["map"]["strengths"]
            moves = []
            for y, row in enumerate(owners):
                for x, owner in enumerate(row):
                    if owner == me and strengths[y][x] >= max(8 * prod[y][x], 1):
                        moves.append([x, y, rng.randint(1, 4)])
            reply = {"moves": moves}
        sys.stdout.write(json.dumps(reply, separators=(",", ":")) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
