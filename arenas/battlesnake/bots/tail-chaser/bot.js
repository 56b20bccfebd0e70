// Reference BattleSnake bot "tail-chaser" (weak to middling): it stays short and safe by following
// its own tail along a shortest path (the tail cell is always freed in time), leaves that loop only
// to eat when hungry, and never steps next to the head of a snake at least as long as itself when
// another move exists. It grows only to survive, so it loses head-to-heads later in the game and
// is outgrown by snakes that eat. Deterministic: ties go to the first move in DIRS order.
// Protocol: one JSON request per stdin line; reply to "move" with one {"move": ...} line.

const DIRS = { up: [0, 1], down: [0, -1], left: [-1, 0], right: [1, 0] };
/** Health at which it goes for food instead of its tail. */
const HUNGRY = 35;
const key = (x, y) => `${x},${y}`;

function chooseMove(req) {
  const { width, height, food, snakes } = req.board;
  const me = req.you;
  const blocked = new Set();
  for (const s of snakes) {
    const b = s.body;
    const ate = b.length >= 2 && b[b.length - 1].x === b[b.length - 2].x && b[b.length - 1].y === b[b.length - 2].y;
    for (const p of ate ? b : b.slice(0, -1)) blocked.add(key(p.x, p.y));
  }
  const inside = (x, y) => x >= 0 && y >= 0 && x < width && y < height;
  // Cells a head of an equal or longer snake can reach next turn: a head-to-head there kills us.
  const risky = new Set();
  for (const s of snakes) {
    if (s.id === me.id || s.length < me.length) continue;
    for (const [dx, dy] of Object.values(DIRS)) risky.add(key(s.head.x + dx, s.head.y + dy));
  }
  const safe = Object.entries(DIRS)
    .map(([move, [dx, dy]]) => ({ move, x: me.head.x + dx, y: me.head.y + dy }))
    .filter((m) => inside(m.x, m.y) && !blocked.has(key(m.x, m.y)));
  if (safe.length === 0) return 'up';
  const calm = safe.filter((m) => !risky.has(key(m.x, m.y)));
  const options = calm.length > 0 ? calm : safe;

  /** First move of a shortest path to one of `targets`; a target may be a body cell two steps on. */
  function pathTo(targets) {
    const seen = new Set(options.map((m) => key(m.x, m.y)));
    let frontier = options.map((m) => ({ move: m.move, x: m.x, y: m.y }));
    for (let depth = 1; frontier.length > 0; depth++) {
      for (const c of frontier) if (targets.has(key(c.x, c.y)) && (depth > 1 || !blocked.has(key(c.x, c.y)))) return c.move;
      const next = [];
      for (const c of frontier) {
        for (const [dx, dy] of Object.values(DIRS)) {
          const x = c.x + dx;
          const y = c.y + dy;
          const k = key(x, y);
          if (!inside(x, y) || seen.has(k) || (blocked.has(k) && !targets.has(k))) continue;
          seen.add(k);
          next.push({ move: c.move, x, y });
        }
      }
      frontier = next;
    }
    return null;
  }

  const tail = me.body[me.body.length - 1];
  const wantFood = me.health <= HUNGRY || me.length < 4;
  const chosen =
    (wantFood && pathTo(new Set(food.map((f) => key(f.x, f.y))))) ||
    pathTo(new Set([key(tail.x, tail.y)])) ||
    pathTo(new Set(food.map((f) => key(f.x, f.y))));
  if (chosen) return chosen;
  // No path to the tail or food: keep as close to the tail as the board allows.
  options.sort((a, b) => Math.abs(a.x - tail.x) + Math.abs(a.y - tail.y) - (Math.abs(b.x - tail.x) + Math.abs(b.y - tail.y)));
  return options[0].move;
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
