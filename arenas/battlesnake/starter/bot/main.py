"""JSON-lines loop: one request per stdin line; answer each "move" with one line on stdout.

"start" and "end" get no reply. stdout is the protocol channel, so debug output goes to stderr.
"""
import json
import sys
import traceback
from pathlib import Path

from strategy import choose_move

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


def main():
    params = load_params()
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            request = json.loads(line)
        except ValueError:
            print(f"ignoring a line that is not JSON: {line[:80]!r}", file=sys.stderr)
            continue
        kind = request.get("type")
        if kind == "move":
            try:
                move = choose_move(request, params)
            except Exception:  # a bug in the strategy must not cost the game: answer anyway
                traceback.print_exc(file=sys.stderr)
                move = "up"
            sys.stdout.write(json.dumps({"move": move}) + "\n")
            sys.stdout.flush()
        elif kind == "end":
            alive = any(s["id"] == request["you"]["id"] for s in request["board"]["snakes"])
            print(f"game over after {request['turn']} turns; alive: {alive}", file=sys.stderr)


if __name__ == "__main__":
    main()
