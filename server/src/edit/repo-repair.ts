// Puts a player's repo back at a round's tag before a resumed tournament goes on. The process
// that died may have been anywhere in a git command (a repo box outlives its process), so the
// repo can hold stale lock files, a torn index, a branch moved past the tag, a half-made commit
// or a tag of the unfinished round: all of it is undone here, in a repo box like every git
// command on a player's repo. Tags are written by rename (git's lock files), so a round's tag
// names either its whole commit or nothing.
import { type GitOptions } from './git.ts';
import { withRepoBox } from './repo-box.ts';

/**
 * Resets the repo to tag `round-<round>`: lock files and the index go, the current branch is
 * pointed at the tag's commit, the tree is checked out exactly (untracked files removed) and
 * every later round's tag is deleted. Returns the commit. Throws (RepoBoxError) when the tag is
 * missing: the run folder then does not hold what its log says.
 */
export async function resetRepoToRound(dir: string, round: number, o: GitOptions): Promise<string> {
  return withRepoBox(dir, o, async (box) => {
    const out = await box(
      [
        'find .git -name "*.lock" -type f -delete',
        'rm -f .git/index',
        `commit=$(g rev-parse -q --verify 'refs/tags/round-${round}^{commit}') || { echo "no tag round-${round} in the repo" >&2; exit 1; }`,
        'branch=$(g symbolic-ref -q HEAD || echo refs/heads/master)',
        'g update-ref "$branch" "$commit"',
        'g reset -q --hard "$commit"',
        'g clean -q -ffdx',
        // Tags of rounds after this one belong to work that is being redone.
        `for t in $(g tag -l 'round-*'); do n=\${t#round-}; case "$n" in ''|*[!0-9]*) ;; *) if [ "$n" -gt ${round} ]; then g tag -d "$t" >/dev/null; fi ;; esac; done`,
        'echo "$commit"',
      ].join('\n'),
      { timeoutMs: 120_000 },
    );
    return out.stdout.trim().split('\n').at(-1) ?? '';
  });
}
