// What the edit phase uses from the world, in one object so each step can be run with fakes:
// the clock, the workspace container, the repo measure and the round commit. The real ones
// keep SECURITY.md's guarantees (git only in repo boxes, the hardened workspace).
import type { Workspace } from '@codearena/protocol';
import type { Sandbox } from '../sandbox/sandbox.ts';
import { commitRound } from './git.ts';
import { checkRepoQuota } from './repo-quota.ts';
import { type WorkspaceOptions, openWorkspace } from './workspace.ts';

/** The part of a workspace's sandbox the edit phase touches. */
export type WorkspaceBox = Pick<Sandbox, 'health' | 'dispose'>;

export interface EditServices {
  now(): number;
  openWorkspace(o: WorkspaceOptions): Promise<{ workspace: Workspace; sandbox: WorkspaceBox }>;
  checkRepoQuota: typeof checkRepoQuota;
  commitRound: typeof commitRound;
  /** Time an agent gets to wind down after its deadline before the phase is closed anyway. */
  graceMs: number;
  /** How often the repo is measured while an agent's commands run. */
  quotaWatchMs: number;
}

export const editServices: EditServices = {
  now: () => Date.now(),
  openWorkspace,
  checkRepoQuota,
  commitRound,
  graceMs: 15_000,
  quotaWatchMs: 2_000,
};
