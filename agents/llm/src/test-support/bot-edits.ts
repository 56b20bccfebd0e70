// Shell commands scripted models send in the Docker tests: real edits of the BattleSnake starter.

/** Raises the starter's food_weight parameter to 9 (a change that shows in the diff). */
export const RAISE_FOOD = `python3 - <<'EOF'
import json
p = json.load(open('params.json'))
p['food_weight']['value'] = 9.0
json.dump(p, open('params.json', 'w'), indent=2)
EOF`;
