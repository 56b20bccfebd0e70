// Reference RobotRumble bot "rusher" (weak): every robot attacks an adjacent enemy (the weakest),
// otherwise steps straight toward the nearest enemy. No ambushes, no care for spawn clearing or
// for walking into an enemy's reach, so it pays the first hit in every fight it starts and loses
// robots left on spawn points. Deterministic: ties go to the first direction in STEP order.
// Protocol: one JSON request per stdin line, one {"actions": ...} line back.
const STEP = { north: [0, -1], east: [1, 0], south: [0, 1], west: [-1, 0] };
const key = (x, y) => `${x},${y}`;
const dist = (a, b) => Math.abs(a.x - b.x) + Math.abs(a.y - b.y);

function turn(req) {
  const walls = new Set(req.map.walls.map((w) => key(w.x, w.y)));
  const taken = new Set(req.units.map((u) => key(u.x, u.y)));
  const enemies = req.units.filter((u) => u.team !== req.team);
  const actions = {};
  for (const u of req.units) {
    if (u.team !== req.team || enemies.length === 0) continue;
    const adjacent = enemies.filter((e) => dist(e, u) === 1).sort((a, b) => a.health - b.health);
    if (adjacent.length > 0) {
      const t = adjacent[0];
      const direction = Object.keys(STEP).find((d) => u.x + STEP[d][0] === t.x && u.y + STEP[d][1] === t.y);
      actions[u.id] = { type: 'attack', direction };
      continue;
    }
    const target = enemies.reduce((a, b) => (dist(a, u) <= dist(b, u) ? a : b));
    let best = null;
    for (const [direction, [dx, dy]] of Object.entries(STEP)) {
      const c = { x: u.x + dx, y: u.y + dy };
      if (walls.has(key(c.x, c.y)) || taken.has(key(c.x, c.y))) continue;
      if (!best || dist(c, target) < best.d) best = { direction, d: dist(c, target), c };
    }
    if (best && best.d < dist(u, target)) {
      taken.add(key(best.c.x, best.c.y));
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
