// N sims among a fixed set of codebases with a concurrency limit. Used by `codearena match`,
// by the tournament's compete phase and by agents' local self-play.
//
// Infrastructure failures are never scored: a sim in which a bot faulted is checked against the
// infrastructure under it (the container still running, the daemon answering, the container not
// replaced meanwhile); if that failed, the sim is voided, the broken containers are replaced
// and the sim is replayed with the same seed, up to SIM_ATTEMPTS times. After that (or when no
// container can be started) playSeries throws an InfraError and the caller aborts.
import { type Arena, deriveSeed } from '@codearena/protocol';
import { InfraError } from '../sandbox/infra-error.ts';
import { type MatchResult, runMatch } from './match-runner.ts';
import { mapPool } from './pool.ts';
import { openEngineSession } from './engine-session.ts';
import type { PlayerRuntime } from './runtime.ts';

/** Plays of one sim before its infrastructure is declared down. */
export const SIM_ATTEMPTS = 3;

export interface SeriesOptions {
  arena: Arena;
  args: unknown;
  players: PlayerRuntime[];
  sims: number;
  /** Which sims to play (default 0..sims-1): a resumed round plays only those not yet played. */
  simIds?: number[];
  concurrency: number;
  /** Sim i is seeded with deriveSeed(...seedParts, i): same parts ⇒ same games. */
  seedParts: (string | number)[];
  deadlineMs: number;
  keepFrames?: boolean;
  /** Stops the series: no new sim starts, sims in play stop after their current turn and are
   *  left out of the results. */
  signal?: AbortSignal;
  onMatchStart?: (sim: number, seed: number) => void;
  onFrame?: (sim: number, turn: number, frame: unknown) => void;
  onMatchEnd?: (sim: number, seed: number, r: MatchResult) => void | Promise<void>;
  /** Sequential stopping: called as each sim ends, returns the number of leading sims (by index)
   *  that decide the series, or null to go on. Then no new sim starts, sims in play stop, and
   *  sims at or past that index are left out of the results (those already played: `uncounted`). */
  decide?: (sim: number, r: MatchResult) => number | null;
  /** A play of a sim was voided by an infrastructure failure (`attempt` of SIM_ATTEMPTS). */
  onVoid?: (sim: number, seed: number, problem: string, attempt: number) => void;
  /** Engine arenas: where their engines run (the run's label, a role, the CPU cap). */
  engineHost?: { runId: string; role: string; cpus: number };
}

export interface Standing {
  name: string;
  wins: number;
  losses: number;
  ties: number;
  faults: number;
}

export interface SeriesResult {
  results: { sim: number; seed: number; result: MatchResult }[];
  standings: Standing[];
  /** The signal stopped the series before every sim was played. */
  aborted: boolean;
  /** `decide` stopped the series: the sims that count are 0..decidedAt-1. */
  decidedAt?: number;
  /** Sims played to the end past the deciding prefix, in index order: not in `results`. */
  uncounted?: number[];
}

export async function playSeries(o: SeriesOptions): Promise<SeriesResult> {
  const sims = o.simIds ?? Array.from({ length: o.sims }, (_, i) => i);
  // A decision stops the sims in play the way the caller's signal does.
  const decided = new AbortController();
  const signal = o.signal ? AbortSignal.any([o.signal, decided.signal]) : decided.signal;
  let decidedAt: number | undefined;
  const inner = { ...o, signal };
  const play = o.arena.engine ? await engineSims(inner) : { sim: turnSims(inner), dispose: async () => {} };
  const playSim = async (sim: number): Promise<PlayedSim> => {
    const r = await play.sim(sim);
    if (r && o.decide && decidedAt === undefined) {
      const k = o.decide(sim, r.result);
      if (k !== null) {
        decidedAt = k;
        decided.abort();
      }
    }
    return r;
  };
  try {
    const played = await mapPool(sims, o.concurrency, playSim, () => signal.aborted);
    const all = played.filter((r): r is NonNullable<typeof r> => r != null);
    const results = decidedAt === undefined ? all : all.filter((r) => r.sim < decidedAt!);
    const standings = tally(
      o.players.map((p) => p.name),
      results.map((r) => r.result),
    );
    if (decidedAt === undefined) return { results, standings, aborted: results.length < sims.length };
    const uncounted = all.filter((r) => r.sim >= decidedAt!).map((r) => r.sim);
    return { results, standings, aborted: false, decidedAt, uncounted: uncounted.sort((a, b) => a - b) };
  } finally {
    await play.dispose();
  }
}

type PlayedSim = { sim: number; seed: number; result: MatchResult } | null;

/** Sims of a turn-based arena, played through the turn loop with each player's runtime. */
function turnSims(o: SeriesOptions): (sim: number) => Promise<PlayedSim> {
  // Seats sharing one runtime (self-play's extra baseline seats) are checked and replaced once.
  const runtimes = o.players.filter((p, i) => o.players.findIndex((q) => q.recover === p.recover) === i);
  return async (sim) => {
    const seed = deriveSeed(...o.seedParts, sim);
    for (let attempt = 1; ; attempt++) {
      const generations = runtimes.map((p) => p.generation);
      o.onMatchStart?.(sim, seed);
      const result = await runMatch({
        arena: o.arena,
        args: o.args,
        players: o.players.map((p) => ({ name: p.name, startBot: () => p.startBot(), reader: p.reader })),
        seed,
        deadlineMs: o.deadlineMs,
        keepFrames: o.keepFrames ?? false,
        ...(o.signal ? { signal: o.signal } : {}),
        ...(o.onFrame ? { onFrame: (turn: number, frame: unknown) => o.onFrame!(sim, turn, frame) } : {}),
      });
      if (result.aborted) return null;
      const problem = await infraProblem(runtimes, generations, result);
      if (problem === null) {
        await o.onMatchEnd?.(sim, seed, result);
        return { sim, seed, result };
      }
      o.onVoid?.(sim, seed, problem, attempt);
      if (attempt >= SIM_ATTEMPTS)
        throw new InfraError(
          `sim ${sim} was spoiled by infrastructure failures ${attempt} times; the last: ${problem}`,
        );
      await Promise.all(runtimes.map((p) => p.recover()));
    }
  };
}

/** Sims of an engine arena: one engine session for the series, its codebases the players'
 *  (a codebase in several seats, as in self-play, is built once). */
async function engineSims(
  o: SeriesOptions,
): Promise<{ sim: (sim: number) => Promise<PlayedSim>; dispose(): Promise<void> }> {
  if (!o.engineHost) throw new Error(`arena ${o.arena.manifest.id} plays in an engine: playSeries needs engineHost`);
  const codebases = [...new Set(o.players.map((p) => p.hostDir))];
  const session = openEngineSession({
    arena: o.arena,
    args: o.args,
    codebases,
    ...o.engineHost,
    concurrency: o.concurrency,
  });
  const seats = o.players.map((p) => ({ name: p.name, codebase: codebases.indexOf(p.hostDir) }));
  return {
    sim: async (sim) => {
      const seed = deriveSeed(...o.seedParts, sim);
      o.onMatchStart?.(sim, seed);
      const result = await session.play({
        sim,
        seed,
        seats,
        keepFrames: o.keepFrames ?? false,
        ...(o.signal ? { signal: o.signal } : {}),
        ...(o.onFrame ? { onFrame: (turn: number, frame: unknown) => o.onFrame!(sim, turn, frame) } : {}),
        onVoid: (problem, attempt) => o.onVoid?.(sim, seed, problem, attempt),
      });
      if (result.aborted) return null;
      await o.onMatchEnd?.(sim, seed, result);
      return { sim, seed, result };
    },
    dispose: () => session.dispose(),
  };
}

/** What failed under a sim, or null when the infrastructure held. A sim without a fault ran
 *  to its end on working containers whatever happened afterwards, so only faulted ones are
 *  checked (one `inspect` per container, no exec). */
async function infraProblem(runtimes: PlayerRuntime[], generations: number[], r: MatchResult): Promise<string | null> {
  const replaced = runtimes.findIndex((p, i) => p.generation !== generations[i]);
  if (replaced >= 0) return `${runtimes[replaced]!.name}'s container was replaced during the sim`;
  if (r.faults.length === 0) return null;
  const problems = await Promise.all(
    runtimes.map(async (p) => {
      const problem = await p.checkInfra();
      return problem && `${p.name}: ${problem}`;
    }),
  );
  return problems.find((x) => x) ?? null;
}

/** A sim is a win for its sole winner, a loss for the others; no sole winner ⇒ a tie for those sharing rank 1. */
export function tally(names: string[], results: MatchResult[]): Standing[] {
  const s = new Map(names.map((n) => [n, { name: n, wins: 0, losses: 0, ties: 0, faults: 0 }]));
  for (const r of results) {
    const best = Math.min(...names.map((n) => r.ranks[n] ?? Infinity));
    for (const n of names) {
      const st = s.get(n)!;
      if (r.winner === n) st.wins++;
      else if (r.winner === null && r.ranks[n] === best) st.ties++;
      else st.losses++;
    }
    for (const f of r.faults) {
      const st = s.get(f.player);
      if (st) st.faults += f.count;
    }
  }
  return names.map((n) => s.get(n)!);
}
