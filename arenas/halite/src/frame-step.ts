// One frame of Halite I exactly as the original computes it (HaliteChallenge/Halite,
// environment/core/Halite.cpp, Halite::processNextFrame):
//  1. every owned site a player moves is lifted off the map as a "piece" at its destination
//     (STILL: production added first, capped at 255); a site that moves leaves a strength-0 piece
//     behind unless another of the player's pieces lands there; pieces of one player landing on
//     the same site merge, capped at 255;
//  2. every owned site given no move is a STILL piece (production added, capped, merged);
//  3. every piece deals its full strength as damage to each enemy piece on its own site and the
//     four neighbouring sites ("overkill"); a piece on a neutral site with strength > 0 takes that
//     strength as damage and deals its own strength to the site (several players' pieces there
//     each damage it);
//  4. a piece dies when the damage it took is >= its strength (so a 0-strength piece dies to any
//     touching enemy, even another 0-strength piece), otherwise loses the damage; the neutral
//     sites lose the damage dealt to them (not below 0);
//  5. surviving pieces become the owned sites. Sums of damage are order-free, so our loop order
//     does not matter; the tie-break counters of the ranking are updated here too.
import { MAX_STRENGTH, STILL, type Grid, neighbour } from './state.ts';

/** moves[p]: per site, the direction player p gave it (-1: none). Sites not owned by p are
 *  ignored, as the original ignores moves of sites a player does not own. */
export function processFrame(g: Grid, alive: readonly boolean[], moves: readonly Int8Array[]): void {
  const n = alive.length;
  const size = g.width * g.height;
  const { owner, strength, production } = g;
  const pieces: Int16Array[] = [];
  for (let p = 0; p < n; p++) pieces.push(new Int16Array(size).fill(-1));

  // 1. Moved sites become pieces at their destination.
  for (let p = 0; p < n; p++) {
    if (!alive[p]) continue;
    const mine = pieces[p]!;
    const dirs = moves[p];
    if (!dirs) continue;
    for (let i = 0; i < size; i++) {
      const dir = dirs[i]!;
      if (dir < 0 || owner[i] !== p + 1) continue;
      if (dir === STILL) strength[i] = Math.min(MAX_STRENGTH, strength[i]! + production[i]!);
      const to = neighbour(g, i, dir);
      mine[to] = mine[to]! >= 0 ? Math.min(MAX_STRENGTH, mine[to]! + strength[i]!) : strength[i]!;
      if (mine[i]! < 0) mine[i] = 0;
      owner[i] = 0;
      strength[i] = 0;
    }
  }

  // 2. Sites without a move stay and produce.
  for (let i = 0; i < size; i++) {
    const o = owner[i]!;
    if (o === 0) continue;
    const s = Math.min(MAX_STRENGTH, strength[i]! + production[i]!);
    const mine = pieces[o - 1]!;
    mine[i] = mine[i]! >= 0 ? Math.min(MAX_STRENGTH, mine[i]! + s) : s;
    owner[i] = 0;
    strength[i] = 0;
  }

  // 3. Damage. -1: no damage entry (which differs from an entry of 0, see step 4).
  const injure: Int32Array[] = [];
  for (let p = 0; p < n; p++) injure.push(new Int32Array(size).fill(-1));
  const siteDamage = new Int32Array(size);
  const hit = (p: number, at: number, amount: number) => {
    if (pieces[p]![at]! < 0) return;
    const inj = injure[p]!;
    inj[at] = (inj[at]! < 0 ? 0 : inj[at]!) + amount;
  };
  for (let i = 0; i < size; i++) {
    for (let c = 0; c < n; c++) {
      if (!alive[c]) continue;
      const s = pieces[c]![i]!;
      if (s < 0) continue;
      // Each target site listed separately, as the original does (on a 1-wide map, north and
      // south are the same site and it is hit twice).
      const north = neighbour(g, i, 1);
      const east = neighbour(g, i, 2);
      const south = neighbour(g, i, 3);
      const west = neighbour(g, i, 4);
      for (let d = 0; d < n; d++) {
        if (d === c || !alive[d]) continue;
        hit(d, i, s);
        hit(d, north, s);
        hit(d, east, s);
        hit(d, south, s);
        hit(d, west, s);
      }
      if (strength[i]! > 0) {
        hit(c, i, strength[i]!);
        siteDamage[i] = siteDamage[i]! + s;
      }
    }
  }

  // 4. Apply it: pieces die at damage >= strength; neutral sites lose what they were dealt.
  for (let p = 0; p < n; p++) {
    if (!alive[p]) continue;
    const mine = pieces[p]!;
    const inj = injure[p]!;
    for (let i = 0; i < size; i++) {
      const d = inj[i]!;
      if (d < 0) continue;
      mine[i] = d >= mine[i]! ? -1 : mine[i]! - d;
    }
  }
  for (let i = 0; i < size; i++) strength[i] = Math.max(0, strength[i]! - siteDamage[i]!);

  // 5. Survivors take their sites.
  for (let p = 0; p < n; p++) {
    const mine = pieces[p]!;
    for (let i = 0; i < size; i++) {
      if (mine[i]! < 0) continue;
      owner[i] = p + 1;
      strength[i] = mine[i]!;
    }
  }
}
