#!/usr/bin/env python3
"""Halite starter bot. Reads the arena's JSON lines on stdin, answers on stdout (one line per
message). Strategy: every site either takes its best neutral or enemy neighbour (when it can),
waits to grow, or, deep inside our territory, walks toward the nearest border. The numbers it
uses are in ../params.json."""
import json
import os
import sys
from collections import deque

STEPS = ((0, -1), (1, 0), (0, 1), (-1, 0))  # NORTH, EAST, SOUTH, WEST = directions 1..4
STILL = 0


def load_params():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "params.json")
    with open(path) as f:
        return {k: v["value"] for k, v in json.load(f).items()}


P = load_params()


def border_distance(owners, me, w, h):
    """Steps from each site to the nearest site we do not own (BFS on the wrap-around grid)."""
    dist = [[w * h] * w for _ in range(h)]
    queue = deque()
    for y in range(h):
        for x in range(w):
            if owners[y][x] != me:
                dist[y][x] = 0
                queue.append((x, y))
    while queue:
        x, y = queue.popleft()
        for dx, dy in STEPS:
            nx, ny = (x + dx) % w, (y + dy) % h
            if dist[ny][nx] > dist[y][x] + 1:
                dist[ny][nx] = dist[y][x] + 1
                queue.append((nx, ny))
    return dist


def target_score(me, prod, owners, strengths, nx, ny, w, h):
    """How good taking (nx, ny) is: enemy strength our piece would damage there, else yield."""
    damage = 0
    for dx, dy in ((0, 0),) + STEPS:
        ox, oy = (nx + dx) % w, (ny + dy) % h
        if owners[oy][ox] not in (0, me):
            damage += strengths[oy][ox]
    if damage > 0:
        return P["enemy_weight"] * damage
    return P["production_weight"] * prod[ny][nx] / max(strengths[ny][nx], 1)


def decide(me, prod, owners, strengths):
    h, w = len(owners), len(owners[0])
    dist = border_distance(owners, me, w, h)
    moves = []
    for y in range(h):
        for x in range(w):
            if owners[y][x] != me:
                continue
            s = strengths[y][x]
            best, best_dir = None, STILL
            for d, (dx, dy) in enumerate(STEPS, start=1):
                nx, ny = (x + dx) % w, (y + dy) % h
                if owners[ny][nx] == me:
                    continue
                enemy = owners[ny][nx] != 0
                if not enemy and s <= strengths[ny][nx] + P["capture_margin"]:
                    continue
                score = target_score(me, prod, owners, strengths, nx, ny, w, h)
                if best is None or score > best:
                    best, best_dir = score, d
            if best is not None and s > 0:
                moves.append([x, y, best_dir])
            elif dist[y][x] > 0 and s >= P["wait_multiple"] * prod[y][x]:
                for d, (dx, dy) in enumerate(STEPS, start=1):
                    nx, ny = (x + dx) % w, (y + dy) % h
                    if dist[ny][nx] < dist[y][x] and strengths[ny][nx] + s <= P["merge_cap"]:
                        moves.append([x, y, d])
                        break
    return moves


def main():
    me, prod = 0, []
    for line in sys.stdin:
        msg = json.loads(line)
        if msg.get("type") == "init":
            me, prod = msg["you"], msg["production"]
            reply = {"ready": True, "name": "starter"}
        else:
            reply = {"moves": decide(me, prod, msg["map"]["owners"], msg["map"]["strengths"])}
        sys.stdout.write(json.dumps(reply, separators=(",", ":")) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
