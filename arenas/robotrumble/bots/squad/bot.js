// Reference RobotRumble bot "squad" (middling): robots fight as one group. Next to enemies a robot
// attacks the one closest to death (focus fire across the team); with an enemy two steps away it
// attacks the free cell between, where that enemy would step (an ambush); otherwise every robot walks
// toward the team's rallying point, the robot nearest the enemies' centre of mass, so stragglers
// and fresh spawns join up, and the leader waits there until most of the team has gathered
// within three steps, then walks at the nearest enemy. Robots on the spawn ring leave it before
// it is cleared. Numbers win the fights it starts, but it pays the first hit when it steps in.
// Deterministic: ties go to the first direction in STEP order.
// Protocol: one JSON request per stdin line, one {"actions": ...} line back.
const STEP = { north: [0, -1], east: [1, 0], south: [0, 1], west: [-1, 0] };
const key = (x, y) => `${x},${y}`;
const dist = (a, b) => Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
/** Robots within this many steps of the leader count as gathered. */
const GATHERED = 3;

function turn(req) {
  const walls = new Set(req.map.walls.map((w) => key(w.x, w.y)));
  const spawn = new Set(req.map.spawn.map((p) => key(p.x, p.y)));
  const taken = new Set(req.units.map((u) => key(u.x, u.y)));
  const enemies = req.units.filter((u) => u.team !== req.team);
  const mine = req.units.filter((u) => u.team === req.team);
  const centre = { x: (req.map.size - 1) / 2, y: (req.map.size - 1) / 2 };
  const every = req.spawnEvery;
  const leaving = every > 0 && (req.turn % every === 0 || (req.turn + 1) % every === 0) && req.turn < req.maxTurns;
  const damage = new Map(); // enemy id -> attacks planned this turn
  const actions = {};
  if (mine.length === 0) return { actions };

  const mass =
    enemies.length === 0
      ? centre
      : {
          x: enemies.reduce((s, e) => s + e.x, 0) / enemies.length,
          y: enemies.reduce((s, e) => s + e.y, 0) / enemies.length,
        };
  const leader = mine.reduce((a, b) => (dist(b, mass) < dist(a, mass) ? b : a));
  const gathered = mine.filter((u) => dist(u, leader) <= GATHERED).length * 2 > mine.length;

  /** Moves `u` one free step closer to `target` (off the spawn ring when it is about to be cleared). */
  function walk(u, target) {
    const onRing = (x, y) => spawn.has(key(x, y));
    let best = null;
    for (const [direction, [dx, dy]] of Object.entries(STEP)) {
      const x = u.x + dx;
      const y = u.y + dy;
      if (walls.has(key(x, y)) || taken.has(key(x, y))) continue;
      const score = Math.abs(target.x - x) + Math.abs(target.y - y) + (leaving && onRing(x, y) ? 100 : 0);
      if (!best || score < best.score) best = { direction, score, k: key(x, y) };
    }
    const here = Math.abs(target.x - u.x) + Math.abs(target.y - u.y) + (leaving && onRing(u.x, u.y) ? 100 : 0);
    if (best && best.score < here) {
      taken.add(best.k);
      actions[u.id] = { type: 'move', direction: best.direction };
    }
  }

  /** A free cell next to `u` that an enemy two steps away would step into: attacks land after moves. */
  function ambush(u) {
    return Object.keys(STEP).find((d) => {
      const c = { x: u.x + STEP[d][0], y: u.y + STEP[d][1] };
      return !walls.has(key(c.x, c.y)) && !taken.has(key(c.x, c.y)) && enemies.some((e) => dist(e, c) === 1);
    });
  }

  for (const u of mine) {
    const adjacent = enemies.filter((e) => dist(e, u) === 1);
    if (adjacent.length > 0) {
      const left = (e) => e.health - (damage.get(e.id) ?? 0);
      const t = adjacent.reduce((a, b) => (left(b) < left(a) ? b : a));
      damage.set(t.id, (damage.get(t.id) ?? 0) + 1);
      const direction = Object.keys(STEP).find((d) => u.x + STEP[d][0] === t.x && u.y + STEP[d][1] === t.y);
      actions[u.id] = { type: 'attack', direction };
    } else if (ambush(u)) {
      actions[u.id] = { type: 'attack', direction: ambush(u) };
    } else if (u === leader) {
      if (gathered && enemies.length > 0) walk(u, enemies.reduce((a, b) => (dist(a, u) <= dist(b, u) ? a : b)));
      else if (leaving) walk(u, centre);
    } else {
      walk(u, leader);
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
