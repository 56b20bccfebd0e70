"""A read-only view of one move request: who is where, and what is free next turn.

Coordinates are the official ones: (0, 0) is the bottom-left corner and "up" is y + 1.
"""
from collections import deque

MOVES = {"up": (0, 1), "down": (0, -1), "left": (-1, 0), "right": (1, 0)}


class Board:
    def __init__(self, request):
        board = request["board"]
        self.width = board["width"]
        self.height = board["height"]
        self.me = request["you"]
        self.my_id = self.me["id"]
        self.snakes = board["snakes"]
        self.opponents = [s for s in self.snakes if s["id"] != self.my_id]
        self.food = {(f["x"], f["y"]) for f in board["food"]}
        self.blocked = self._blocked_next_turn()

    def _blocked_next_turn(self):
        """Cells a head may not enter next turn.

        Every body segment is blocked except a tail that is about to move. A tail stays put when
        the snake has just eaten: its last two segments then sit on the same cell.
        """
        blocked = set()
        for snake in self.snakes:
            body = snake["body"]
            tail_moves = len(body) >= 2 and body[-1] != body[-2]
            segments = body[:-1] if tail_moves else body
            for seg in segments:
                blocked.add((seg["x"], seg["y"]))
        return blocked

    def head(self, snake=None):
        h = (snake or self.me)["head"]
        return (h["x"], h["y"])

    def in_bounds(self, cell):
        x, y = cell
        return 0 <= x < self.width and 0 <= y < self.height

    def is_free(self, cell):
        return self.in_bounds(cell) and cell not in self.blocked

    def neighbours(self, cell):
        x, y = cell
        for dx, dy in MOVES.values():
            yield (x + dx, y + dy)

    def flood_fill(self, start, limit):
        """How many free cells are reachable from `start` (counting it), stopping at `limit`."""
        seen = {start}
        queue = deque([start])
        while queue and len(seen) < limit:
            cell = queue.popleft()
            for n in self.neighbours(cell):
                if n not in seen and self.is_free(n):
                    seen.add(n)
                    queue.append(n)
        return len(seen)

    def distance_to_food(self, start, limit=None):
        """Steps from `start` to the nearest food along free cells, or None if none is reachable."""
        if start in self.food:
            return 0
        seen = {start}
        queue = deque([(start, 0)])
        while queue:
            cell, dist = queue.popleft()
            if limit is not None and dist >= limit:
                break
            for n in self.neighbours(cell):
                if n in seen or not self.in_bounds(n):
                    continue
                if n in self.food:
                    return dist + 1
                if n not in self.blocked:
                    seen.add(n)
                    queue.append((n, dist + 1))
        return None
