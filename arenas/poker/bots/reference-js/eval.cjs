// Seven-card hand evaluator for the reference bot: an integer that grows with hand value
// (category << 20 | tie-break ranks, 4 bits each). Card = rank * 4 + suit, rank 0..12 = 2..A.
// CommonJS with no dependencies, so it runs on the container's Node 18 as is.
'use strict';

const rankCount = new Int8Array(13);
const suitCount = new Int8Array(4);
const suitMask = new Int32Array(4);

/** Top rank of the best straight in a 13-bit rank mask, 3 for the wheel, -1 for none. */
function straightHigh(mask) {
  for (let top = 12; top >= 4; top--) {
    const m = 0x1f << (top - 4);
    if ((mask & m) === m) return top;
  }
  return (mask & 0x100f) === 0x100f ? 3 : -1;
}

/** The `k` highest ranks in `mask`, packed 4 bits each. */
function topRanks(mask, k) {
  let out = 0;
  for (let r = 12; r >= 0 && k > 0; r--) {
    if (mask & (1 << r)) {
      out = (out << 4) | r;
      k--;
    }
  }
  return out;
}

function evaluate(cards) {
  rankCount.fill(0);
  suitCount.fill(0);
  suitMask.fill(0);
  let rankMask = 0;
  for (let i = 0; i < cards.length; i++) {
    const c = cards[i];
    const r = c >> 2;
    const s = c & 3;
    rankCount[r]++;
    suitCount[s]++;
    suitMask[s] |= 1 << r;
    rankMask |= 1 << r;
  }
  let flushMask = 0;
  for (let s = 0; s < 4; s++) {
    if (suitCount[s] >= 5) {
      const sf = straightHigh(suitMask[s]);
      if (sf >= 0) return (8 << 20) | sf;
      flushMask = suitMask[s];
    }
  }
  let quads = -1, trip1 = -1, trip2 = -1, pair1 = -1, pair2 = -1;
  for (let r = 12; r >= 0; r--) {
    const n = rankCount[r];
    if (n === 4) quads = r;
    else if (n === 3) { if (trip1 < 0) trip1 = r; else if (trip2 < 0) trip2 = r; }
    else if (n === 2) { if (pair1 < 0) pair1 = r; else if (pair2 < 0) pair2 = r; }
  }
  if (quads >= 0) return (7 << 20) | (quads << 4) | topRanks(rankMask & ~(1 << quads), 1);
  if (trip1 >= 0 && (trip2 >= 0 || pair1 >= 0)) return (6 << 20) | (trip1 << 4) | Math.max(trip2, pair1);
  if (flushMask) return (5 << 20) | topRanks(flushMask, 5);
  const st = straightHigh(rankMask);
  if (st >= 0) return (4 << 20) | st;
  if (trip1 >= 0) return (3 << 20) | (trip1 << 8) | topRanks(rankMask & ~(1 << trip1), 2);
  if (pair2 >= 0) return (2 << 20) | (pair1 << 8) | (pair2 << 4) | topRanks(rankMask & ~(1 << pair1) & ~(1 << pair2), 1);
  if (pair1 >= 0) return (1 << 20) | (pair1 << 12) | topRanks(rankMask & ~(1 << pair1), 3);
  return topRanks(rankMask, 5);
}

const category = (value) => value >> 20;

module.exports = { evaluate, category, straightHigh };
