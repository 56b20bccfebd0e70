#!/usr/bin/env python3
"""Halite reference bot (strongest): plans with a value field. Every site we do not own gets a
value (production per point of strength for neutral land; for a site next to enemies, the
damage a piece there deals to all of them, Halite's "overkill"), and the field spreads that
value into our territory, fading a little each step, so an interior site walks toward the best
frontier it can reach, not just the nearest. Border sites that cannot take a strong neutral
alone take it together with their neighbours; no move piles strength past the 255 cap.
Deterministic."""
import heapq
import json
import sys

STEPS = ((0, -1), (1, 0), (0, 1), (-1, 0))  # NORTH, EAST, SOUTH, WEST = 1..4
WAIT_MULTIPLE = 5
DECAY = 0.85  # how much of a frontier's value one step further inside still sees
CAP = 255
CAP_SLACK = 15  # strength we accept to lose to the cap rather than stay put


def target_values(me, prod, owners, strengths, w, h):
    """Value of every site we do not own, and the enemy strength a piece there would hit."""
    value = [[0.0] * w for _ in range(h)]
    damage = [[0] * w for _ in range(h)]
    for y in range(h):
        for x in range(w):
            if owners[y][x] == me:
                continue
            dmg = 0
            for dx, dy in ((0, 0),) + STEPS:
                ox, oy = (x + dx) % w, (y + dy) % h
                if owners[oy][ox] not in (0, me):
                    dmg += strengths[oy][ox]
            damage[y][x] = dmg
            neutral = (prod[y][x] + 1) / (strengths[y][x] + 20)
            value[y][x] = 1.0 + dmg / 100 if dmg > 0 else neutral
    return value, damage


def spread(me, owners, value, w, h):
    """For each of our sites: the best frontier value reachable through our land, faded by
    DECAY per step (a max-first Dijkstra from the border)."""
    field = [[-1.0] * w for _ in range(h)]
    heap = []
    for y in range(h):
        for x in range(w):
            if owners[y][x] != me:
                continue
            best = -1.0
            for dx, dy in STEPS:
                nx, ny = (x + dx) % w, (y + dy) % h
                if owners[ny][nx] != me and value[ny][nx] > best:
                    best = value[ny][nx]
            if best >= 0:
                heapq.heappush(heap, (-best * DECAY, x, y))
    while heap:
        neg, x, y = heapq.heappop(heap)
        if field[y][x] >= 0:
            continue
        field[y][x] = -neg
        for dx, dy in STEPS:
            nx, ny = (x + dx) % w, (y + dy) % h
            if owners[ny][nx] == me and field[ny][nx] < 0:
                heapq.heappush(heap, (neg * DECAY, nx, ny))
    return field


def decide(me, prod, owners, strengths):
    h, w = len(owners), len(owners[0])
    value, damage = target_values(me, prod, owners, strengths, w, h)
    field = spread(me, owners, value, w, h)
    moving = {}  # (x, y) -> direction
    incoming = [[0] * w for _ in range(h)]

    def load(x, y):
        """Strength that will end on (x, y) so far: arrivals, plus its own if it stays."""
        return incoming[y][x] + (0 if (x, y) in moving else strengths[y][x])

    def send(x, y, d):
        dx, dy = STEPS[d - 1]
        moving[(x, y)] = d
        incoming[(y + dy) % h][(x + dx) % w] += strengths[y][x]

    mine = [(strengths[y][x], x, y) for y in range(h) for x in range(w) if owners[y][x] == me]
    mine.sort(reverse=True)  # strong pieces choose first: they matter most

    # Border sites: take the best neighbour, alone or together.
    for s, x, y in mine:
        if (x, y) in moving or s == 0:
            continue
        options = []
        for d, (dx, dy) in enumerate(STEPS, start=1):
            nx, ny = (x + dx) % w, (y + dy) % h
            if owners[ny][nx] != me:
                options.append((value[ny][nx], d, nx, ny))
        if not options:
            continue
        options.sort(reverse=True)
        best_value = options[0][0]
        for v, d, nx, ny in options:
            if v < best_value * 0.5:
                break
            ts = strengths[ny][nx]
            if damage[ny][nx] > 0 or s > ts:
                if load(nx, ny) + s <= CAP + CAP_SLACK or damage[ny][nx] > 0:
                    send(x, y, d)
                break
            # Too strong alone: bring every free neighbour of it that is ours, strongest first.
            helpers = []
            for hd, (dx, dy) in enumerate(STEPS, start=1):
                hx, hy = (nx - dx) % w, (ny - dy) % h
                if owners[hy][hx] == me and (hx, hy) not in moving and strengths[hy][hx] > 0:
                    helpers.append((strengths[hy][hx], hx, hy, hd))
            helpers.sort(reverse=True)
            total, team = 0, []
            for hs, hx, hy, hd in helpers:
                team.append((hx, hy, hd))
                total += hs
                if total > ts:
                    break
            if total > ts and total <= CAP + CAP_SLACK:
                for hx, hy, hd in team:
                    send(hx, hy, hd)
                break

    # Interior sites (and border sites with nothing worth taking yet): grow, then follow the field.
    for s, x, y in mine:
        if (x, y) in moving or s < max(WAIT_MULTIPLE * prod[y][x], 1):
            continue
        if any(owners[(y + dy) % h][(x + dx) % w] != me for dx, dy in STEPS):
            continue  # a border site that stayed is growing to take its target
        best, best_dir = -1.0, 0
        for d, (dx, dy) in enumerate(STEPS, start=1):
            nx, ny = (x + dx) % w, (y + dy) % h
            if field[ny][nx] > best and load(nx, ny) + s <= CAP + CAP_SLACK:
                best, best_dir = field[ny][nx], d
        if best_dir and best > field[y][x] - 1e-12:
            send(x, y, best_dir)
    return [[x, y, d] for (x, y), d in moving.items()]


def main():
    me, prod = 0, []
    for line in sys.stdin:
        msg = json.loads(line)
        if msg.get("type") == "init":
            me, prod = msg["you"], msg["production"]
            reply = {"ready": True, "name": "frontier"}
        else:
            reply = {"moves": decide(me, prod, msg["map"]["owners"], msg["map"]["strengths"])}
        sys.stdout.write(json.dumps(reply, separators=(",", ":")) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
