// Per-player git repositories on the host. Every round ends with a commit and a `round-N`
// tag, so any round's code can be checked out, diffed or replayed later.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { promisify } from 'node:util';
import type { DiffStat } from '@codearena/protocol';

const run = promisify(execFile);

// Repos may be owned by the sandbox user (agents write into them), so git's ownership check
// would refuse them; identity is fixed so commits do not depend on the user's git config.
const BASE = ['-c', 'safe.directory=*', '-c', 'user.name=codearena', '-c', 'user.email=codearena@localhost', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', '-c', 'core.hooksPath=/dev/null'];

export async function git(dir: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('git', [...BASE, '-C', dir, ...args], { maxBuffer: 256 * 1024 * 1024 });
  return stdout;
}

/** Creates `dir` as a repo holding a copy of `from` (its own .git excluded), committed and tagged round-0. */
export async function initRepo(dir: string, from: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  cpSync(from, dir, { recursive: true, filter: (src) => !/[\\/]\.git([\\/]|$)/.test(src) && !/[\\/]__pycache__([\\/]|$)/.test(src) });
  await git(dir, 'init', '-q', '-b', 'main');
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-q', '--allow-empty', '-m', 'round 0: starting codebase');
  await git(dir, 'tag', 'round-0');
  return (await git(dir, 'rev-parse', 'HEAD')).trim();
}

export interface RoundCommit {
  commit: string;
  diff: string;
  stat: DiffStat;
}

/** Commits whatever the agent left (even nothing), tags round-N and returns the diff against round-(N-1). */
export async function commitRound(dir: string, round: number, message: string): Promise<RoundCommit> {
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-q', '--allow-empty', '-m', `round ${round}: ${message}`);
  await git(dir, 'tag', '-f', `round-${round}`);
  const commit = (await git(dir, 'rev-parse', 'HEAD')).trim();
  const prev = `round-${round - 1}`;
  const diff = await git(dir, 'diff', prev, `round-${round}`);
  const stat = parseShortStat(await git(dir, 'diff', '--shortstat', prev, `round-${round}`));
  return { commit, diff, stat };
}

export function parseShortStat(s: string): DiffStat {
  const n = (re: RegExp) => Number(s.match(re)?.[1] ?? 0);
  return { files: n(/(\d+) files? changed/), insertions: n(/(\d+) insertions?\(\+\)/), deletions: n(/(\d+) deletions?\(-\)/) };
}

/** Exports the tree of a tag into `dest` (a plain directory, no .git). */
export async function exportTag(dir: string, tag: string, dest: string): Promise<void> {
  mkdirSync(dest, { recursive: true });
  await new Promise<void>((resolve, reject) => {
    const archive = execFile('git', [...BASE, '-C', dir, 'archive', '--format=tar', tag], { encoding: 'buffer', maxBuffer: 512 * 1024 * 1024 });
    const untar = execFile('tar', ['-x', '-C', dest], (err) => (err ? reject(err) : resolve()));
    archive.stdout!.pipe(untar.stdin!);
    archive.on('error', reject);
  });
}
