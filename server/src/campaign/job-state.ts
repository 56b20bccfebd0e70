// Where one tournament of a campaign stands, from its run folder alone: not begun, finished,
// being run by a live process (its lease is held), or stopped part-way (resume it). A campaign
// that is run again uses this to never rerun a finished tournament.
import { existsSync } from 'node:fs';
import { RunFolder } from '../store/run-folder.ts';
import { leaseState } from '../store/run-lease.ts';

export type JobState = 'new' | 'finished' | 'running' | 'stopped';

export function jobState(folder: RunFolder): JobState {
  if (!existsSync(folder.eventsFile)) return existsSync(folder.leaseFile) ? stoppedOrRunning(folder) : 'new';
  if (leaseState(folder) === 'held') return 'running';
  // Nothing is logged after a tournament finishes (a resume refuses it): its last event says.
  const last = folder.lastEvent();
  return last?.type === 'tournament.finished' && last.status === 'finished' ? 'finished' : 'stopped';
}

const stoppedOrRunning = (folder: RunFolder): JobState => (leaseState(folder) === 'held' ? 'running' : 'stopped');
