// What the round loop uses from the world, in one object so the loop can be run with fakes:
// the agents, the two phases, the repo's git operations (in repo boxes), the host checks and the clock.
import { createAgent } from '../edit/agents.ts';
import { editPhase } from '../edit/edit-phase.ts';
import { exportTag, initRepo } from '../edit/git.ts';
import { resetRepoToRound } from '../edit/repo-repair.ts';
import { acquireLease } from '../store/run-lease.ts';
import { removeContainers } from '../sandbox/cleanup.ts';
import { hostLimitIssues } from '../sandbox/host-limits.ts';
import { competePhase } from './compete-phase.ts';

export interface TournamentServices {
  createAgent: typeof createAgent;
  editPhase: (e: Parameters<typeof editPhase>[0]) => ReturnType<typeof editPhase>;
  competePhase: typeof competePhase;
  initRepo: typeof initRepo;
  exportTag: typeof exportTag;
  /** Puts a repo back at a round's tag (resume). */
  resetRepo: typeof resetRepoToRound;
  /** Takes the run folder's lease (one process per tournament; `interrupted` when it lapses). */
  acquireLease: (
    folder: Parameters<typeof acquireLease>[0],
  ) => Pick<ReturnType<typeof acquireLease>, 'lost' | 'release'>;
  /** Limits the machine cannot grant (docker mode only). */
  hostLimitIssues: typeof hostLimitIssues;
  /** Removes whatever containers of the run are left (docker mode only). */
  removeContainers: (runId: string) => Promise<unknown>;
  /** The clock of the run's events. */
  now: () => number;
}

export const tournamentServices: TournamentServices = {
  createAgent,
  editPhase: (e) => editPhase(e),
  competePhase,
  initRepo,
  exportTag,
  resetRepo: resetRepoToRound,
  acquireLease: (folder) => acquireLease(folder),
  hostLimitIssues,
  removeContainers,
  now: Date.now,
};
