"""Random passive play (the weakest rung): checks when it can; facing a bet it calls or folds on
a coin flip, without looking at its cards, and never raises. A calling station that also throws
away hands it has paid into. Seeded by the request (player, hand, actions so far), so a sim
replays exactly."""
import json
import random
import sys
import zlib

CALL_SHARE = 0.55


def act(req):
    legal = {a["action"] for a in req["legal_actions"]}
    if "check" in legal:
        return {"action": "check"}
    seed = f"{req['you']}|{req['hand']}|{len(req['history'])}"
    rng = random.Random(zlib.crc32(seed.encode()))
    return {"action": "call"} if rng.random() < CALL_SHARE else {"action": "fold"}


for line in sys.stdin:
    msg = json.loads(line)
    if msg.get("type") == "act":
        print(json.dumps(act(msg)), flush=True)
