// The tournament's running score: round wins, Elo ratings and the rounds table. Recording a
// round announces it (round.finished, then rating.updated for scored rounds).
import type { RoundRow } from '@codearena/protocol';
import type { EventBus } from '../bus/event-bus.ts';
import { eloUpdate, pairwiseFromRanks } from '../rating/index.ts';
import type { CompeteOutput } from './compete-phase.ts';
import { tournamentWinner } from './round-result.ts';

/** A round as the CLI's rounds table shows it: the index's row without ratings, with edit exits. */
export type RoundSummary = Omit<RoundRow, 'ratings'> & { edits: Record<string, string> };

export class Standings {
  readonly roundWins: Record<string, number>;
  ratings: Record<string, number>;
  readonly rounds: RoundSummary[] = [];

  constructor(names: string[]) {
    this.roundWins = Object.fromEntries(names.map((n) => [n, 0]));
    this.ratings = Object.fromEntries(names.map((n) => [n, 1200]));
  }

  /** The standings after the rounds an interrupted run finished (resume-state.ts reads them). */
  static restore(
    names: string[],
    from: { roundWins: Record<string, number>; ratings: Record<string, number>; rounds: RoundSummary[] },
  ): Standings {
    const s = new Standings(names);
    Object.assign(s.roundWins, from.roundWins);
    s.ratings = { ...from.ratings };
    s.rounds.push(...from.rounds);
    return s;
  }

  record(bus: EventBus, round: number, result: CompeteOutput, edits: Record<string, string>): void {
    const { simWins, ties, sims, winner, forfeited, sequential } = result;
    bus.emit({
      type: 'round.finished',
      round,
      simWins,
      ties,
      sims,
      winner,
      forfeited,
      ...(sequential && { sequential }),
    });
    this.rounds.push({ round, winner, simWins, ties, sims, forfeited, edits });
    // Round 0 compares the starting codebases: a baseline, not part of the contest.
    if (round > 0) {
      if (winner) this.roundWins[winner]!++;
      this.ratings = eloUpdate(this.ratings, pairwiseFromRanks(result.ranks));
      bus.emit({ type: 'rating.updated', round, ratings: this.ratings });
    }
  }

  winner(): string | null {
    return tournamentWinner(this.roundWins);
  }
}
