// The canonical leaderboard (DESIGN.md "Ratings"): a Bradley–Terry fit over all pairwise
// outcomes, on the Elo scale, with percentile-bootstrap intervals.
//
// Model: P(i beats j) = π_i / (π_i + π_j) with log-strength s_i = ln π_i. A draw counts as half
// a win to each side, so the win-only MM update of Hunter (2004) applies unchanged.
// Prior: every player also drew PRIOR_GAMES virtual games against a fixed virtual average
// player with π = 1. Without it a player who won everything has s = +∞, and players whose
// comparison graphs never meet have no defined gap; one virtual draw keeps every rating finite
// and identified while weighing no more than one real game (it shrinks ratings slightly
// towards the mean). Reported ratings are 1200 + 400/ln10 · s with s centred to mean 0, which
// makes a 400-point gap mean 10:1 odds, as in Elo.
import { createRng } from '@codearena/protocol';
import type { PairResult } from './elo.ts';

export const BT_BASE_RATING = 1200;
/** Elo points per unit of natural-log strength. */
export const ELO_PER_NAT = 400 / Math.LN10;
const PRIOR_GAMES = 1;

export type FitOptions = {
  /** Players to rate even without results (the prior alone places them at the virtual player). */
  players?: readonly string[];
  /** Stop once no log-strength moves more than this in a sweep. */
  tol?: number;
  maxIter?: number;
};

export type BootstrapOptions = FitOptions & {
  samples?: number;
  seed: number | string;
  /** Coverage of the central percentile interval. */
  level?: number;
};

/**
 * An outcome with an optional likelihood weight (default 1) and bootstrap stratum. Weights let a
 * fit count some outcomes more than others (the campaign's equal arena weight); a resample draws
 * within each stratum as many outcomes as it holds, so a stratum's total weight never changes.
 */
export type WeightedResult = PairResult & { weight?: number; stratum?: string };

export type LeaderboardRow = {
  id: string;
  rating: number;
  lo: number;
  hi: number;
  games: number;
  wins: number;
  draws: number;
  losses: number;
};

/** Results with players as indices, so fits and resamples run on typed arrays; `strata` lists
 *  the result indices of each stratum. */
type Indexed = {
  ids: string[];
  a: Int32Array;
  b: Int32Array;
  score: Float64Array;
  w: Float64Array;
  strata: Int32Array[];
};

/** Score totals per player and symmetric game counts (p×p, row-major) of one (re)sample. */
type Tally = { won: Float64Array; games: Float64Array };

function indexResults(results: readonly WeightedResult[], players: readonly string[] = []): Indexed {
  // Sorted ids: the fit must not depend on the order results arrive in.
  const ids = [...new Set([...players, ...results.flatMap((r) => [r.a, r.b])])].sort();
  const pos = new Map(ids.map((id, i) => [id, i]));
  const n = results.length;
  const w = new Float64Array(n);
  const strata = new Map<string, number[]>();
  const ix: Indexed = { ids, a: new Int32Array(n), b: new Int32Array(n), score: new Float64Array(n), w, strata: [] };
  results.forEach((r, t) => {
    if (r.a === r.b) throw new RangeError(`Bradley–Terry: player ${r.a} cannot play itself`);
    const weight = r.weight ?? 1;
    if (!(weight > 0 && Number.isFinite(weight)))
      throw new RangeError(`Bradley–Terry: weight must be a positive number, got ${weight} for ${r.a} vs ${r.b}`);
    ix.a[t] = pos.get(r.a)!;
    ix.b[t] = pos.get(r.b)!;
    ix.score[t] = r.score;
    w[t] = weight;
    const key = r.stratum ?? '';
    const list = strata.get(key) ?? [];
    list.push(t);
    strata.set(key, list);
  });
  ix.strata = [...strata.values()].map((list) => Int32Array.from(list));
  return ix;
}

/** `pick` lists the result indices in a bootstrap resample (with repeats); null means all. */
function tally(ix: Indexed, pick: Int32Array | null): Tally {
  const p = ix.ids.length;
  const won = new Float64Array(p),
    games = new Float64Array(p * p);
  const n = pick ? pick.length : ix.a.length;
  for (let t = 0; t < n; t++) {
    const r = pick ? pick[t]! : t;
    const a = ix.a[r]!,
      b = ix.b[r]!,
      sc = ix.score[r]!,
      w = ix.w[r]!;
    won[a]! += w * sc;
    won[b]! += w * (1 - sc);
    games[a * p + b]! += w;
    games[b * p + a]! += w;
  }
  return { won, games };
}

/**
 * Maximises the penalised likelihood. Each sweep is Hunter's MM update done Gauss–Seidel style
 * (every player sees the others' newest values), which keeps the monotone ascent but converges
 * faster. Real games say nothing about the common level of all strengths, only the weak prior
 * does, so MM alone would crawl along that direction; after each sweep we therefore solve
 * exactly for the best common shift (a 1-D concave problem in the prior terms only).
 */
function fitLogStrengths(t: Tally, start: Float64Array | null, tol: number, maxIter: number): Float64Array {
  const p = t.won.length;
  const pi = new Float64Array(p).fill(1);
  if (start) for (let i = 0; i < p; i++) pi[i] = Math.exp(start[i]!);
  for (let iter = 0; iter < maxIter; iter++) {
    let maxStep = 0;
    for (let i = 0; i < p; i++) {
      const own = pi[i]!;
      let denom = PRIOR_GAMES / (own + 1);
      for (let j = 0; j < p; j++) {
        const n = t.games[i * p + j]!;
        if (n > 0) denom += n / (own + pi[j]!);
      }
      const next = (t.won[i]! + PRIOR_GAMES / 2) / denom;
      maxStep = Math.max(maxStep, Math.abs(Math.log(next / own)));
      pi[i] = next;
    }
    const shift = bestShift(pi);
    for (let i = 0; i < p; i++) pi[i]! *= Math.exp(shift);
    if (maxStep + Math.abs(shift) < tol) break;
  }
  return pi.map(Math.log);
}

/** argmax_c Σ_i [½(s_i + c) − ln(1 + e^(s_i + c))]: the prior's preferred common shift. */
function bestShift(pi: Float64Array): number {
  let c = 0;
  for (let step = 0; step < 50; step++) {
    let grad = 0,
      curv = 0;
    for (const x of pi) {
      const q = (x * Math.exp(c)) / (1 + x * Math.exp(c));
      grad += 0.5 - q;
      curv += q * (1 - q);
    }
    const dc = grad / curv;
    c += dc;
    if (Math.abs(dc) < 1e-13) break;
  }
  return c;
}

function toElo(s: Float64Array): Float64Array {
  const mean = s.reduce((x, y) => x + y, 0) / (s.length || 1);
  return s.map((x) => BT_BASE_RATING + ELO_PER_NAT * (x - mean));
}

/** Point estimate only: Elo-scale rating per player. */
export function fitBradleyTerry(results: readonly WeightedResult[], opts: FitOptions = {}): Record<string, number> {
  const ix = indexResults(results, opts.players);
  const elo = toElo(fitLogStrengths(tally(ix, null), null, opts.tol ?? 1e-10, opts.maxIter ?? 10_000));
  return Object.fromEntries(ix.ids.map((id, i) => [id, elo[i]!]));
}

/** Linear-interpolation quantile (R type 7) of an ascending-sorted sample. */
function quantile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const below = sorted[lo]!,
    above = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return below + (h - lo) * (above - below);
}

/**
 * Leaderboard with intervals: refits on `samples` resamples (with replacement) of the result
 * list, drawn from createRng(seed) so the same inputs and seed give the same table; with strata,
 * each stratum is resampled on its own. Each refit starts from the full-data fit, which is
 * already close. W/D/L and games count outcomes, not weights.
 */
export function bootstrapBT(results: readonly WeightedResult[], opts: BootstrapOptions): LeaderboardRow[] {
  const { samples = 500, level = 0.95, tol = 1e-10, maxIter = 10_000 } = opts;
  if (!Number.isInteger(samples) || samples < 0)
    throw new RangeError(`bootstrapBT: samples must be a non-negative integer, got ${samples}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`bootstrapBT: level must be in (0, 1), got ${level}`);
  const ix = indexResults(results, opts.players);
  const p = ix.ids.length,
    n = results.length;
  const sHat = fitLogStrengths(tally(ix, null), null, tol, maxIter);
  const rating = toElo(sHat);

  const boot = ix.ids.map(() => new Float64Array(n > 0 ? samples : 0));
  const rng = createRng(opts.seed);
  const pick = new Int32Array(n);
  for (let b = 0; n > 0 && b < samples; b++) {
    let t = 0;
    for (const stratum of ix.strata)
      for (let k = 0; k < stratum.length; k++) pick[t++] = stratum[rng.int(stratum.length)]!;
    const elo = toElo(fitLogStrengths(tally(ix, pick), sHat, tol, maxIter));
    for (let i = 0; i < p; i++) boot[i]![b] = elo[i]!;
  }

  const rec = records(ix);
  const alpha = (1 - level) / 2;
  const rows = ix.ids.map((id, i): LeaderboardRow => {
    const sorted = boot[i]!.sort();
    const r = rating[i]!;
    const [lo, hi] = sorted.length ? [quantile(sorted, alpha), quantile(sorted, 1 - alpha)] : [r, r];
    return { id, rating: r, lo, hi, ...rec[i]! };
  });
  return rows.sort((x, y) => y.rating - x.rating || (x.id < y.id ? -1 : 1));
}

function records(ix: Indexed): { games: number; wins: number; draws: number; losses: number }[] {
  const rec = ix.ids.map(() => ({ games: 0, wins: 0, draws: 0, losses: 0 }));
  for (let t = 0; t < ix.a.length; t++) {
    const a = rec[ix.a[t]!]!,
      b = rec[ix.b[t]!]!,
      sc = ix.score[t]!;
    a.games++;
    b.games++;
    if (sc === 0.5) {
      a.draws++;
      b.draws++;
    } else if (sc === 1) {
      a.wins++;
      b.losses++;
    } else {
      a.losses++;
      b.wins++;
    }
  }
  return rec;
}
