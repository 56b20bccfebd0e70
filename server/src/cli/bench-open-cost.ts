// `codearena bench`: how much of a sandboxed match went to starting its containers, which a
// tournament pays once per player and round, not per sim.
import type { MatchRun } from './match.ts';

/** What of a sandboxed match's time went to starting its containers (once a match; in a
 *  tournament once per player and round), and the ratio without it. */
export function openCost(box: MatchRun, host: MatchRun): string {
  const steady = box.sims / ((box.ms - box.openMs) / 1000) / (host.sims / ((host.ms - host.openMs) / 1000));
  return `(of which starting the containers: ${(box.openMs / 1000).toFixed(2)} s of ${(box.ms / 1000).toFixed(2)} s, once a match; sims alone: ${steady.toFixed(2)}×)`;
}
