// The edit phase's round commit with the real repo box (Docker, git): a submitted edit is
// committed, a provider failure commits the previous round's code again.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Agent, type EditOutcome, LimitsConfig } from '@codearena/protocol';
import { getArena } from '../arenas.ts';
import { removeContainers } from '../sandbox/cleanup.ts';
import { sandboxLimitsFrom } from '../sandbox/limits.ts';
import { type EditFixture, editFixture } from './edit-phase.fixture.ts';
import { editServices } from './edit-services.ts';
import { initRepo } from './git.ts';
import { repoQuotaFrom } from './repo-quota.ts';

const runId = `edit-docker-${process.pid}`;
const limits = LimitsConfig.parse({});
const real = { commitRound: editServices.commitRound, checkRepoQuota: editServices.checkRepoQuota };

/** Writes a new file into the repo, then ends with `exit`. */
const writer = (exit: EditOutcome['exit']): Agent => ({
  id: 'writer',
  model: null,
  edit: async (ctx) => {
    await ctx.repo.write('added.txt', 'new code\n');
    return { exit, steps: 0, costUsd: 0, summary: `wrote a file, then ${exit}` };
  },
});

let f: EditFixture;
beforeEach(async () => {
  f = editFixture(runId);
  await initRepo(f.layout.repo('p'), getArena('battlesnake').starter, repoQuotaFrom(limits), {
    runId,
    player: 'p',
    limits: sandboxLimitsFrom(limits),
  });
});
afterEach(() => f.dispose());
afterAll(async () => {
  await removeContainers(runId);
});

describe('edit phase round commit (docker)', () => {
  it('commits what a submitted edit left', async () => {
    const res = await f.run(writer('submitted'), {}, real);
    expect(res.exit).toBe('submitted');
    expect(existsSync(join(f.layout.repo('p'), 'added.txt'))).toBe(true);
    expect(f.of('edit.finished')[0]!.diff.files).toBe(1);
    expect(readFileSync(f.layout.diff('p', 1), 'utf8')).toContain('added.txt');
  });

  it('commits the previous round’s code after a provider error', async () => {
    const res = await f.run(writer('provider_error'), {}, real);
    expect(res.exit).toBe('provider_error');
    expect(existsSync(join(f.layout.repo('p'), 'added.txt'))).toBe(false);
    expect(f.of('edit.finished')[0]).toMatchObject({ exit: 'provider_error', diff: { files: 0 } });
  });

  it('commits the previous round’s code when the repo is over its quota', async () => {
    const res = await f.run(writer('submitted'), { quota: { ...repoQuotaFrom(limits), maxFiles: 1 } }, real);
    expect(res.exit).toBe('over_quota');
    expect(existsSync(join(f.layout.repo('p'), 'added.txt'))).toBe(false);
    expect(f.of('fault')[0]!.fault.kind).toBe('output_limit');
  });
});
