#!/usr/bin/env python3
"""Halite reference bot (weak-medium), the original game's tutorial "improved bot": a site takes
the first neighbour it is stronger than (neutral or enemy); otherwise it grows until it holds 5x
its production, then drifts NORTH or WEST at random, so interior strength wanders out to a
border only by chance. Seeded by its tag, so a game replays the same way."""
import json
import random
import sys

STEPS = ((0, -1), (1, 0), (0, 1), (-1, 0))  # NORTH, EAST, SOUTH, WEST = 1..4
NORTH, WEST = 1, 4
WAIT_MULTIPLE = 5


def decide(me, prod, owners, strengths, rng):
    h, w = len(owners), len(owners[0])
    moves = []
    for y in range(h):
        for x in range(w):
            if owners[y][x] != me:
                continue
            s = strengths[y][x]
            for d, (dx, dy) in enumerate(STEPS, start=1):
                nx, ny = (x + dx) % w, (y + dy) % h
                if owners[ny][nx] != me and s > strengths[ny][nx]:
                    moves.append([x, y, d])
                    break
            else:
                if s >= WAIT_MULTIPLE * prod[y][x] and s > 0:
                    moves.append([x, y, NORTH if rng.random() < 0.5 else WEST])
    return moves


def main():
    me, prod, rng = 0, [], random.Random(0)
    for line in sys.stdin:
        msg = json.loads(line)
        if msg.get("type") == "init":
            me, prod = msg["you"], msg["production"]
            rng = random.Random(me)
            reply = {"ready": True, "name": "drifter"}
        else:
            reply = {"moves": decide(me, prod, msg["map"]["owners"], msg["map"]["strengths"], rng)}
        sys.stdout.write(json.dumps(reply, separators=(",", ":")) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
