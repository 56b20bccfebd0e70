"""JSON-lines loop: one message per stdin line; answer each "act" with one line on stdout.

"start", "hand_end" and "end" get no reply. stdout is the protocol channel, so debug output
goes to stderr.
"""
import json
import sys
import traceback
from pathlib import Path

from strategy import Strategy

PARAMS_FILE = Path(__file__).resolve().parent.parent / "params.json"


def load_params():
    """{"name": {"value": x, "min": a, "max": b, "doc": ...}} -> {"name": x clamped to [a, b]}."""
    try:
        raw = json.loads(PARAMS_FILE.read_text())
    except (OSError, ValueError) as err:
        print(f"params.json unreadable ({err}); using defaults", file=sys.stderr)
        return {}
    params = {}
    for name, spec in raw.items():
        try:
            value = float(spec["value"])
            params[name] = min(max(value, float(spec.get("min", value))), float(spec.get("max", value)))
        except (KeyError, TypeError, ValueError):
            print(f"params.json: ignoring malformed entry {name!r}", file=sys.stderr)
    return params


def safe_action(request):
    """The cheapest legal answer: check if possible, otherwise fold."""
    legal = {a["action"] for a in request.get("legal_actions", [])}
    return {"action": "check"} if "check" in legal else {"action": "fold"}


def main():
    strategy = Strategy(load_params())
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            msg = json.loads(line)
        except ValueError:
            print(f"ignoring a line that is not JSON: {line[:80]!r}", file=sys.stderr)
            continue
        kind = msg.get("type")
        if kind == "act":
            try:
                action = strategy.act(msg)
            except Exception:  # a bug in the strategy must not cost the hand: answer anyway
                traceback.print_exc(file=sys.stderr)
                action = safe_action(msg)
            sys.stdout.write(json.dumps(action) + "\n")
            sys.stdout.flush()
        elif kind == "start":
            strategy.start(msg)
        elif kind == "hand_end":
            strategy.hand_end(msg)
        elif kind == "end":
            print(f"sim over after {msg['hands_played']} hands; net {msg['net'].get(msg['you'])}", file=sys.stderr)


if __name__ == "__main__":
    main()
