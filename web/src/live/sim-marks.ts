// What a sequential round's result means for its sims (README "Sequential stopping"): the round
// counts sims 0..sims-1 only; sims played to the end past that prefix are listed but uncounted,
// and sims still in play when the test decided were stopped and never finished.
import type { EventOf } from '@codearena/protocol';
import type { MatchModel, TournamentModel } from './tournament-model.ts';

export type SimMark = 'uncounted' | 'stopped';

type Sequential = NonNullable<EventOf<'round.finished'>['sequential']>;

export const SIM_MARK_TITLE: Record<SimMark, string> = {
  uncounted: 'played after the round was decided; not counted',
  stopped: 'stopped when the round was decided; not counted',
};

/** Null for a sim that counts (or whose round is not over, or is a fixed count). */
export function simMark(model: TournamentModel, m: MatchModel): SimMark | null {
  const done = model.rounds.get(m.round)?.finished;
  if (!done?.sequential) return null;
  if (done.sequential.uncounted.includes(m.sim)) return 'uncounted';
  if (!m.finished) return 'stopped';
  return m.sim >= done.sims ? 'uncounted' : null;
}

/** "decided after 31 sims" (or "no decision in 100 sims") and the test that said so. */
export function roundDecision(seq: Sequential, sims: number): { label: string; title: string } {
  const r = seq.rule;
  const test = r
    ? `SPRT α ${r.alpha} · β ${r.beta} · margin ${r.margin}, at most ${r.max} sims`
    : 'sequential test (SPRT)';
  const uncounted = seq.uncounted.length ? `; ${seq.uncounted.length} more played after it, not counted` : '';
  return seq.decided
    ? { label: `decided after ${sims} sims`, title: `${test}: the winner was decided after ${sims} sims${uncounted}` }
    : {
        label: `no decision in ${sims} sims`,
        title: `${test}: no winner decided before the last sim; scored on all ${sims} as a fixed round`,
      };
}

/** The compact form of the rule for a narrow table cell: "SPRT α 0.05 β 0.05 m 0.1". */
export const ruleShort = (seq: Sequential): string =>
  seq.rule ? `SPRT α ${seq.rule.alpha} β ${seq.rule.beta} m ${seq.rule.margin}` : 'SPRT';
