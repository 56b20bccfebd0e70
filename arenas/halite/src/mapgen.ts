// The original's symmetric map generator (environment/core/hlt.hpp, the hlt::Map constructor),
// step for step: one chunk of recursive 4x4 "regions" of random factors for production and one
// for strength, tiled once per player, every other tile mirrored, tiles shifted so that no two
// players line up, blurred across the seams, normalised, scaled by a random top production and
// strength. Differences: the random numbers come from our Rng instead of std::mt19937 (same
// draws in the same order: prg() % k becomes rng.int(k), uniform_real_distribution rng.next()),
// so a seed does not give the original's map for the same seed.
import type { Rng } from '@codearena/protocol';
import type { Grid } from './state.ts';

/** Children per side of a region (the original's CHUNK_SIZE). */
const CHUNK_SIZE = 4;
/** Weight of a region's own factor in the one blur among siblings. */
const REGION_OWN_WEIGHT = 0.75;
/** Weight of a site's own value in the final whole-map blur. */
const MAP_OWN_WEIGHT = 0.66667;

interface Region {
  factor: number;
  children: Region[][];
}

/** A region of w x h sites: its own factor, then its children row by row (the draw order). */
function region(w: number, h: number, rng: Rng): Region {
  const r: Region = { factor: Math.pow(rng.next(), 1.5), children: [] };
  if (w === 1 && h === 1) return r;
  const cw = Math.trunc(w / CHUNK_SIZE);
  const ch = Math.trunc(h / CHUNK_SIZE);
  const difW = w - CHUNK_SIZE * cw;
  const difH = h - CHUNK_SIZE * ch;
  for (let a = 0; a < CHUNK_SIZE; a++) {
    const tch = a < difH ? ch + 1 : ch;
    if (tch <= 0) continue;
    const row: Region[] = [];
    for (let b = 0; b < CHUNK_SIZE; b++) {
      const tcw = b < difW ? cw + 1 : cw;
      if (tcw > 0) row.push(region(tcw, tch, rng));
    }
    r.children.push(row);
  }
  // One blur of the children's factors with their wrapped 4-neighbours.
  const rows = r.children.length;
  const cols = r.children[0]!.length;
  const blurred = r.children.map((row, a) =>
    row.map((child, b) => {
      const up = r.children[(a - 1 + rows) % rows]![b]!;
      const down = r.children[(a + 1) % rows]![b]!;
      const left = r.children[a]![(b - 1 + cols) % cols]!;
      const right = r.children[a]![(b + 1) % cols]!;
      // Summed in the original's order, so rounding matches.
      let f = 0;
      f += child.factor * REGION_OWN_WEIGHT;
      f += (up.factor * (1 - REGION_OWN_WEIGHT)) / 4;
      f += (down.factor * (1 - REGION_OWN_WEIGHT)) / 4;
      f += (left.factor * (1 - REGION_OWN_WEIGHT)) / 4;
      f += (right.factor * (1 - REGION_OWN_WEIGHT)) / 4;
      return f;
    }),
  );
  r.children.forEach((row, a) => row.forEach((child, b) => (child.factor = blurred[a]![b]!)));
  return r;
}

/** The region's factor per site: each child's factors times this region's factor. */
function factors(r: Region): number[][] {
  if (r.children.length === 0) return [[r.factor]];
  const sub = r.children.map((row) => row.map(factors));
  const out: number[][] = [];
  for (const row of sub) {
    const rowHeight = row[0]!.length;
    for (let iy = 0; iy < rowHeight; iy++) {
      const line: number[] = [];
      for (const cell of row) for (const v of cell[iy]!) line.push(v * r.factor);
      out.push(line);
    }
  }
  return out;
}

interface SiteD {
  owner: number;
  strength: number;
  production: number;
}

/** Tiles per axis: the factor pair of n closest to square, the larger along the preferred axis. */
export function tiling(n: number, preferHorizontal: boolean): { dw: number; dh: number } {
  let small = Math.trunc(Math.sqrt(n));
  while (n % small !== 0) small--;
  return preferHorizontal ? { dh: small, dw: n / small } : { dw: small, dh: n / small };
}

/** The map for `n` players asked at width x height; like the original's it may come out smaller
 *  (each tile's side is cut to what tiles evenly and shifts uniformly). */
export function generateMap(width: number, height: number, n: number, rng: Rng): Grid {
  const preferHorizontal = rng.int(2) === 1;
  const { dw, dh } = tiling(n, preferHorizontal);
  let cw = Math.trunc(width / dw);
  let ch = Math.trunc(height / dh);
  if (preferHorizontal) while (ch % n !== 0) ch--;
  else while (cw % n !== 0) cw--;
  const mw = cw * dw;
  const mh = ch * dh;
  if (mw === 0 || mh === 0) throw new RangeError(`a ${width}x${height} map is too small for ${n} players`);

  const prodChunk = factors(region(cw, ch, rng));
  const strengthChunk = factors(region(cw, ch, rng));

  const blank = (): SiteD[][] =>
    Array.from({ length: mh }, () => Array.from({ length: mw }, () => ({ owner: 0, strength: 0, production: 0 })));
  const tess = blank();
  for (let a = 0; a < dh; a++)
    for (let b = 0; b < dw; b++) {
      for (let c = 0; c < ch; c++)
        for (let d = 0; d < cw; d++) {
          const s = tess[a * ch + c]![b * cw + d]!;
          s.production = prodChunk[c]![d]!;
          s.strength = strengthChunk[c]![d]!;
        }
      tess[a * ch + Math.trunc(ch / 2)]![b * cw + Math.trunc(cw / 2)]!.owner = a * dw + b + 1;
    }

  // Mirror every other tile along each axis that has an even number of tiles.
  const reflectVertical = dh % 2 === 0;
  const reflectHorizontal = dw % 2 === 0;
  const refl: SiteD[][] = blank();
  for (let a = 0; a < dh; a++)
    for (let b = 0; b < dw; b++) {
      const vRef = reflectVertical && a % 2 !== 0;
      const hRef = reflectHorizontal && b % 2 !== 0;
      for (let c = 0; c < ch; c++)
        for (let d = 0; d < cw; d++)
          refl[a * ch + c]![b * cw + d] = tess[a * ch + (vRef ? ch - c - 1 : c)]![b * cw + (hRef ? cw - d - 1 : d)]!;
    }

  // Shift tile columns (or rows) against each other; six players keep the mirrored layout.
  let shifted: SiteD[][] = blank();
  if (n === 6) shifted = refl;
  else if (preferHorizontal) {
    const shift = rng.int(dw) * Math.trunc(mh / dw);
    for (let a = 0; a < dh; a++)
      for (let b = 0; b < dw; b++)
        for (let c = 0; c < ch; c++)
          for (let d = 0; d < cw; d++)
            shifted[a * ch + c]![b * cw + d] = refl[(a * ch + b * shift + c) % mh]![b * cw + d]!;
  } else {
    const shift = rng.int(dh) * Math.trunc(mw / dh);
    for (let a = 0; a < dh; a++)
      for (let b = 0; b < dw; b++)
        for (let c = 0; c < ch; c++)
          for (let d = 0; d < cw; d++)
            shifted[a * ch + c]![b * cw + d] = refl[a * ch + c]![(b * cw + a * shift + d) % mw]!;
  }

  // Blur the whole map a few times (more on larger maps) to smooth the seams.
  let blur = shifted.map((row) => row.map((s) => ({ ...s })));
  for (let z = 0; z <= (2 * Math.sqrt(mw * mh)) / 10; z++) {
    const next = blur.map((row) => row.map((s) => ({ ...s })));
    for (let a = 0; a < mh; a++) {
      const up = blur[(a - 1 + mh) % mh]!;
      const down = blur[(a + 1) % mh]!;
      for (let b = 0; b < mw; b++) {
        const l = blur[a]![(b - 1 + mw) % mw]!;
        const r = blur[a]![(b + 1) % mw]!;
        const s = next[a]![b]!;
        const k = (1 - MAP_OWN_WEIGHT) / 4;
        s.production *= MAP_OWN_WEIGHT;
        s.production += up[b]!.production * k;
        s.production += down[b]!.production * k;
        s.production += l.production * k;
        s.production += r.production * k;
        s.strength *= MAP_OWN_WEIGHT;
        s.strength += up[b]!.strength * k;
        s.strength += down[b]!.strength * k;
        s.strength += l.strength * k;
        s.strength += r.strength * k;
      }
    }
    blur = next;
  }

  let maxProd = 0;
  let maxStr = 0;
  for (const row of blur)
    for (const s of row) {
      if (s.production > maxProd) maxProd = s.production;
      if (s.strength > maxStr) maxStr = s.strength;
    }
  const topProd = rng.int(10) + 6;
  const topStr = rng.int(106) + 150;
  const grid: Grid = {
    width: mw,
    height: mh,
    owner: new Uint8Array(mw * mh),
    strength: new Uint8Array(mw * mh),
    production: new Uint8Array(mw * mh),
  };
  for (let a = 0; a < mh; a++)
    for (let b = 0; b < mw; b++) {
      const s = blur[a]![b]!;
      const i = a * mw + b;
      grid.owner[i] = s.owner;
      // Values are non-negative, where Math.round and C's round agree.
      grid.strength[i] = Math.round((s.strength / maxStr) * topStr);
      grid.production[i] = Math.round((s.production / maxProd) * topProd);
      // A player's starting site always produces something.
      if (s.owner !== 0 && grid.production[i] === 0) grid.production[i] = 1;
    }
  return grid;
}
