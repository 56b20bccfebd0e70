// Reference RobotRumble bot "turtle" (defensive): robots never chase. Each walks off the spawn
// ring to the nearest inner cell (two steps from any wall, so spawn clearing cannot catch it) and
// holds there; it attacks an adjacent enemy (the one closest to death, focus fire across robots)
// or, with an enemy two steps away, the empty cell between, where that enemy would step (attacks
// land after moves). It wins fights that come to it and starts none, so it draws against another
// waiting team. Deterministic: ties go to the first direction in STEP order.
// Protocol: one JSON request per stdin line, one {"actions": ...} line back.
const STEP = { north: [0, -1], east: [1, 0], south: [0, 1], west: [-1, 0] };
const key = (x, y) => `${x},${y}`;
const dist = (a, b) => Math.abs(a.x - b.x) + Math.abs(a.y - b.y);

function turn(req) {
  const walls = new Set(req.map.walls.map((w) => key(w.x, w.y)));
  const spawn = new Set(req.map.spawn.map((p) => key(p.x, p.y)));
  const taken = new Set(req.units.map((u) => key(u.x, u.y)));
  const enemies = req.units.filter((u) => u.team !== req.team);
  const damage = new Map(); // enemy id -> attacks planned this turn
  const ambushed = new Set();
  const centre = (req.map.size - 1) / 2;
  const actions = {};
  for (const u of req.units) {
    if (u.team !== req.team) continue;
    const adjacent = enemies.filter((e) => dist(e, u) === 1);
    if (adjacent.length > 0) {
      const left = (e) => e.health - (damage.get(e.id) ?? 0);
      const t = adjacent.reduce((a, b) => (left(b) < left(a) ? b : a));
      damage.set(t.id, (damage.get(t.id) ?? 0) + 1);
      const direction = Object.keys(STEP).find((d) => u.x + STEP[d][0] === t.x && u.y + STEP[d][1] === t.y);
      actions[u.id] = { type: 'attack', direction };
      continue;
    }
    const ambush = Object.entries(STEP).find(([, [dx, dy]]) => {
      const c = { x: u.x + dx, y: u.y + dy };
      const k = key(c.x, c.y);
      return !walls.has(k) && !taken.has(k) && !ambushed.has(k) && enemies.some((e) => dist(e, c) === 1);
    });
    if (ambush) {
      ambushed.add(key(u.x + ambush[1][0], u.y + ambush[1][1]));
      actions[u.id] = { type: 'attack', direction: ambush[0] };
      continue;
    }
    if (!spawn.has(key(u.x, u.y))) continue;
    // On the spawn ring: step to a free cell nearer the centre, preferring one off the ring.
    let best = null;
    for (const [direction, [dx, dy]] of Object.entries(STEP)) {
      const c = { x: u.x + dx, y: u.y + dy };
      const k = key(c.x, c.y);
      if (walls.has(k) || taken.has(k) || ambushed.has(k)) continue;
      const score = (spawn.has(k) ? 100 : 0) + Math.abs(c.x - centre) + Math.abs(c.y - centre);
      if (!best || score < best.score) best = { direction, score, k };
    }
    if (best) {
      taken.add(best.k);
      actions[u.id] = { type: 'move', direction: best.direction };
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
