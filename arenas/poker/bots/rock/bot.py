"""The rock (tight and predictable): raises only premium starting hands (nines or better, A-K, A-Q,
K-Q suited); sees a cheap flop (at most two big blinds) with a playable one (any pair, two tens
or better, a suited ace); folds the rest, but calls an all-in with sevens or better, A-J or K-Q.
After the flop it bets two thirds of the pot with an overpair, top pair or better, calls with a
smaller pair, and gives up without one. Reads only its hole cards against the board's ranks: no
simulation. Deterministic."""
import json
import sys

RANKS = "23456789TJQKA"


def premium(hole):
    (r1, s1), (r2, s2) = sorted(((RANKS.index(c[0]), c[1]) for c in hole), reverse=True)
    if r1 == r2:
        return r1 >= RANKS.index("9")
    if r1 == 12 and r2 >= 10:  # A-K, A-Q
        return True
    return r1 == 11 and r2 == 10 and s1 == s2  # K-Q suited


def playable(hole):
    (r1, s1), (r2, s2) = sorted(((RANKS.index(c[0]), c[1]) for c in hole), reverse=True)
    return r1 == r2 or r2 >= RANKS.index("T") or (r1 == 12 and s1 == s2)


def solid(hole):
    """Good enough to call an all-in from a wide range: sevens or better, A-J or better, K-Q."""
    r1, r2 = sorted((RANKS.index(c[0]) for c in hole), reverse=True)
    return (r1 == r2 and r1 >= RANKS.index("7")) or (r1 == 12 and r2 >= 9) or (r1 == 11 and r2 == 10)


def made(hole, board):
    """2 = overpair, top pair or better; 1 = a smaller pair that uses a hole card; 0 = nothing."""
    mine = [RANKS.index(c[0]) for c in hole]
    ranks = [RANKS.index(c[0]) for c in board]
    top = max(ranks)
    hits = [r for r in mine if r in ranks]
    if len(hits) == 2 or (mine[0] == mine[1] and (mine[0] > top or mine[0] in ranks)):
        return 2  # two pair, trips, a set or an overpair
    if hits:
        return 2 if max(hits) == top else 1
    return 1 if mine[0] == mine[1] else 0


def act(req):
    legal = {a["action"]: a for a in req["legal_actions"]}
    check_or_fold = {"action": "check"} if "check" in legal else {"action": "fold"}
    passive = {"action": "check"} if "check" in legal else {"action": "call"}

    def raise_to(amount):
        r = legal.get("raise")
        return {"action": "raise", "amount": int(min(max(amount, r["min"]), r["max"]))} if r else passive

    bb, pot = req["big_blind"], req["pot"]
    if req["street"] == "preflop":
        if req["to_call"] >= req["starting_stack"] // 3 and solid(req["hole_cards"]):
            return passive
        if premium(req["hole_cards"]):
            return raise_to(max(4 * bb, 3 * req["current_bet"]))
        if playable(req["hole_cards"]) and req["to_call"] <= 2 * bb:
            return passive
        return check_or_fold
    level = made(req["hole_cards"], req["board"])
    if level == 2:
        me = req["players"][req["seat"]]
        return raise_to(me["bet"] + req["current_bet"] + (pot + req["to_call"]) * 2 // 3)
    if level == 1 and req["to_call"] <= pot // 2:
        return passive
    return check_or_fold


for line in sys.stdin:
    msg = json.loads(line)
    if msg.get("type") == "act":
        print(json.dumps(act(msg)), flush=True)
