// Reference BattleSnake bot "territory" (strong-ish): a one-ply paranoid search. For each of our
// safe moves it plays every joint reply of the rivals whose heads are close enough to meet ours
// (head-to-heads and body hits resolved as in the rules) and keeps the worst case; a position is
// scored by Voronoi territory (cells our head reaches strictly first), length lead, food distance
// and how boxed in each snake is. It sees one turn ahead only, so it walks into traps that
// reference-js's deeper search avoids. Deterministic: no randomness, ties go to DIRS order.
// Protocol: one JSON request per stdin line; reply to "move" with one {"move": ...} line.

const DIRS = ['up', 'down', 'left', 'right'];
const DX = [0, 0, -1, 1];
const DY = [1, -1, 0, 0];
const WIN = 1e6;
/** Rivals whose head is at most this far (Manhattan) from ours are searched; others hold still. */
const CONTEST_RADIUS = 4;

/** The snakes as { body: cell[], health } with cells y*W+x; index 0 is us. */
function toState(req) {
  const W = req.board.width;
  const cell = (p) => p.y * W + p.x;
  const others = req.board.snakes.filter((s) => s.id !== req.you.id);
  return {
    W,
    H: req.board.height,
    snakes: [req.you, ...others].map((s) => ({ body: s.body.map(cell), health: s.health, alive: true })),
    food: req.board.food.map(cell),
  };
}

function neighbour(st, c, d) {
  const x = (c % st.W) + DX[d];
  const y = Math.floor(c / st.W) + DY[d];
  return x < 0 || y < 0 || x >= st.W || y >= st.H ? -1 : y * st.W + x;
}

/** Moves that do not hit a wall or a body that will still be there next turn. */
function safeMoves(st, i) {
  const blocked = new Set();
  for (const s of st.snakes) {
    const b = s.body;
    const ate = b.length >= 2 && b[b.length - 1] === b[b.length - 2];
    for (let k = 0; k < (ate ? b.length : b.length - 1); k++) blocked.add(b[k]);
  }
  const out = [];
  for (let d = 0; d < 4; d++) {
    const c = neighbour(st, st.snakes[i].body[0], d);
    if (c >= 0 && !blocked.has(c)) out.push(d);
  }
  return out;
}

/** One turn: moves[i] is a direction, or -1 for a snake that holds still (tail follows). */
function simulate(st, moves) {
  const snakes = st.snakes.map((s, i) => {
    const body = s.body.slice(0, -1);
    body.unshift(moves[i] < 0 ? s.body[0] : neighbour(st, s.body[0], moves[i]));
    return { body, health: s.health - 1, alive: body[0] >= 0 };
  });
  for (const s of snakes) {
    if (s.alive && st.food.includes(s.body[0])) {
      s.health = 100;
      s.body.push(s.body[s.body.length - 1]);
    }
    if (s.health <= 0) s.alive = false;
  }
  const dead = snakes.map((s, i) => {
    if (!s.alive || moves[i] < 0) return !s.alive;
    const h = s.body[0];
    return snakes.some(
      (o) => o.alive && (o.body.indexOf(h, 1) > 0 || (o !== s && o.body[0] === h && o.body.length >= s.body.length)),
    );
  });
  snakes.forEach((s, i) => (s.alive = !dead[i]));
  return { ...st, snakes, food: st.food.filter((f) => !snakes.some((s) => s.alive && s.body[0] === f)) };
}

/** Multi-source BFS from the heads: cells one snake reaches strictly first are its own. */
function voronoi(st) {
  const n = st.snakes.length;
  const area = new Array(n).fill(0);
  const foodDist = new Array(n).fill(Infinity);
  const dist = new Int16Array(st.W * st.H).fill(-1);
  const owner = new Int8Array(st.W * st.H).fill(-1);
  for (const s of st.snakes) if (s.alive) for (let k = 0; k < s.body.length - 1; k++) dist[s.body[k]] = -2;
  const food = new Set(st.food);
  const queue = [];
  st.snakes.forEach((s, i) => {
    if (!s.alive) return;
    dist[s.body[0]] = 0;
    owner[s.body[0]] = i;
    queue.push(s.body[0]);
  });
  for (let q = 0; q < queue.length; q++) {
    const c = queue[q];
    if (owner[c] < 0) continue; // contested cells spread to no one
    for (let d = 0; d < 4; d++) {
      const m = neighbour(st, c, d);
      if (m < 0 || dist[m] === -2) continue;
      if (dist[m] === -1) {
        dist[m] = dist[c] + 1;
        owner[m] = owner[c];
        queue.push(m);
        area[owner[c]]++;
        if (food.has(m) && dist[m] < foodDist[owner[c]]) foodDist[owner[c]] = dist[m];
      } else if (dist[m] === dist[c] + 1 && owner[m] >= 0 && owner[m] !== owner[c]) {
        area[owner[m]]--;
        owner[m] = -1;
      }
    }
  }
  return { area, foodDist };
}

function evaluate(st) {
  const me = st.snakes[0];
  if (!me.alive) return -WIN;
  const rivals = st.snakes.filter((s, i) => i > 0 && s.alive);
  if (rivals.length === 0) return WIN;
  const { area, foodDist } = voronoi(st);
  const myLen = me.body.length;
  const longest = Math.max(...rivals.map((s) => s.body.length));
  let score = area[0] * 3 - rivals.length * 60;
  if (area[0] < myLen) score -= (myLen - area[0]) * 50;
  st.snakes.forEach((s, i) => {
    if (i > 0 && s.alive && area[i] < s.body.length) score += (s.body.length - area[i]) * 10;
  });
  score += Math.max(-5, Math.min(myLen - longest, 3)) * 25;
  const fd = foodDist[0];
  const hungry = me.health < 40 || myLen <= longest + 1;
  if (fd < Infinity) score -= fd * (hungry ? 5 : 1);
  if (fd > me.health) score -= 300;
  return score;
}

function chooseMove(req) {
  const st = toState(req);
  const head = st.snakes[0].body[0];
  const far = (c) => Math.abs((c % st.W) - (head % st.W)) + Math.abs(Math.floor(c / st.W) - Math.floor(head / st.W));
  const contested = [];
  for (let i = 1; i < st.snakes.length; i++) if (far(st.snakes[i].body[0]) <= CONTEST_RADIUS) contested.push(i);
  // Every joint reply of the contested rivals (a rival with no safe move still moves, and dies).
  let replies = [[]];
  for (const i of contested) {
    const ms = safeMoves(st, i);
    const opts = ms.length > 0 ? ms : [0];
    replies = replies.flatMap((r) => opts.map((d) => [...r, d]));
  }
  const mine = safeMoves(st, 0);
  let best = { d: mine.length > 0 ? mine[0] : 0, v: -Infinity };
  for (const d of mine) {
    let worst = Infinity;
    for (const r of replies) {
      const moves = st.snakes.map(() => -1);
      moves[0] = d;
      contested.forEach((i, k) => (moves[i] = r[k]));
      worst = Math.min(worst, evaluate(simulate(st, moves)));
      if (worst <= best.v) break;
    }
    if (worst > best.v) best = { d, v: worst };
  }
  return DIRS[best.d];
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
