#!/usr/bin/env python3
"""Halite reference bot (weak): a border site takes its weakest neutral neighbour as soon as it
is stronger than it; every other site stays STILL for good. Interior strength never moves, so
the empire grows only as fast as its border sites' own production. Deterministic."""
import json
import sys

STEPS = ((0, -1), (1, 0), (0, 1), (-1, 0))  # NORTH, EAST, SOUTH, WEST = 1..4


def decide(me, owners, strengths):
    h, w = len(owners), len(owners[0])
    moves = []
    for y in range(h):
        for x in range(w):
            if owners[y][x] != me:
                continue
            s = strengths[y][x]
            weakest, weakest_dir = None, 0
            for d, (dx, dy) in enumerate(STEPS, start=1):
                nx, ny = (x + dx) % w, (y + dy) % h
                if owners[ny][nx] == me:
                    continue
                ts = strengths[ny][nx]
                if s > ts and (weakest is None or ts < weakest):
                    weakest, weakest_dir = ts, d
            if weakest_dir:
                moves.append([x, y, weakest_dir])
    return moves


def main():
    me = 0
    for line in sys.stdin:
        msg = json.loads(line)
        if msg.get("type") == "init":
            me = msg["you"]
            reply = {"ready": True, "name": "nibbler"}
        else:
            reply = {"moves": decide(me, msg["map"]["owners"], msg["map"]["strengths"])}
        sys.stdout.write(json.dumps(reply, separators=(",", ":")) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
