// Reference BattleSnake bot "greedy-food" (weak): among the moves that do not hit a wall or a body
// right away, take the one that brings the head closest (Manhattan) to the nearest food. It never
// looks at free space or at other heads, so it grows fast and then boxes itself in or loses
// head-to-heads. Deterministic: ties go to the first move in DIRS order.
// Protocol: one JSON request per stdin line; reply to "move" with one {"move": ...} line.

const DIRS = { up: [0, 1], down: [0, -1], left: [-1, 0], right: [1, 0] };
const key = (x, y) => `${x},${y}`;

/** Cells a head entering next turn would die on: bodies, minus tails that will move. */
function blockedCells(board) {
  const blocked = new Set();
  for (const s of board.snakes) {
    const b = s.body;
    const ate = b.length >= 2 && b[b.length - 1].x === b[b.length - 2].x && b[b.length - 1].y === b[b.length - 2].y;
    for (const p of ate ? b : b.slice(0, -1)) blocked.add(key(p.x, p.y));
  }
  return blocked;
}

function chooseMove(req) {
  const { width, height, food } = req.board;
  const blocked = blockedCells(req.board);
  const head = req.you.head;
  let best = null;
  for (const [move, [dx, dy]] of Object.entries(DIRS)) {
    const x = head.x + dx;
    const y = head.y + dy;
    if (x < 0 || y < 0 || x >= width || y >= height || blocked.has(key(x, y))) continue;
    const d = food.length === 0 ? 0 : Math.min(...food.map((f) => Math.abs(f.x - x) + Math.abs(f.y - y)));
    if (!best || d < best.d) best = { move, d };
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
