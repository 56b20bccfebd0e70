// Sequential stopping of a round's sims: the sims are read in index order and the round stops at
// the shortest prefix whose results decide the winner (README "Sequential stopping").
//
// For every ordered pair (a, b) a Wald SPRT asks "does a win more sims than b?" on the sims one
// of the two won: p = P(a wins | a or b wins), H0: p = 1/2 against H1: p = 1/2 + margin. Ties and
// sims won by a third player are left out: the round is scored by sim wins, and such a sim moves
// neither a's count nor b's. A pair's test ends at its first boundary (Wald): accepted H1 (a is
// better) or H0 (a is not shown better; a can then no longer be named early). The round is
// decided when one player's tests against every other accepted H1 — that player also has the
// most sim wins of the prefix, so the fixed rule on the same sims names it too.
//
// Error rates (Bonferroni): each test runs at alpha/N and beta/(N-1) for N players, so with no
// better player the chance of naming any winner early is at most alpha, and a player better than
// every other by the margin misses an early decision with chance at most beta.
import type { SequentialSims } from '@codearena/protocol';

export type StopRule = Pick<SequentialSims, 'alpha' | 'beta' | 'margin'>;

export interface Decision {
  winner: string;
  /** The deciding prefix: sims 0..sims-1 count, later ones do not. */
  sims: number;
}

type Verdict = 'better' | 'not-better' | null;

/** The pairwise tests over a growing sequence of sim winners (null: a tie). */
export class SequentialTest {
  private readonly wins = new Map<string, number>();
  private readonly verdicts = new Map<string, Verdict>();
  private readonly up: number;
  private readonly down: number;
  private readonly upper: number;
  private readonly lower: number;
  private played = 0;
  decision: Decision | null = null;

  constructor(
    private readonly players: readonly string[],
    rule: StopRule,
  ) {
    if (players.length < 2) throw new Error(`a sequential test needs 2 or more players, got ${players.length}`);
    const alpha = rule.alpha / players.length;
    const beta = rule.beta / (players.length - 1);
    // Log likelihood ratio of H1 to H0 per sim a wins (up) and per sim b wins (down).
    this.up = Math.log(1 + 2 * rule.margin);
    this.down = -Math.log(1 - 2 * rule.margin);
    this.upper = Math.log((1 - beta) / alpha);
    this.lower = Math.log(beta / (1 - alpha));
    for (const p of players) this.wins.set(p, 0);
  }

  /** Adds the next sim's winner; returns the decision once there is one (and keeps it). */
  push(winner: string | null): Decision | null {
    this.played++;
    if (this.decision || winner === null || !this.wins.has(winner)) return this.decision;
    this.wins.set(winner, this.wins.get(winner)! + 1);
    for (const other of this.players) {
      if (other === winner) continue;
      this.judge(winner, other);
      this.judge(other, winner);
    }
    // Only the winner of this sim can have gained its last H1 verdict.
    if (this.players.every((o) => o === winner || this.verdicts.get(key(winner, o)) === 'better'))
      this.decision = { winner, sims: this.played };
    return this.decision;
  }

  private judge(a: string, b: string): void {
    if (this.verdicts.get(key(a, b))) return;
    const llr = this.wins.get(a)! * this.up - this.wins.get(b)! * this.down;
    if (llr >= this.upper) this.verdicts.set(key(a, b), 'better');
    else if (llr <= this.lower) this.verdicts.set(key(a, b), 'not-better');
  }
}

const key = (a: string, b: string) => `${a}\0${b}`;

/** Feeds sims finishing in any order (concurrent play, kept sims of a resumed round) to the test
 *  in index order, so the decision depends on the seeds alone, never on which sim ended first. */
export class SequentialStop {
  private readonly test: SequentialTest;
  private readonly pending = new Map<number, string | null>();
  private next = 0;

  constructor(players: readonly string[], rule: StopRule) {
    this.test = new SequentialTest(players, rule);
  }

  /** Records sim `sim`'s winner; returns the decision once sims 0..k-1 decide the round. */
  record(sim: number, winner: string | null): Decision | null {
    if (sim >= this.next) this.pending.set(sim, winner);
    while (!this.test.decision && this.pending.has(this.next)) {
      this.test.push(this.pending.get(this.next)!);
      this.pending.delete(this.next++);
    }
    return this.test.decision;
  }

  get decision(): Decision | null {
    return this.test.decision;
  }
}
