// A battle's result as the engine reports it, and the sim's outcome from it. Robocode ranks by
// total score, then by firsts (rounds won); its own BattleResults.getRank() is not that rank
// (seen on 1.9.3.9: a robot with 0 points ranked 1st), so the host ranks.
import type { Outcome, PlayerId } from '@codearena/protocol';
import { z } from 'zod';

const points = z.number().int().min(0).max(1e9);

/** One seat's totals over the battle (Robocode's BattleResults, seat order). */
export const SeatResult = z.object({
  score: points,
  survival: points,
  lastSurvivorBonus: points,
  bulletDamage: points,
  bulletDamageBonus: points,
  ramDamage: points,
  ramDamageBonus: points,
  firsts: points,
  seconds: points,
  thirds: points,
  /** Turns the robot took longer than its time budget: load-dependent, so a battle with any
   *  may not replay the same from its seed. */
  skippedTurns: points,
});
export type SeatResult = z.infer<typeof SeatResult>;

export const BattleResult = z.object({
  rounds: z.number().int().min(1),
  seats: z.array(SeatResult),
});

/** Ranks 1 = best; seats equal in score and firsts share a rank (competition ranking: 1, 1, 3). */
export function outcomeOf(result: Record<string, unknown>, players: readonly PlayerId[]): Outcome | string {
  const parsed = BattleResult.safeParse(result);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'not a battle result';
  const { seats, rounds } = parsed.data;
  if (seats.length !== players.length) return `${seats.length} seats in the result for ${players.length} players`;
  // Negative when a ranks before b.
  const order = (a: SeatResult, b: SeatResult) => b.score - a.score || b.firsts - a.firsts;
  const ranks: Record<string, number> = {};
  const scores: Record<string, number> = {};
  players.forEach((p, i) => {
    const me = seats[i]!;
    ranks[p] = 1 + seats.filter((other) => order(other, me) < 0).length;
    scores[p] = me.score;
  });
  const firsts = seats.map((s) => s.firsts).join('–');
  const skipped = players.flatMap((p, i) => (seats[i]!.skippedTurns > 0 ? [`${p} ${seats[i]!.skippedTurns}`] : []));
  return {
    ranks,
    scores,
    reason: `total score over ${rounds} rounds (rounds won ${firsts})${skipped.length ? `; turns skipped: ${skipped.join(', ')}` : ''}`,
  };
}
