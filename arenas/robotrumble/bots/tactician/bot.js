// Reference RobotRumble bot "tactician" (strongest): every robot scores each of its nine actions
// (hold, four moves, four attacks) by the damage it expects to deal and take this turn, and
// robots choose one after another, most threatened first, each seeing its team's earlier choices.
//  - Taken: a cell next to k enemies can be hit k times (attacks come from the attacker's cell
//    before moving); losing the robot costs far more than a point of health.
//  - Dealt: an attack on an adjacent enemy is worth more when it finishes it (counting attacks
//    already planned on it); an attack on an empty cell an enemy two steps away could step into
//    (an ambush) is worth less, as the enemy may not come. Never on a cell a teammate enters.
//  - Position: close in to two steps of the nearest enemy (the ambush range: whoever steps next
//    to the other takes the first hit), step adjacent only beside a teammate already in the
//    fight (ganging up), and be off the spawn ring before it is cleared.
// Deterministic: ties go to the first action in the order tried.
// Protocol: one JSON request per stdin line, one {"actions": ...} line back.
const STEP = { north: [0, -1], east: [1, 0], south: [0, 1], west: [-1, 0] };
const DIRS = Object.keys(STEP);
const DEATH = 6;
const KILL = 5;
const AMBUSH = 0.4;
const key = (x, y) => `${x},${y}`;
const dist = (a, b) => Math.abs(a.x - b.x) + Math.abs(a.y - b.y);

function turn(req) {
  const walls = new Set(req.map.walls.map((w) => key(w.x, w.y)));
  const spawn = new Set(req.map.spawn.map((p) => key(p.x, p.y)));
  const occupied = new Set(req.units.map((u) => key(u.x, u.y)));
  const enemies = req.units.filter((u) => u.team !== req.team);
  const mine = req.units.filter((u) => u.team === req.team);
  const every = req.spawnEvery;
  // The spawn ring is cleared before the next turn, or one turn later.
  const clearsNow = every > 0 && req.turn % every === 0 && req.turn < req.maxTurns;
  const clearsSoon = every > 0 && (req.turn + 1) % every === 0 && req.turn + 1 < req.maxTurns;
  const reach = (c) => enemies.filter((e) => dist(e, c) === 1);
  const planned = new Map(); // enemy id -> attacks planned on it this turn
  const entered = new Set(); // cells our robots move into
  const struck = new Set(); // cells our robots attack
  const engaged = new Map(); // enemy id -> our robots next to it that stay
  const actions = {};

  /** What this robot expects from ending the turn on `c` (damage taken, position). */
  function standing(u, c) {
    const k = key(c.x, c.y);
    const threats = reach(c).length;
    let v = threats >= u.health ? -DEATH - threats : -threats;
    if (spawn.has(k) && clearsNow) v -= 2 * DEATH;
    if (spawn.has(k) && clearsSoon) v -= 1;
    if (enemies.length > 0) {
      const nearest = Math.min(...enemies.map((e) => dist(e, c)));
      v -= 0.1 * Math.max(0, nearest - 2);
      // Stepping next to an enemy pays off only when a teammate already fights it.
      for (const e of reach(c)) v += 0.6 * Math.min(engaged.get(e.id) ?? 0, 2);
    }
    if (struck.has(k)) v -= 2; // a teammate's attack lands here
    return v;
  }

  function options(u) {
    const here = { x: u.x, y: u.y };
    const out = [{ action: null, c: here, v: standing(u, here) }];
    for (const d of DIRS) {
      const c = { x: u.x + STEP[d][0], y: u.y + STEP[d][1] };
      const k = key(c.x, c.y);
      if (walls.has(k)) continue;
      if (!occupied.has(k) && !entered.has(k)) out.push({ action: { type: 'move', direction: d }, c, v: standing(u, c) });
      if (entered.has(k)) continue; // never strike a teammate
      const target = enemies.find((e) => e.x === c.x && e.y === c.y);
      let dealt = 0;
      if (target) {
        const left = target.health - (planned.get(target.id) ?? 0);
        dealt = left <= 0 ? 0.1 : left === 1 ? 1 + KILL : 1 + 0.2 * (5 - left);
      } else if (!occupied.has(k) && !struck.has(k) && reach(c).length > 0) dealt = AMBUSH;
      if (dealt > 0) out.push({ action: { type: 'attack', direction: d }, c: here, v: standing(u, here) + dealt, target });
    }
    return out;
  }

  // Most threatened first, then nearest to an enemy: they have the most to gain or lose.
  const urgency = (u) => reach(u).length * 100 - (enemies.length > 0 ? Math.min(...enemies.map((e) => dist(e, u))) : 0);
  for (const u of [...mine].sort((a, b) => urgency(b) - urgency(a))) {
    const best = options(u).reduce((a, b) => (b.v > a.v ? b : a));
    actions[u.id] = best.action;
    if (best.action?.type === 'move') {
      entered.add(key(best.c.x, best.c.y));
      occupied.delete(key(u.x, u.y));
    } else {
      for (const e of reach(u)) engaged.set(e.id, (engaged.get(e.id) ?? 0) + 1);
    }
    if (best.action?.type === 'attack') {
      const [dx, dy] = STEP[best.action.direction];
      struck.add(key(u.x + dx, u.y + dy));
      if (best.target) planned.set(best.target.id, (planned.get(best.target.id) ?? 0) + 1);
    }
  }
  return { actions };
}

let buf = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  buf += chunk;
  let nl;
  while ((nl = buf.indexOf('\n')) >= 0) {
    const line = buf.slice(0, nl);
    buf = buf.slice(nl + 1);
    if (line.trim()) process.stdout.write(JSON.stringify(turn(JSON.parse(line))) + '\n');
  }
});
