// Why a climb's rung tournament finished before its last round, in words: the climb's path and
// the tournament page say it alike.
import type { RungDecision } from '@codearena/protocol';

export const RUNG_DECISION: Record<RungDecision, string> = {
  clinched: 'clinched early',
  out_of_reach: 'out of reach',
};

/** The tournament page's phase for a rung tournament its decision ended. */
export const stoppedPhase = (d: RungDecision, round: number, rounds: number): string =>
  `finished after round ${round} of ${rounds} · rung ${RUNG_DECISION[d]}`;
