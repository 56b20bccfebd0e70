"""Move choice: score every safe move and take the best.

score = space + food + head-to-head terms, weighted by the numbers in params.json.
Ideas for improvement: look further ahead than one move, predict where opponents go, claim
territory (cells you reach before anyone else), and tune params.json.
"""
from board import MOVES, Board

# Used when params.json is missing or lacks a key; keep in sync with params.json.
DEFAULT_PARAMS = {
    "food_weight": 4.0,
    "hunger_threshold": 40,
    "length_margin": 1,
    "space_weight": 10.0,
    "head_danger_penalty": 8.0,
    "aggression": 2.0,
}


def choose_move(request, params):
    board = Board(request)
    p = {**DEFAULT_PARAMS, **params}
    my_len = board.me["length"]
    head = board.head()

    candidates = []
    for move, (dx, dy) in MOVES.items():
        cell = (head[0] + dx, head[1] + dy)
        if board.is_free(cell):
            candidates.append((move, cell))
    if not candidates:
        return "up"  # every move loses; any answer will do

    longest_other = max((s["length"] for s in board.opponents), default=0)
    hungry = board.me["health"] <= p["hunger_threshold"] or my_len < longest_other + p["length_margin"]

    best_move, best_score = None, float("-inf")
    for move, cell in candidates:
        score = space_score(board, cell, my_len, p) + food_score(board, cell, hungry, p)
        score += head_to_head_score(board, cell, my_len, p)
        if score > best_score:
            best_move, best_score = move, score
    return best_move


def space_score(board, cell, my_len, p):
    # Room for twice our length is "enough"; less than our length is probably a trap.
    enough = 2 * my_len
    space = board.flood_fill(cell, enough)
    score = p["space_weight"] * space / enough
    if space < my_len:
        score -= 100 * (my_len - space) / my_len
    return score


def food_score(board, cell, hungry, p):
    dist = board.distance_to_food(cell)
    if dist is None:
        return 0.0
    urgency = 1.0 if hungry else 0.3
    return p["food_weight"] * urgency / (dist + 1)


def head_to_head_score(board, cell, my_len, p):
    score = 0.0
    for snake in board.opponents:
        if cell in set(board.neighbours(board.head(snake))):
            if snake["length"] >= my_len:
                score -= p["head_danger_penalty"]
            else:
                score += p["aggression"]
    return score
