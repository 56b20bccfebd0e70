// Reference BattleSnake bot "flood-fill" (middling): scores each safe move by the free space a
// flood fill reaches from it (enough room for its own body is what counts; a body cell counts as
// free once its snake's tail will have left it by the time the fill gets there), steps next to the
// head of an equal or longer snake only when it must, and walks the shortest path to food when
// hungry or not longer than every rival. One ply, no model of the opponents' replies beyond the
// head-to-head squares. Deterministic: ties go to the first move in DIRS order.
// Protocol: one JSON request per stdin line; reply to "move" with one {"move": ...} line.

const DIRS = { up: [0, 1], down: [0, -1], left: [-1, 0], right: [1, 0] };
const key = (x, y) => `${x},${y}`;

function chooseMove(req) {
  const { width, height, food, snakes } = req.board;
  const me = req.you;
  // Turns a body cell stays taken: a head may enter segment k of a snake of length n after n - k
  // moves (a snake that has just eaten lists its tail twice, which delays it by one), so the fill
  // may pass where a tail will have gone. Food eaten later is not foreseen.
  const freeAfter = new Map();
  for (const s of snakes) {
    s.body.forEach((p, k) => {
      const c = key(p.x, p.y);
      freeAfter.set(c, Math.max(freeAfter.get(c) ?? 0, s.body.length - k - 1));
    });
  }
  const blockedAt = (k, depth) => (freeAfter.get(k) ?? 0) >= depth;
  const inside = (x, y) => x >= 0 && y >= 0 && x < width && y < height;
  const foodCells = new Set(food.map((f) => key(f.x, f.y)));
  const risky = new Set();
  let longestRival = 0;
  for (const s of snakes) {
    if (s.id === me.id) continue;
    longestRival = Math.max(longestRival, s.length);
    if (s.length < me.length) continue;
    for (const [dx, dy] of Object.values(DIRS)) risky.add(key(s.head.x + dx, s.head.y + dy));
  }

  /** Free cells reachable from (x, y) (which our head now fills), and the distance to the nearest food. */
  function flood(x, y) {
    const seen = new Set([key(x, y)]);
    let frontier = [[x, y]];
    let area = 0;
    let foodDist = foodCells.has(key(x, y)) ? 0 : Infinity;
    for (let depth = 1; frontier.length > 0; depth++) {
      const next = [];
      for (const [cx, cy] of frontier) {
        for (const [dx, dy] of Object.values(DIRS)) {
          const nx = cx + dx;
          const ny = cy + dy;
          const k = key(nx, ny);
          if (!inside(nx, ny) || seen.has(k) || blockedAt(k, depth + 1)) continue;
          seen.add(k);
          area++;
          if (foodCells.has(k) && depth < foodDist) foodDist = depth;
          next.push([nx, ny]);
        }
      }
      frontier = next;
    }
    return { area, foodDist };
  }

  const hungry = me.health < 50 || me.length <= longestRival + 1;
  let best = null;
  for (const [move, [dx, dy]] of Object.entries(DIRS)) {
    const x = me.head.x + dx;
    const y = me.head.y + dy;
    if (!inside(x, y) || blockedAt(key(x, y), 1)) continue;
    const { area, foodDist } = flood(x, y);
    // Room beyond twice our length does not make a move safer; below our length it is a trap.
    let score = Math.min(area, 2 * me.length) * 10;
    if (area < me.length) score -= 1000;
    if (risky.has(key(x, y))) score -= 500;
    if (foodDist < Infinity && (hungry || foodDist <= 1)) score -= foodDist * (me.health < 20 ? 20 : 5);
    if (foodDist > me.health) score -= 800; // would starve on the way
    if (!best || score > best.score) best = { move, score };
  }
  return best ? best.move : 'up';
}

let buffered = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  buffered += chunk;
  let nl;
  while ((nl = buffered.indexOf('\n')) >= 0) {
    const line = buffered.slice(0, nl).trim();
    buffered = buffered.slice(nl + 1);
    if (!line) continue;
    const req = JSON.parse(line);
    if (req.type === 'move') process.stdout.write(JSON.stringify({ move: chooseMove(req) }) + '\n');
  }
});
