// For the kill-anywhere resume harness (kill-resume.fixture.ts): what must come out the same
// whether a tournament ran at once or was killed and resumed, and the checks on what a resumed
// run leaves (its log, its index, containers, the lease). Every check returns the differences it
// found as lines, [] when there are none.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Event, EventOf } from '@codearena/protocol';
import { listContainers } from '../sandbox/cleanup.ts';
import { StoreIndex } from '../store/index-db.ts';
import { RunFolder } from '../store/run-folder.ts';

/** One run's results, keyed so that two runs compare entry by entry. Timings, commit ids, match
 *  ids and validation details (they hold how long the bot took) differ between runs: left out. */
export interface RunOutcome {
  /** round.finished per round (the rounds table). */
  rounds: Record<string, unknown>;
  /** The last match.finished per round/sim. */
  sims: Record<string, unknown>;
  /** The last edit.finished per round/player. */
  edits: Record<string, unknown>;
  /** rating.updated per round. */
  ratings: Record<string, unknown>;
  /** tournament.finished. */
  final: Record<string, unknown>;
  /** rounds/<r>/results.json, validations reduced to ok. */
  results: Record<string, unknown>;
  /** players/<p>/diffs/round-<r>.diff: the codebases' changes, byte for byte. */
  diffs: Record<string, unknown>;
}

const of = <T extends Event['type']>(events: readonly Event[], t: T) =>
  events.filter((e): e is EventOf<T> => e.type === t);

/** Later entries replace earlier ones: what a resumed run redid counts, not what it superseded. */
const lastBy = <T>(items: readonly T[], key: (x: T) => string, pick: (x: T) => unknown) =>
  Object.fromEntries(items.map((x) => [key(x), pick(x)]));

export function runOutcome(runDir: string): RunOutcome {
  const folder = new RunFolder(runDir);
  const events = folder.readEvents();
  const finished = of(events, 'tournament.finished').at(-1);
  const rounds = of(events, 'round.finished');
  const results: Record<string, unknown> = {};
  for (const r of rounds) {
    const file = folder.readRoundResults(r.round);
    results[r.round] = file && {
      ...file,
      validations: Object.fromEntries(Object.entries(file.validations).map(([p, v]) => [p, v.ok])),
    };
  }
  const diffs: Record<string, unknown> = {};
  const playersDir = join(runDir, 'players');
  for (const p of existsSync(playersDir) ? readdirSync(playersDir) : []) {
    const dir = join(playersDir, p, 'diffs');
    for (const f of existsSync(dir) ? readdirSync(dir) : []) diffs[`${p}/${f}`] = readFileSync(join(dir, f), 'utf8');
  }
  return {
    rounds: lastBy(
      rounds,
      (e) => String(e.round),
      (e) => ({ simWins: e.simWins, ties: e.ties, sims: e.sims, winner: e.winner, forfeited: e.forfeited }),
    ),
    sims: lastBy(
      of(events, 'match.finished'),
      (e) => `${e.round}/${e.sim}`,
      (e) => ({ winner: e.winner, ranks: e.ranks, turns: e.turns, reason: e.reason, seed: e.seed, players: e.players }),
    ),
    edits: lastBy(
      of(events, 'edit.finished'),
      (e) => `${e.round}/${e.player}`,
      (e) => ({ exit: e.exit, steps: e.steps, diff: e.diff }),
    ),
    ratings: lastBy(
      of(events, 'rating.updated'),
      (e) => String(e.round),
      (e) => e.ratings,
    ),
    final: finished
      ? { status: finished.status, winner: finished.winner, roundWins: finished.roundWins, ratings: finished.ratings }
      : {},
    results,
    diffs,
  };
}

/** Every entry where `got` differs from `reference`, as "section key: reference … got …". */
export function compareOutcomes(reference: RunOutcome, got: RunOutcome): string[] {
  const out: string[] = [];
  for (const section of Object.keys(reference) as (keyof RunOutcome)[]) {
    const a = reference[section];
    const b = got[section];
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!isDeepStrictEqual(a[key], b[key]))
        out.push(`${section} ${key}: reference ${show(a[key])}, resumed ${show(b[key])}`);
    }
  }
  return out;
}

const show = (v: unknown) => (v === undefined ? 'missing' : JSON.stringify(v).slice(0, 400));

/** The log of a finished run: seq 0..n-1 without gaps or repeats, each round finished once, one
 *  tournament.finished (finished) and it is the last event. */
export function checkLog(events: readonly Event[]): string[] {
  const out: string[] = [];
  const bad = events.findIndex((e, i) => e.seq !== i);
  if (bad >= 0) out.push(`log: event ${bad} has seq ${events[bad]!.seq} (expected ${bad}: a gap or a repeat)`);
  const rounds = of(events, 'round.finished').map((e) => e.round);
  if (new Set(rounds).size !== rounds.length) out.push(`log: a round finished twice (round.finished: ${rounds})`);
  const finished = of(events, 'tournament.finished');
  if (finished.length !== 1 || finished[0]!.status !== 'finished' || events.at(-1) !== finished[0])
    out.push(`log: expected one tournament.finished (finished) at the end, got ${show(finished)}`);
  return out;
}

/** The index the runs wrote as they went equals a fresh reindex of the final log. */
export function checkIndex(indexPath: string, runDir: string, id: string): string[] {
  const live = new StoreIndex(indexPath);
  const fresh = new StoreIndex(':memory:');
  try {
    fresh.reindex(runDir);
    const view = (s: StoreIndex) => ({
      tournament: s.getTournament(id),
      matches: s.matches(id, { limit: 100_000 }),
      edits: s.edits(id),
    });
    const a = view(live);
    const b = view(fresh);
    return (Object.keys(a) as (keyof typeof a)[])
      .filter((k) => !isDeepStrictEqual(a[k], b[k]))
      .map((k) => `index ${k}: as written ${show(a[k])}, reindexed ${show(b[k])}`);
  } finally {
    live.close();
    fresh.close();
  }
}

/** No container of the run and no lease once its last process exited. */
export async function checkLeftovers(runDir: string, id: string): Promise<string[]> {
  const out: string[] = [];
  const left = await listContainers(id);
  if (left.length) out.push(`containers left: ${left.map((c) => `${c.role} (${c.state})`).join(', ')}`);
  if (existsSync(new RunFolder(runDir).leaseFile)) out.push(`lease.json left in ${runDir}`);
  return out;
}
