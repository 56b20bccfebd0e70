// The host's view of the player's repo: where it started this round, whether it changed, and
// putting it back (after a provider failure the player plays its previous code).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
// The repo may belong to the sandbox user; hooks never run.
const BASE = ['-c', 'safe.directory=*', '-c', 'core.hooksPath=/dev/null'];

const git = async (dir: string, ...args: string[]) => (await run('git', [...BASE, '-C', dir, ...args], { maxBuffer: 64 * 1024 * 1024 })).stdout;

export const headOf = async (dir: string): Promise<string> => (await git(dir, 'rev-parse', 'HEAD')).trim();

export async function changedSince(dir: string, head: string): Promise<boolean> {
  return (await headOf(dir)) !== head || (await git(dir, 'status', '--porcelain')).trim() !== '';
}

/** Back to commit `head`: tracked files reset, untracked ones removed (ignored ones stay, as git add skips them). */
export async function restore(dir: string, head: string): Promise<void> {
  await git(dir, 'reset', '-q', '--hard', head);
  await git(dir, 'clean', '-q', '-f', '-d');
}
