#!/usr/bin/env python3
"""Halite reference bot (medium): a border site takes the neighbour with the best production
per point of strength it can beat; an interior site that holds 5x its production walks toward
the nearest border in a straight line (the shortest of the four rays along its row and column,
so corners and detours are never seen). No combat sense and no care for the 255 cap.
Deterministic."""
import json
import sys

STEPS = ((0, -1), (1, 0), (0, 1), (-1, 0))  # NORTH, EAST, SOUTH, WEST = 1..4
WAIT_MULTIPLE = 5


def ray_direction(me, owners, x, y, w, h):
    """The direction whose straight ray reaches a site we do not own soonest (NORTH on ties)."""
    best, best_dir = None, 1
    for d, (dx, dy) in enumerate(STEPS, start=1):
        limit = h if dy else w
        for k in range(1, limit):
            if owners[(y + dy * k) % h][(x + dx * k) % w] != me:
                if best is None or k < best:
                    best, best_dir = k, d
                break
    return best_dir


def decide(me, prod, owners, strengths):
    h, w = len(owners), len(owners[0])
    moves = []
    for y in range(h):
        for x in range(w):
            if owners[y][x] != me:
                continue
            s = strengths[y][x]
            best, best_dir, border = None, 0, False
            for d, (dx, dy) in enumerate(STEPS, start=1):
                nx, ny = (x + dx) % w, (y + dy) % h
                if owners[ny][nx] == me:
                    continue
                border = True
                ts = strengths[ny][nx]
                score = prod[ny][nx] / max(ts, 1)
                if s > ts and (best is None or score > best):
                    best, best_dir = score, d
            if best_dir:
                moves.append([x, y, best_dir])
            elif not border and s >= WAIT_MULTIPLE * prod[y][x] and s > 0:
                moves.append([x, y, ray_direction(me, owners, x, y, w, h)])
    return moves


def main():
    me, prod = 0, []
    for line in sys.stdin:
        msg = json.loads(line)
        if msg.get("type") == "init":
            me, prod = msg["you"], msg["production"]
            reply = {"ready": True, "name": "straight"}
        else:
            reply = {"moves": decide(me, prod, msg["map"]["owners"], msg["map"]["strengths"])}
        sys.stdout.write(json.dumps(reply, separators=(",", ":")) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
