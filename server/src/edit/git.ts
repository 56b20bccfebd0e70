// Per-player git repositories. Every round ends with a commit and a `round-N` tag, so any
// round's code can be checked out, diffed or replayed later. Every git command runs in a repo
// box (repo-box.ts), never on the host; the host only copies a starting codebase in (hardened
// copy) and reads bounded text back.
import { mkdirSync, rmSync } from 'node:fs';
import type { DiffStat } from '@codearena/protocol';
import { shellQuote as q } from '../sandbox/sandbox.ts';
import { CodebaseError, copyCodebase } from './codebase-copy.ts';
import { DIFF_FLAGS } from './git-hardening.ts';
import { type RepoBoxOptions, RepoBoxError, giveToSandbox, withRepoBox } from './repo-box.ts';
import type { RepoQuota } from './repo-quota.ts';

export type GitOptions = Omit<RepoBoxOptions, 'mounts'>;

/** Longest diff kept per round; the stat always counts the whole change. */
export const MAX_DIFF_BYTES = 4 * 1024 * 1024;

/** Creates `dir` as a repo holding a copy of `from`, committed and tagged round-0; returns the commit. */
export async function initRepo(dir: string, from: string, quota: RepoQuota, o: GitOptions): Promise<string> {
  rmSync(dir, { recursive: true, force: true });
  try {
    copyCodebase(from, dir, { quota });
  } catch (e) {
    if (e instanceof CodebaseError) throw new CodebaseError(`player ${o.player}'s codebase: ${e.message}`);
    throw e;
  }
  return withRepoBox(dir, o, async (box) => {
    const out = await box(
      [
        'g init -q --template= /repo',
        'g add -A -f',
        "g commit -q --allow-empty --no-verify -m 'round 0: starting codebase'",
        'g tag round-0',
        'g rev-parse HEAD',
      ].join('\n'),
    );
    return out.stdout.trim();
  });
}

export interface RoundCommit {
  commit: string;
  diff: string;
  /** The diff was cut at MAX_DIFF_BYTES. */
  truncated: boolean;
  stat: DiffStat;
  /** Nested git metadata removed before the commit (paths in the repo). */
  removed: string[];
  /** Set when what the agent left could not be committed: the previous round's code was committed instead. */
  failed: string | null;
}

/**
 * Commits whatever the repo holds (even nothing) as round N, tags it and returns the diff against
 * round N-1. With `restore`, the previous round's code is put back first. A nested repository is
 * never honoured: its .git goes, its files are committed as plain files. When the commit fails
 * (git refuses a path, a time limit), the previous round's code is committed instead.
 */
export async function commitRound(
  dir: string,
  round: number,
  message: string,
  o: GitOptions & { restore?: boolean },
): Promise<RoundCommit> {
  return withRepoBox(dir, o, async (box) => {
    let removed: string[] = [];
    let failed: string | null = null;
    try {
      if (o.restore) await box(restoreScript(round));
      removed = (await box(commitScript(round, message), { timeoutMs: 120_000 })).stdout.split('\0').filter(Boolean);
    } catch (e) {
      if (!(e instanceof RepoBoxError)) throw e;
      failed = e.message;
      await box(
        `${restoreScript(round)}\n${commitScript(round, `${message} (not committable: previous round's code)`)}`,
        { timeoutMs: 120_000 },
      );
    }
    const range = `round-${round - 1} round-${round}`;
    const head = await box(`g rev-parse HEAD\ng diff ${DIFF_FLAGS.join(' ')} --shortstat ${range}`);
    const [commit = '', shortstat = ''] = head.stdout.split('\n');
    // head closing the pipe early is expected (SIGPIPE), not a failure.
    const diff = await box(`set +o pipefail\ng diff ${DIFF_FLAGS.join(' ')} ${range} | head -c ${MAX_DIFF_BYTES + 1}`, {
      maxOutputBytes: MAX_DIFF_BYTES + 1,
    });
    const truncated = diff.truncated || Buffer.byteLength(diff.stdout) > MAX_DIFF_BYTES;
    return {
      commit: commit.trim(),
      stat: parseShortStat(shortstat),
      removed,
      failed,
      truncated,
      diff: truncated
        ? `${diff.stdout.slice(0, MAX_DIFF_BYTES)}\n… diff cut at ${MAX_DIFF_BYTES} bytes\n`
        : diff.stdout,
    };
  });
}

/** The previous round's tree, exactly: tracked files reset, everything else removed. */
const restoreScript = (round: number) => `g reset -q --hard round-${round - 1}\ng clean -q -ffdx`;

/** Prints (NUL-separated) and removes nested git metadata (any case, NTFS/HFS aliases too), then commits. */
const commitScript = (round: number, message: string) =>
  [
    "find /repo -path /repo/.git -prune -o \\( -iregex '.*/\\.git[. ]*' -o -iname 'git~1' \\) -prune -printf '%P\\0' -exec rm -rf -- {} +",
    'g add -A -f',
    `g commit -q --allow-empty --no-verify -m ${q(`round ${round}: ${oneLine(message)}`)}`,
    `g tag -f round-${round} >/dev/null`,
  ].join('\n');

/** Commit messages carry agent-influenced text: control characters go, length is capped. */
const oneLine = (s: string) => s.replace(/\p{Cc}+/gu, ' ').slice(0, 2000);

export function parseShortStat(s: string): DiffStat {
  const n = (re: RegExp) => Number(s.match(re)?.[1] ?? 0);
  return {
    files: n(/(\d+) files? changed/),
    insertions: n(/(\d+) insertions?\(\+\)/),
    deletions: n(/(\d+) deletions?\(-\)/),
  };
}

/** Exports the tree of a tag into `dest` (a new plain directory, no .git), inside a box. */
export async function exportTag(dir: string, tag: string, dest: string, o: GitOptions): Promise<void> {
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  await giveToSandbox(dest);
  await withRepoBox(dir, { ...o, mounts: [{ host: dest, container: '/out', readOnly: false }] }, (box) =>
    box(`g archive --format=tar ${q(tag)} | tar -x -C /out --no-same-owner --no-same-permissions`, {
      timeoutMs: 120_000,
    }),
  );
}
