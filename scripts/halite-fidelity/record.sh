#!/usr/bin/env bash
# Builds the original Halite I environment (HaliteChallenge/Halite, environment/) with the
# system's g++ from a checkout or bare git dir given as $1, plays games between our reference
# bots through adapter.py (our JSON lines <-> the original's text protocol), and writes the
# original's replays as fixtures: arenas/halite/src/fixtures/<name>.hlt plus <name>.json (the
# seed, the bots and the ranks the original printed). Nothing of the original is vendored:
# the source is read from $1 into a temp dir and deleted afterwards.
#   scripts/halite-fidelity/record.sh /path/to/Halite[/.git]
set -euo pipefail

src=${1:?usage: record.sh <Halite checkout or bare git dir>}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bots=$root/arenas/halite/bots
out=$root/arenas/halite/src/fixtures
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The environment's source, from a work tree or from git (bare or not).
if [ -f "$src/environment/core/Halite.cpp" ]; then
  cp -r "$src/environment" "$work/"
else
  git --git-dir="$src" archive HEAD environment | tar -x -C "$work"
  echo "source: $(git --git-dir="$src" rev-parse HEAD)"
fi
make -C "$work/environment" -j2 >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
halite=$work/environment/halite
mkdir -p "$out"

# name, map "w h", seed, bots...  Small maps keep the fixtures small.
play() {
  local name=$1 dims=$2 seed=$3
  shift 3
  local game=$work/$name
  mkdir -p "$game"
  local cmds=()
  for b in "$@"; do cmds+=("python3 $here/adapter.py $bots/$b"); done
  # -t: no timeouts (a busy machine must not change the game); -q: machine-readable results.
  (cd "$game" && "$halite" -q -t -d "$dims" -s "$seed" -i "$game" "${cmds[@]}" >"$game/stdout")
  local replay
  replay=$(find "$game" -name '*.hlt' | head -n 1)
  [ -n "$replay" ] || { echo "$name: no replay written" >&2; cat "$game/stdout" >&2; exit 1; }
  cp "$replay" "$out/$name.hlt"
  # Quiet mode prints one "tag rank last_frame_alive" line per player after the replay's name.
  local n=$#
  python3 - "$game/stdout" "$n" "$seed" "$dims" "$@" >"$out/$name.json" <<'PY'
import json, sys
lines = open(sys.argv[1]).read().splitlines()
n, seed, dims, bots = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5:]
at = next(i for i, l in enumerate(lines) if l.split() and l.split()[0].endswith(".hlt"))
rows = [l.split() for l in lines[at + 1 : at + 1 + n]]
ranks = {int(r[0]): int(r[1]) for r in rows}
meta = {"seed": seed, "dimensions": dims, "bots": bots, "ranks": [ranks[t] for t in range(1, n + 1)]}
# Written the way prettier formats it, so the fixtures pass the format check as recorded.
print("{ " + ", ".join(f"{json.dumps(k)}: {json.dumps(v)}" for k, v in meta.items()) + " }")
PY
  echo "$name: $(wc -c <"$out/$name.hlt") bytes, ranks $(cat "$out/$name.json")"
}

play duel-10x10 "10 10" 1001 overkill still
play duel-swap-12x12 "12 12" 2002 still overkill
play three-12x12 "12 12" 3003 overkill still overkill
play four-12x12 "12 12" 4004 still overkill still overkill
