// A player's repo as a process killed in the middle of a round commit can leave it (the repo box
// outlives its process): stale lock files, a torn index, the branch moved past the round's tag,
// an uncommitted tree, the unfinished round's tag. resetRepoToRound puts it back exactly at the
// tag, in a repo box, so the redone edit phase starts from the round's code and commits cleanly.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LimitsConfig } from '@codearena/protocol';
import { removeContainers } from '../sandbox/cleanup.ts';
import { sandboxLimitsFrom } from '../sandbox/limits.ts';
import { RepoBoxError } from './repo-box.ts';
import { commitRound, initRepo } from './git.ts';
import { resetRepoToRound } from './repo-repair.ts';
import { repoQuotaFrom } from './repo-quota.ts';

const RUN = `repo-repair-${process.pid}`;
const limits = LimitsConfig.parse({});
const opts = { runId: RUN, player: 'p', limits: sandboxLimitsFrom(limits) };

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'codearena-repair-'));
});
afterAll(async () => {
  await removeContainers(RUN).catch(() => 0);
  rmSync(work, { recursive: true, force: true });
});

/** Read-only git on the host, on a repo this test made (never on an agent's tree in codearena). */
const git = (repo: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'safe.directory=*', '-C', repo, ...args], { encoding: 'utf8' }).trim();

async function repoWithTwoRounds(name: string): Promise<string> {
  const starter = join(work, `${name}-starter`);
  mkdirSync(starter);
  writeFileSync(join(starter, 'run'), '#!/bin/sh\necho up\n', { mode: 0o755 });
  writeFileSync(join(starter, 'params.json'), '{"a": 1}\n');
  const repo = join(work, name);
  await initRepo(repo, starter, repoQuotaFrom(limits), opts);
  writeFileSync(join(repo, 'params.json'), '{"a": 2}\n');
  await commitRound(repo, 1, 'round 1', opts);
  return repo;
}

describe('resetRepoToRound', () => {
  it('undoes a round commit cut off half-way: locks, torn index, moved branch, stray tag, dirty tree', async () => {
    const repo = await repoWithTwoRounds('torn');
    const round1 = git(repo, 'rev-parse', 'round-1^{commit}');
    // What a kill during round 2's commit can leave: the tree changed, a later round committed
    // and tagged (the edit.finished event never logged), and git's lock files mid-operation.
    writeFileSync(join(repo, 'params.json'), '{"a": 3}\n');
    writeFileSync(join(repo, 'new-file.txt'), 'half done\n');
    await commitRound(repo, 2, 'round 2 (never logged)', opts);
    writeFileSync(join(repo, 'params.json'), '{"a": 4}\n');
    writeFileSync(join(repo, '.git', 'index.lock'), '');
    writeFileSync(join(repo, '.git', 'HEAD.lock'), '');
    writeFileSync(join(repo, '.git', 'refs', 'tags', 'round-2.lock'), '');
    writeFileSync(join(repo, '.git', 'index'), 'DIRC torn'); // a torn index

    const commit = await resetRepoToRound(repo, 1, opts);

    expect(commit).toBe(round1);
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(round1);
    expect(git(repo, 'tag', '-l', 'round-*').split('\n')).toEqual(['round-0', 'round-1']);
    expect(git(repo, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    expect(readFileSync(join(repo, 'params.json'), 'utf8')).toBe('{"a": 2}\n');
    expect(readdirSync(repo).sort()).toEqual(['.git', 'params.json', 'run']);
    const locks = execFileSync('find', [join(repo, '.git'), '-name', '*.lock'], { encoding: 'utf8' }).trim();
    expect(locks).toBe('');
    // The redone phase commits on top of it as round 2, as if nothing had happened.
    writeFileSync(join(repo, 'params.json'), '{"a": 5}\n');
    const redone = await commitRound(repo, 2, 'round 2', opts);
    expect(redone.failed).toBeNull();
    expect(git(repo, 'rev-parse', 'round-2^')).toBe(round1);
    expect(redone.stat.files).toBe(1);
  });

  it('refuses a repo without the tag the log vouches for', async () => {
    const repo = await repoWithTwoRounds('no-tag');
    await expect(resetRepoToRound(repo, 5, opts)).rejects.toThrow(RepoBoxError);
    await expect(resetRepoToRound(repo, 5, opts)).rejects.toThrow(/no tag round-5/);
  });
});
