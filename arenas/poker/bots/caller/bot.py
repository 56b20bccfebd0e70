"""The calling station: checks when it can, calls otherwise, never raises or folds. A baseline
any real strategy should beat."""
import json
import sys

for line in sys.stdin:
    msg = json.loads(line)
    if msg.get("type") == "act":
        legal = {a["action"] for a in msg["legal_actions"]}
        print(json.dumps({"action": "check" if "check" in legal else "call"}), flush=True)
