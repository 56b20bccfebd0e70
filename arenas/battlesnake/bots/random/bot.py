"""A weak baseline for tests: a random move that does not hit a wall or a body right away.

Random but reproducible: each move is drawn from a generator seeded by the game id (which the
arena derives from the sim's seed), the snake's id and the turn, so the same sim gives the same
moves and a ladder with this bot in it comes out the same every time it is made."""
import json
import random
import sys

MOVES = {"up": (0, 1), "down": (0, -1), "left": (-1, 0), "right": (1, 0)}


def safe_moves(req):
    board = req["board"]
    blocked = set()
    for snake in board["snakes"]:
        body = snake["body"]
        # A tail moves on unless the snake has just eaten (last two segments on one cell).
        keep = body if len(body) >= 2 and body[-1] == body[-2] else body[:-1]
        blocked.update((p["x"], p["y"]) for p in keep)
    hx, hy = req["you"]["head"]["x"], req["you"]["head"]["y"]
    out = []
    for move, (dx, dy) in MOVES.items():
        x, y = hx + dx, hy + dy
        if 0 <= x < board["width"] and 0 <= y < board["height"] and (x, y) not in blocked:
            out.append(move)
    return out


for line in sys.stdin:
    if not line.strip():
        continue
    req = json.loads(line)
    if req.get("type") == "move":
        moves = safe_moves(req) or list(MOVES)
        # A str seed is hashed with SHA-512 (not Python's per-process hash): same on every run.
        rng = random.Random(f"{req['game']['id']}/{req['you']['id']}/{req['turn']}")
        print(json.dumps({"move": rng.choice(moves)}), flush=True)
