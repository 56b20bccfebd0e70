// Pure scoring of a round: sim wins per player decide the round; forfeiters (invalid code)
// rank below everyone who played. Ties are real results, not broken arbitrarily.
export interface RoundScore {
  simWins: Record<string, number>;
  ties: number;
  sims: number;
  winner: string | null;
  /** 1 = best; equal numbers tie. Used for pairwise rating updates. */
  ranks: Record<string, number>;
}

export function scoreRound(players: string[], forfeited: string[], simWinners: (string | null)[]): RoundScore {
  const simWins = Object.fromEntries(players.map((p) => [p, 0]));
  let ties = 0;
  for (const w of simWinners) {
    if (w === null) ties++;
    else simWins[w] = (simWins[w] ?? 0) + 1;
  }
  const out = new Set(forfeited);
  const playing = players.filter((p) => !out.has(p));
  // Points: sim wins for those who played; −1 for forfeits so they sit below every player.
  const points = (p: string) => (out.has(p) ? -1 : simWins[p]!);
  const ranks = Object.fromEntries(players.map((p) => [p, 1 + players.filter((q) => points(q) > points(p)).length]));
  let winner: string | null = null;
  if (playing.length === 1) winner = playing[0]!;
  else if (playing.length > 1) {
    const best = Math.max(...playing.map(points));
    const top = playing.filter((p) => points(p) === best);
    winner = top.length === 1 ? top[0]! : null;
  }
  return { simWins, ties, sims: simWinners.length, winner, ranks };
}

/** Tournament winner: most round wins (rounds 1..R); a shared lead is a tie (null). */
export function tournamentWinner(roundWins: Record<string, number>): string | null {
  const entries = Object.entries(roundWins);
  if (!entries.length) return null;
  const best = Math.max(...entries.map(([, w]) => w));
  const top = entries.filter(([, w]) => w === best);
  return top.length === 1 && best > 0 ? top[0]![0] : null;
}
