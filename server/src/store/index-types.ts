// What the index's queries return: camelCase, JSON columns parsed.
import type { PlayerInfo } from '@codearena/protocol';

export type TournamentStatus = 'running' | 'finished' | 'aborted';

export interface TournamentSummary {
  id: string;
  name: string;
  arena: string;
  status: TournamentStatus;
  seed: number;
  /** Rounds the tournament is configured to play (`rounds` in detail lists those played). */
  totalRounds: number;
  /** ms since epoch */
  createdAt: number;
  finishedAt: number | null;
  winner: string | null;
  runDir: string;
}

export interface RoundRow {
  round: number;
  winner: string | null;
  simWins: Record<string, number>;
  ties: number;
  sims: number;
  forfeited: string[];
  /** Ratings after this round (empty until rating.updated is ingested). */
  ratings: Record<string, number>;
}

export interface TournamentDetail extends TournamentSummary {
  /** The resolved config stored next to the log (config.json), when there was one. */
  config: unknown;
  players: PlayerInfo[];
  rounds: RoundRow[];
}

export interface MatchFault {
  player: string;
  kind: string;
  count: number;
  detail: string;
}

export interface MatchRow {
  matchId: string;
  round: number;
  sim: number;
  seed: number;
  players: string[];
  /** null while the match is running (only match.started seen). */
  ranks: Record<string, number> | null;
  winner: string | null;
  turns: number | null;
  reason: string | null;
  faults: MatchFault[];
  replay: string | null;
  ms: number | null;
}

export interface EditRow {
  round: number;
  player: string;
  exit: string;
  steps: number;
  costUsd: number;
  ms: number;
  commit: string;
  files: number;
  insertions: number;
  deletions: number;
}

/** One round's outcome across tournaments: the input of the Bradley–Terry leaderboard fit. */
export interface RoundResult {
  tournamentId: string;
  arena: string;
  round: number;
  simWins: Record<string, number>;
  players: PlayerInfo[];
}

export interface MatchQuery {
  round?: number;
  /** default 100 */
  limit?: number;
  offset?: number;
}
