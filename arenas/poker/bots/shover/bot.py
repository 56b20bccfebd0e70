"""Tight push or fold: before the flop it goes all-in with a strong hand (nines or better, A-Q or
better heads-up; tighter with more players still to act or against a raise), completes the small
blind in an unraised pot, and checks or folds the rest; it never bets after the flop, checking
or folding if it gets there without being all-in. Denies everyone post-flop play and wins big
against loose callers and passive folders, but gives up every small pot that is bet at.
Deterministic."""
import json
import sys

RANKS = "23456789TJQKA"


def hand_value(hole):
    """A rough preflop strength: both ranks (high counts twice), a big bonus for a pair, a small
    one for suited cards, minus the gap between the ranks (0 for 7-2 offsuit, 50 for A-A)."""
    (r1, s1), (r2, s2) = sorted(((RANKS.index(c[0]), c[1]) for c in hole), reverse=True)
    if r1 == r2:
        return 2 * r1 + r2 + 14
    return 2 * r1 + r2 + (2 if s1 == s2 else 0) - min(r1 - r2 - 1, 4)


def act(req):
    legal = {a["action"]: a for a in req["legal_actions"]}
    check_or_fold = {"action": "check"} if "check" in legal else {"action": "fold"}
    if req["street"] != "preflop":
        return check_or_fold
    raised = req["current_bet"] > req["big_blind"]
    # Players still to act after us before the flop (the blinds included).
    others = [p for p in req["players"] if not p["folded"] and p["id"] != req["you"]]
    behind = sum(1 for p in others if p["bet"] < req["current_bet"])
    behind += 1 if not raised and req["big_blind_seat"] != req["seat"] else 0  # the big blind's option
    need = 38 if raised else 33 + min(behind, 4)  # about the best 6% of hands heads-up, fewer at a full table
    if hand_value(req["hole_cards"]) < need:
        # Completing the small blind when nobody raised is cheap: keeps it from bleeding blinds.
        if not raised and "call" in legal and req["to_call"] <= req["small_blind"]:
            return {"action": "call"}
        return check_or_fold
    r = legal.get("raise")
    if r:
        return {"action": "raise", "amount": r["max"]}
    return {"action": "call"}


for line in sys.stdin:
    msg = json.loads(line)
    if msg.get("type") == "act":
        print(json.dumps(act(msg)), flush=True)
