// elo-rating ships plain CommonJS without types; declare only the parts we call.
declare module 'elo-rating' {
  const EloRating: {
    /** Rating difference clamped to [-400, 400]. */
    ratingDifference(playerRating: number, opponentRating: number): number;
    /** Expected score of the first player, 1 / (1 + 10^(clamped diff / 400)). Uses `this`. */
    expected(playerRating: number, opponentRating: number): number;
    /** Win/loss only, and truncates the change to an integer: we don't use it. */
    calculate(
      playerRating: number,
      opponentRating: number,
      playerWin?: boolean,
      k?: number,
    ): { playerRating: number; opponentRating: number };
  };
  export default EloRating;
}
