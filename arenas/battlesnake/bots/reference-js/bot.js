// Reference BattleSnake bot: iterative-deepening paranoid alpha-beta over simultaneous moves
// (we move, then nearby opponents answer knowing our move), leaves scored by Voronoi territory,
// length and food. No dependencies and no imports, so it runs as CommonJS or ESM on Node 18+.
// Protocol: one JSON request per stdin line; reply to "move" with one {"move": ...} line.

const DIRS = ['up', 'down', 'left', 'right'];
const DX = [0, 0, -1, 1];
const DY = [1, -1, 0, 0];
const WIN = 1e6;
/** Opponents whose head is farther than this (Manhattan) from ours move greedily, unsearched. */
const SEARCH_RADIUS = 7;
const MAX_DEPTH = 40;
// Search effort is a node budget, not a clock, so the bot plays the same move on any machine
// (games stay reproducible from their seed); the clock is only a backstop far below the deadline.
// That clock is this process's CPU time, like the host's turn budget: a wall clock would bind on
// a busy host and change the moves.
const NODE_BUDGET = 400;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

let W = 11;
let H = 11;
// Scratch buffers for the territory BFS, reallocated only when the board size changes.
let dist = new Int16Array(W * H);
let owner = new Int8Array(W * H);
let blocked = new Uint8Array(W * H);
let queue = new Int32Array(W * H);

function setBoard(w, h) {
  if (w === W && h === H && dist.length === w * h) return;
  W = w;
  H = h;
  dist = new Int16Array(w * h);
  owner = new Int8Array(w * h);
  blocked = new Uint8Array(w * h);
  queue = new Int32Array(w * h);
}

/** The neighbouring cell in direction d, or -1 off the board. Cells are y*W+x. */
function stepCell(c, d) {
  const x = (c % W) + DX[d];
  const y = ((c / W) | 0) + DY[d];
  return x < 0 || x >= W || y < 0 || y >= H ? -1 : y * W + x;
}

/** Would a head entering `c` next turn hit a body? Tails that will move are free. */
function occupiedNextTurn(st, c) {
  for (const s of st.snakes) {
    if (!s.alive) continue;
    const b = s.body;
    const n = b.length;
    const last = n >= 2 && b[n - 1] === b[n - 2] ? n : n - 1;
    for (let k = 0; k < last; k++) if (b[k] === c) return true;
  }
  return false;
}

function plausibleMoves(st, i) {
  const head = st.snakes[i].body[0];
  const out = [];
  for (let d = 0; d < 4; d++) {
    const c = stepCell(head, d);
    if (c >= 0 && !occupiedNextTurn(st, c)) out.push(d);
  }
  return out;
}

/** One turn of the standard rules (no food spawn): move, health −1, feed, eliminate. */
function simulate(st, moves) {
  const snakes = st.snakes.map((s, i) => {
    if (!s.alive) return s;
    const nh = stepCell(s.body[0], moves[i]);
    const body = s.body.slice(0, -1);
    body.unshift(nh);
    return { body, health: s.health - 1, alive: true };
  });
  let food = st.food;
  for (const s of snakes) {
    if (!s.alive || s.body[0] < 0) continue;
    const k = food.indexOf(s.body[0]);
    if (k >= 0) {
      s.health = 100;
      s.body.push(s.body[s.body.length - 1]);
    }
  }
  if (snakes.some((s) => s.alive && food.includes(s.body[0]))) {
    food = food.filter((f) => !snakes.some((s) => s.alive && s.body[0] === f));
  }
  for (const s of snakes) if (s.alive && (s.body[0] < 0 || s.health <= 0)) s.alive = false;
  const dead = [];
  for (let i = 0; i < snakes.length; i++) {
    const s = snakes[i];
    if (!s.alive || st.snakes[i] === s) continue;
    const h = s.body[0];
    let dies = false;
    for (const o of snakes) {
      if (!o.alive) continue;
      for (let k = 1; k < o.body.length && !dies; k++) if (o.body[k] === h) dies = true;
      if (!dies && o !== s && o.body[0] === h && s.body.length <= o.body.length) dies = true;
      if (dies) break;
    }
    if (dies) dead.push(s);
  }
  for (const s of dead) s.alive = false;
  return { snakes, food };
}

/** Multi-source BFS from every head: cells reached first belong to that snake (ties: longer). */
function territory(st) {
  const n = st.snakes.length;
  const area = new Array(n).fill(0);
  const foodDist = new Array(n).fill(Infinity);
  blocked.fill(0);
  dist.fill(-1);
  for (const s of st.snakes) {
    if (!s.alive) continue;
    for (let k = 0; k < s.body.length - 1; k++) blocked[s.body[k]] = 1;
  }
  let qh = 0;
  let qt = 0;
  for (let i = 0; i < n; i++) {
    const s = st.snakes[i];
    if (!s.alive) continue;
    const h = s.body[0];
    dist[h] = 0;
    owner[h] = i;
    queue[qt++] = h;
  }
  const isFood = new Uint8Array(W * H);
  for (const f of st.food) isFood[f] = 1;
  while (qh < qt) {
    const c = queue[qh++];
    const o = owner[c];
    if (o < 0) continue; // contested cells spread to no one
    for (let d = 0; d < 4; d++) {
      const m = stepCell(c, d);
      if (m < 0 || blocked[m]) continue;
      if (dist[m] === -1) {
        dist[m] = dist[c] + 1;
        owner[m] = o;
        queue[qt++] = m;
      } else if (dist[m] === dist[c] + 1 && owner[m] !== o && owner[m] >= 0) {
        const lo = st.snakes[o].body.length;
        const lm = st.snakes[owner[m]].body.length;
        owner[m] = lo > lm ? o : lo < lm ? owner[m] : -1;
      }
    }
  }
  for (let q = 0; q < qt; q++) {
    const c = queue[q];
    const o = owner[c];
    if (o < 0 || dist[c] === 0) continue;
    area[o]++;
    if (isFood[c] && dist[c] < foodDist[o]) foodDist[o] = dist[c];
  }
  return { area, foodDist };
}

function evaluate(st, ply) {
  const me = st.snakes[0];
  if (!me.alive) return -WIN + ply * 1000; // dying later is better
  const opps = st.snakes.filter((s, i) => i > 0 && s.alive);
  if (opps.length === 0) return WIN - ply * 1000;
  const { area, foodDist } = territory(st);
  const myLen = me.body.length;
  let score = 0;
  let maxOppArea = 0;
  let maxOppLen = 0;
  for (let i = 1; i < st.snakes.length; i++) {
    const s = st.snakes[i];
    if (!s.alive) continue;
    maxOppArea = Math.max(maxOppArea, area[i]);
    maxOppLen = Math.max(maxOppLen, s.body.length);
    if (area[i] < s.body.length) score += (s.body.length - area[i]) * 15; // they are boxed in
  }
  score += area[0] * 4 - maxOppArea * 2;
  if (area[0] < myLen) score -= (myLen - area[0]) * 60; // we are boxed in
  const lenDiff = myLen - maxOppLen;
  score += Math.max(-6, Math.min(lenDiff, 4)) * 30 - opps.length * 40;
  const hungry = me.health < 40 || lenDiff < 2;
  const fd = foodDist[0];
  if (fd === Infinity) score -= hungry ? 40 : 0;
  else score -= fd * (hungry ? 6 : 1);
  if (fd > me.health) score -= 400; // would starve before reaching food we own
  return score + me.health * 0.1;
}

class TimeUp extends Error {}

function makeSearch(searched, deadline, budget) {
  let nodes = 0;
  const greedy = (st, i) => {
    const moves = plausibleMoves(st, i);
    return moves.length > 0 ? moves[0] : 0;
  };
  const jointReplies = (st) => {
    const lists = searched.map((i) => (st.snakes[i].alive ? plausibleMoves(st, i) : [0]));
    const out = [[]];
    for (const l of lists) {
      const opts = l.length > 0 ? l : [0];
      const next = [];
      for (const partial of out) for (const d of opts) next.push(partial.concat(d));
      out.length = 0;
      out.push(...next);
    }
    return out;
  };
  const fullMoves = (st, mine, replies) => {
    const moves = st.snakes.map((s, i) => (i === 0 || !s.alive ? 0 : searched.includes(i) ? -1 : greedy(st, i)));
    moves[0] = mine;
    searched.forEach((i, k) => (moves[i] = replies[k]));
    return moves;
  };
  /** Value of `st` for us with `depth` more turns to search. */
  function value(st, depth, ply, alpha, beta) {
    if (++nodes > budget || ((nodes & 31) === 0 && cpuMs() > deadline)) throw new TimeUp();
    const me = st.snakes[0];
    const oppsAlive = st.snakes.some((s, i) => i > 0 && s.alive);
    if (depth === 0 || !me.alive || !oppsAlive) return evaluate(st, ply);
    let mine = plausibleMoves(st, 0);
    if (mine.length === 0) mine = [0];
    const replies = jointReplies(st);
    let best = -Infinity;
    for (const m of mine) {
      let worst = Infinity;
      for (const r of replies) {
        const v = value(simulate(st, fullMoves(st, m, r)), depth - 1, ply + 1, alpha, Math.min(beta, worst));
        if (v < worst) worst = v;
        if (worst <= alpha) break;
      }
      if (worst > best) best = worst;
      if (best > alpha) alpha = best;
      if (best >= beta) break;
    }
    return best;
  }
  /** Scores each of our root moves at `depth` (exact values: no root window). */
  function root(st, order, depth) {
    const replies = jointReplies(st);
    return order.map((m) => {
      let worst = Infinity;
      for (const r of replies) {
        const v = value(simulate(st, fullMoves(st, m, r)), depth - 1, 1, -Infinity, worst);
        if (v < worst) worst = v;
      }
      return { m, v: worst };
    });
  }
  return { root, greedy };
}

function toState(req) {
  setBoard(req.board.width, req.board.height);
  const cell = (p) => p.y * W + p.x;
  const meId = req.you.id;
  const others = req.board.snakes.filter((s) => s.id !== meId);
  const snakes = [req.you, ...others].map((s) => ({ body: s.body.map(cell), health: s.health, alive: true }));
  return { snakes, food: req.board.food.map(cell) };
}

function chooseMove(req) {
  const started = cpuMs();
  const timeout = Number(req.game && req.game.timeout) || 500;
  const deadline = started + Math.max(20, Math.min(timeout * 0.5, 300));
  const st = toState(req);
  const head = st.snakes[0].body[0];
  const manhattan = (a, b) => Math.abs((a % W) - (b % W)) + Math.abs(((a / W) | 0) - ((b / W) | 0));
  const searched = [];
  for (let i = 1; i < st.snakes.length; i++) if (manhattan(head, st.snakes[i].body[0]) <= SEARCH_RADIUS) searched.push(i);
  const search = makeSearch(searched, deadline, NODE_BUDGET);

  let order = plausibleMoves(st, 0);
  if (order.length === 0) return 'up';
  if (order.length === 1) return DIRS[order[0]];
  let best = order[0];
  for (let depth = 1; depth <= MAX_DEPTH; depth++) {
    let scored;
    try {
      scored = search.root(st, order, depth);
    } catch (err) {
      if (err instanceof TimeUp) break;
      throw err;
    }
    scored.sort((a, b) => b.v - a.v);
    best = scored[0].m;
    order = scored.map((s) => s.m);
    // A forced win or loss at this depth will not change with more depth.
    if (Math.abs(scored[0].v) > WIN / 2 && Math.abs(scored[scored.length - 1].v) > WIN / 2) break;
  }
  return DIRS[best];
}

function handle(line) {
  let req;
  try {
    req = JSON.parse(line);
  } catch {
    process.stderr.write(`ignoring a line that is not JSON\n`);
    return;
  }
  if (req.type !== 'move') return;
  let move = 'up';
  try {
    move = chooseMove(req);
  } catch (err) {
    process.stderr.write(`${err && err.stack ? err.stack : err}\n`);
  }
  process.stdout.write(JSON.stringify({ move }) + '\n');
}

let buffered = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  buffered += chunk;
  let nl;
  while ((nl = buffered.indexOf('\n')) >= 0) {
    const line = buffered.slice(0, nl).trim();
    buffered = buffered.slice(nl + 1);
    if (line) handle(line);
  }
});
