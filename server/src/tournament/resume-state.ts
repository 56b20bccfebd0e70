// Where an interrupted tournament stands, read back from its run folder: the event log says which
// rounds finished, which edit phases of the round in progress finished, and which of its sims
// were played (their replay files must be whole too). Everything the resumed process keeps
// comes from here; everything else is redone.
import type { EditExit, Event, EventOf } from '@codearena/protocol';
import type { RunFolder } from '../store/run-folder.ts';
import type { RoundSummary } from './standings.ts';

/** A sim of the round in progress that finished and stays played. */
export interface KeptSim {
  sim: number;
  players: string[];
  winner: string | null;
}

export interface ResumeState {
  tournamentId: string;
  /** This attempt: 2 for the first resume. */
  attempt: number;
  /** The seq of the next event (the log continues without gaps or repeats). */
  nextSeq: number;
  /** tournament.started is logged (the repos were made); otherwise the run starts over. */
  started: boolean;
  /** The round to continue: every round before it finished. */
  round: number;
  /** round.started of `round` is logged already. */
  roundStarted: boolean;
  /** The standings after the finished rounds. */
  roundWins: Record<string, number>;
  ratings: Record<string, number>;
  rounds: RoundSummary[];
  /** Edit exits of the players whose edit phase of `round` finished. */
  edits: Record<string, EditExit>;
  /** Played sims of `round`, by sim number. */
  sims: Map<number, KeptSim>;
}

export class NotResumable extends Error {
  override readonly name = 'NotResumable';
}

/** Reads the state of the run in `folder` (its log must exist; an empty one means it died before
 *  tournament.started, and starts over). Throws NotResumable for a finished tournament. */
export function readResumeState(folder: RunFolder, names: string[], tournamentId: string): ResumeState {
  const events = folder.readEvents();
  const last = events.at(-1);
  const lastStarts = events.filter((e) => e.type === 'tournament.started' || e.type === 'tournament.resumed');
  const finished = events.findLast((e): e is EventOf<'tournament.finished'> => e.type === 'tournament.finished');
  if (finished && finished.status === 'finished' && finished.seq > (lastStarts.at(-1)?.seq ?? -1))
    throw new NotResumable(
      `the tournament finished already (winner: ${finished.winner ?? 'a tie'}); nothing to resume`,
    );

  const of = <T extends Event['type']>(t: T) => events.filter((e): e is EventOf<T> => e.type === t);
  const roundWins = Object.fromEntries(names.map((n) => [n, 0]));
  let ratings = Object.fromEntries(names.map((n) => [n, 1200]));
  const rounds: RoundSummary[] = [];
  const editsOf = (r: number) => {
    const edits: Record<string, EditExit> = {};
    for (const e of of('edit.finished')) if (e.round === r) edits[e.player] = e.exit;
    return edits;
  };
  // Rounds finish in order; a round.finished is only written after the round's results file.
  let round = 0;
  for (const e of of('round.finished')) {
    if (e.round !== round) continue;
    rounds.push({
      round,
      winner: e.winner,
      simWins: e.simWins,
      ties: e.ties,
      sims: e.sims,
      forfeited: e.forfeited,
      edits: editsOf(round),
    });
    if (round > 0 && e.winner) roundWins[e.winner] = (roundWins[e.winner] ?? 0) + 1;
    round++;
  }
  for (const e of of('rating.updated')) if (e.round < round) ratings = e.ratings;

  const sims = new Map<number, KeptSim>();
  for (const e of of('match.finished')) {
    // A sim counts as played only with its replay file whole (it is written before the event).
    if (e.round === round && folder.readReplay({ round, sim: e.sim }))
      sims.set(e.sim, { sim: e.sim, players: e.players, winner: e.winner });
  }
  return {
    tournamentId: last?.tournamentId ?? tournamentId,
    attempt: 1 + lastStarts.length,
    nextSeq: last ? last.seq + 1 : 0,
    started: of('tournament.started').length > 0,
    round,
    roundStarted: of('round.started').some((e) => e.round === round),
    roundWins,
    ratings,
    rounds,
    edits: round > 0 ? editsOf(round) : {},
    sims,
  };
}
