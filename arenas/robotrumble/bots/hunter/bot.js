// A stronger reference bot speaking the protocol directly (no adapter). Per unit, in id order:
//  - next to enemies: attack the one closest to death (focus fire across units);
//  - an enemy two steps away: attack the cell between, where it would step (attacks land after
//    moves, so a chaser walking in takes the hit);
//  - on a spawn point shortly before the spawn area is cleared: step inward;
//  - otherwise: step toward the nearest enemy, never into a cell two enemies can reach, and never
//    onto a cell another of our units already claimed this turn.
// No dependencies and no imports, so it runs as CommonJS or ESM.
const STEP = { north: [0, -1], east: [1, 0], south: [0, 1], west: [-1, 0] };
const DIRS = Object.keys(STEP);
const key = (x, y) => `${x},${y}`;
const dist = (a, b) => Math.abs(a.x - b.x) + Math.abs(a.y - b.y);

function turn(req) {
  const size = req.map.size;
  const centre = { x: (size - 1) / 2, y: (size - 1) / 2 };
  const walls = new Set(req.map.walls.map((w) => key(w.x, w.y)));
  const spawn = new Set(req.map.spawn.map((p) => key(p.x, p.y)));
  const occupied = new Map(req.units.map((u) => [key(u.x, u.y), u]));
  const enemies = req.units.filter((u) => u.team !== req.team);
  const mine = req.units.filter((u) => u.team === req.team);
  const damage = new Map(); // enemy id -> attacks planned this turn
  const claimed = new Set();
  const every = req.spawnEvery;
  const toClear = every > 0 ? (every - (req.turn % every)) % every : Infinity; // 0: this turn is the last
  const leaving = toClear <= 1;
  const actions = {};
  const open = (x, y) => !walls.has(key(x, y)) && !occupied.has(key(x, y)) && !claimed.has(key(x, y));
  const threat = (x, y) => enemies.filter((e) => Math.abs(e.x - x) + Math.abs(e.y - y) <= 1).length;

  for (const u of mine) {
    const adj = enemies.filter((e) => dist(e, u) === 1);
    if (adj.length > 0) {
      adj.sort((a, b) => a.health - (damage.get(a.id) ?? 0) - (b.health - (damage.get(b.id) ?? 0)) || a.health - b.health);
      const t = adj[0];
      damage.set(t.id, (damage.get(t.id) ?? 0) + 1);
      actions[u.id] = { type: 'attack', direction: DIRS.find((d) => u.x + STEP[d][0] === t.x && u.y + STEP[d][1] === t.y) };
      continue;
    }
    const onSpawn = spawn.has(key(u.x, u.y));
    if (!(onSpawn && leaving)) {
      const near2 = enemies.filter((e) => dist(e, u) === 2);
      const ambush = DIRS.find((d) => {
        const x = u.x + STEP[d][0];
        const y = u.y + STEP[d][1];
        return !walls.has(key(x, y)) && !occupied.has(key(x, y)) && near2.some((e) => Math.abs(e.x - x) + Math.abs(e.y - y) === 1);
      });
      if (ambush) {
        actions[u.id] = { type: 'attack', direction: ambush };
        continue;
      }
    }
    let target = centre;
    if (!(onSpawn && leaving) && enemies.length > 0)
      target = enemies.reduce((a, b) => (dist(a, u) <= dist(b, u) ? a : b));
    let best = null;
    for (const d of DIRS) {
      const x = u.x + STEP[d][0];
      const y = u.y + STEP[d][1];
      if (!open(x, y)) continue;
      if (onSpawn && leaving && spawn.has(key(x, y))) continue;
      if (!onSpawn && leaving && spawn.has(key(x, y))) continue;
      if (threat(x, y) >= 2) continue;
      const score = Math.abs(target.x - x) + Math.abs(target.y - y);
      if (!best || score < best.score) best = { score, d, x, y };
    }
    const here = Math.abs(target.x - u.x) + Math.abs(target.y - u.y);
    if (best && (best.score < here || (onSpawn && leaving))) {
      claimed.add(key(best.x, best.y));
      actions[u.id] = { type: 'move', direction: best.d };
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
