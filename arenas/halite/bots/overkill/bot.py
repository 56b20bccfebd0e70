#!/usr/bin/env python3
"""Halite reference bot (strong): captures the best neighbouring site it can take, rates sites
next to enemies by the damage a move there deals to every enemy piece around it (the "overkill"
of Halite's combat), lets sites grow to 5x their production, and sends interior strength to
the nearest border. Speaks the arena's JSON lines (see BRIEF.md)."""
import json
import sys
from collections import deque

STEPS = ((0, -1), (1, 0), (0, 1), (-1, 0))  # NORTH, EAST, SOUTH, WEST = 1..4
WAIT_MULTIPLE = 5


def border_distance(owners, me, w, h):
    """Steps from each site to the nearest site we do not own (multi-source BFS, wrapping)."""
    inf = w * h
    dist = [[inf] * w for _ in range(h)]
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


def decide(me, prod, owners, strengths):
    h, w = len(owners), len(owners[0])
    dist = border_distance(owners, me, w, h)
    moves = []
    for y in range(h):
        for x in range(w):
            if owners[y][x] != me:
                continue
            s = strengths[y][x]
            best, best_dir = None, 0
            for d, (dx, dy) in enumerate(STEPS, start=1):
                nx, ny = (x + dx) % w, (y + dy) % h
                if owners[ny][nx] == me:
                    continue
                ts = strengths[ny][nx]
                damage = 0
                for ex, ey in ((0, 0),) + STEPS:
                    ox, oy = (nx + ex) % w, (ny + ey) % h
                    if owners[oy][ox] not in (0, me):
                        damage += strengths[oy][ox]
                if damage > 0:
                    score = 1000 + damage
                elif ts == 0:
                    score = 100 + prod[ny][nx]
                else:
                    score = prod[ny][nx] / ts
                if (s > ts or damage > 0) and (best is None or score > best):
                    best, best_dir = score, d
            if best is not None and s > 0:
                moves.append([x, y, best_dir])
            elif s < WAIT_MULTIPLE * prod[y][x] or dist[y][x] == 0:
                continue
            else:
                # Interior: toward the nearest border, without piling past the 255 cap.
                for d, (dx, dy) in enumerate(STEPS, start=1):
                    nx, ny = (x + dx) % w, (y + dy) % h
                    if dist[ny][nx] < dist[y][x] and (strengths[ny][nx] + s <= 255 or s > 200):
                        moves.append([x, y, d])
                        break
    return moves


def main():
    me, prod = 0, []
    for line in sys.stdin:
        msg = json.loads(line)
        if msg.get("type") == "init":
            me, prod = msg["you"], msg["production"]
            reply = {"ready": True, "name": "overkill"}
        else:
            reply = {"moves": decide(me, prod, msg["map"]["owners"], msg["map"]["strengths"])}
        sys.stdout.write(json.dumps(reply, separators=(",", ":")) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
