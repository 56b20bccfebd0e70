// N sims among a fixed set of codebases with a concurrency limit. Used by `codearena match`,
// by the tournament's compete phase and by agents' local self-play.
import { type Arena, deriveSeed } from '@codearena/protocol';
import { type MatchResult, runMatch } from './match-runner.ts';
import { mapPool } from './pool.ts';
import type { PlayerRuntime } from './runtime.ts';

export interface SeriesOptions {
  arena: Arena;
  args: unknown;
  players: PlayerRuntime[];
  sims: number;
  concurrency: number;
  /** Sim i is seeded with deriveSeed(...seedParts, i): same parts ⇒ same games. */
  seedParts: (string | number)[];
  deadlineMs: number;
  keepFrames?: boolean;
  onMatchStart?: (sim: number, seed: number) => void;
  onFrame?: (sim: number, turn: number, frame: unknown) => void;
  onMatchEnd?: (sim: number, seed: number, r: MatchResult) => void | Promise<void>;
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
}

export async function playSeries(o: SeriesOptions): Promise<SeriesResult> {
  const sims = Array.from({ length: o.sims }, (_, i) => i);
  const results = await mapPool(sims, o.concurrency, async (sim) => {
    const seed = deriveSeed(...o.seedParts, sim);
    o.onMatchStart?.(sim, seed);
    const result = await runMatch({
      arena: o.arena,
      args: o.args,
      players: o.players.map((p) => ({ name: p.name, startBot: () => p.startBot(), reader: p.reader })),
      seed,
      deadlineMs: o.deadlineMs,
      keepFrames: o.keepFrames ?? false,
      ...(o.onFrame ? { onFrame: (turn: number, frame: unknown) => o.onFrame!(sim, turn, frame) } : {}),
    });
    await o.onMatchEnd?.(sim, seed, result);
    return { sim, seed, result };
  });
  return { results, standings: tally(o.players.map((p) => p.name), results.map((r) => r.result)) };
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
