"""Decisions: a Chen score before the flop, Monte Carlo win probability against pot odds after.

Ideas for improvement: opponents are not random hands (narrow their ranges from their bets and
from what hand_end shows), position matters, bet sizes can depend on the board, and every
number in params.json can be tuned.
"""
import random
import zlib

from cards import parse, win_probability

# Used when params.json is missing or lacks a key; keep in sync with params.json.
DEFAULT_PARAMS = {
    "preflop_raise_score": 9,
    "preflop_call_score": 6,
    "preflop_call_max_bb": 6,
    "open_raise_bb": 3,
    "value_equity": 0.68,
    "call_margin": 0.04,
    "bet_pot_fraction": 0.6,
    "bluff_rate": 0.08,
    "samples": 300,
}


def chen_score(hole):
    """Bill Chen's preflop hand score: about 20 for A-A down to -1 for 7-2 offsuit."""
    (r1, s1), (r2, s2) = sorted(((c >> 2, c & 3) for c in hole), reverse=True)
    high = {12: 10, 11: 8, 10: 7, 9: 6}.get(r1, (r1 + 2) / 2)
    if r1 == r2:
        return max(5, high * 2)
    score = high + (2 if s1 == s2 else 0)
    gap = r1 - r2 - 1
    score -= [0, 1, 2, 4][gap] if gap < 4 else 5
    if gap <= 1 and r1 < 10:  # both below a queen and connected: straight chances
        score += 1
    return score


class Strategy:
    def __init__(self, params):
        self.p = {**DEFAULT_PARAMS, **params}

    def start(self, msg):
        pass

    def hand_end(self, msg):
        pass  # a good place to learn how opponents play: msg["history"], msg["showdown"]

    def act(self, req):
        legal = {a["action"]: a for a in req["legal_actions"]}
        hole = [parse(c) for c in req["hole_cards"]]
        board = [parse(c) for c in req["board"]]
        # Same situation, same decision: seeded by the request, so games replay exactly.
        rng = random.Random(zlib.crc32(f"{req['hand']}|{req['street']}|{req['hole_cards']}|{len(req['history'])}".encode()))
        if req["street"] == "preflop":
            return self.preflop(req, legal, hole)
        return self.postflop(req, legal, hole, board, rng)

    def preflop(self, req, legal, hole):
        p, bb = self.p, req["big_blind"]
        score = chen_score(hole)
        if score >= p["preflop_raise_score"] and "raise" in legal:
            unraised = req["current_bet"] <= bb
            target = p["open_raise_bb"] * bb if unraised else p["open_raise_bb"] * req["current_bet"]
            return raise_to(legal, target)
        if score >= p["preflop_call_score"] and req["to_call"] <= p["preflop_call_max_bb"] * bb:
            return check_or_call(legal)
        return check_or_fold(legal)

    def postflop(self, req, legal, hole, board, rng):
        p = self.p
        opponents = sum(1 for pl in req["players"] if not pl["folded"] and pl["id"] != req["you"])
        equity = win_probability(hole, board, max(1, opponents), int(p["samples"]), rng)
        pot, to_call = req["pot"], req["to_call"]
        me = req["players"][req["seat"]]
        size = me["bet"] + req["current_bet"] + p["bet_pot_fraction"] * (pot + to_call)
        if equity >= p["value_equity"] and "raise" in legal:
            return raise_to(legal, size)
        if to_call == 0:
            if "raise" in legal and rng.random() < p["bluff_rate"]:
                return raise_to(legal, size)
            return {"action": "check"}
        pot_odds = to_call / (pot + to_call)
        if equity >= pot_odds + p["call_margin"]:
            return check_or_call(legal)
        return check_or_fold(legal)


def raise_to(legal, amount):
    """A raise to `amount` clamped to the legal range (or a call if raising is not allowed)."""
    r = legal.get("raise")
    if not r:
        return check_or_call(legal)
    return {"action": "raise", "amount": int(min(max(amount, r["min"]), r["max"]))}


def check_or_call(legal):
    return {"action": "check"} if "check" in legal else {"action": "call"}


def check_or_fold(legal):
    return {"action": "check"} if "check" in legal else {"action": "fold"}
