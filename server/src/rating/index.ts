export { eloUpdate, pairwiseFromRanks, pairwiseFromWins } from './elo.ts';
export type { PairResult } from './elo.ts';
export { fitBradleyTerry, bootstrapBT, BT_BASE_RATING, ELO_PER_NAT } from './bradley-terry.ts';
export type { FitOptions, BootstrapOptions, LeaderboardRow, WeightedResult } from './bradley-terry.ts';
export { winRateMatrix } from './win-rate.ts';
export type { WinRateMatrix } from './win-rate.ts';
export { comparisonGraph, componentIndex } from './components.ts';
export { campaignLeaderboard } from './campaign-leaderboard.ts';
export type { CampaignInput, SpendItem } from './campaign-leaderboard.ts';
