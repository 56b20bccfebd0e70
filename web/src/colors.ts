// Player colours: fixed by the player's seat in the tournament, the same on every page.
const PALETTE = ['#5b8cff', '#ff9f43', '#34d399', '#e879f9', '#facc15', '#22d3ee', '#f87171', '#a3e635'];

export function playerColors(players: readonly string[]): Record<string, string> {
  return Object.fromEntries(players.map((p, i) => [p, PALETTE[i % PALETTE.length]!]));
}

/** For entries without a seat (leaderboard rows): stable by position in the list. */
export const colorAt = (i: number): string => PALETTE[i % PALETTE.length]!;
