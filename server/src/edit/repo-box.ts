// A repo box: a short-lived container, hardened like the agent's workspace (no network, read-only
// root, no capabilities, non-root, capped), in which every git command on a player's repo runs.
// The host never runs git on a tree an agent wrote (see git-hardening.ts for why, and what is
// closed inside the box too). Every command has a time limit and capped output.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { type Mount, type Sandbox, createSandbox } from '../sandbox/sandbox.ts';
import { type SandboxLimits, sandboxUser } from '../sandbox/limits.ts';
import { InfraError, infraError } from '../sandbox/infra-error.ts';
import { gitPreamble } from './git-hardening.ts';

const run = promisify(execFile);

/** The image the box runs: the base image, which every arena image builds on, has git. */
export const REPO_BOX_IMAGE = 'codearena/base:latest';

export interface RepoBoxOptions {
  runId: string;
  /** Names the container's role label, e.g. `git:alice`. */
  player: string;
  limits: SandboxLimits;
  /** More mounts, e.g. the directory an export writes into (at /out). */
  mounts?: Mount[];
}

export interface BoxRun {
  /** Runs a bash script after the hardened-git preamble (`g` is git); throws RepoBoxError when git
   *  failed, InfraError when the box or the Docker daemon did (never the repo's fault). */
  (
    script: string,
    o?: { timeoutMs?: number; maxOutputBytes?: number },
  ): Promise<{ stdout: string; truncated: boolean }>;
}

/** git refused or timed out on what the repo holds (the agent's doing, as far as we can tell). */
export class RepoBoxError extends Error {}

export async function withRepoBox<T>(repoDir: string, o: RepoBoxOptions, fn: (run: BoxRun) => Promise<T>): Promise<T> {
  await giveToSandbox(repoDir);
  const box: Sandbox = await createSandbox({
    image: REPO_BOX_IMAGE,
    runId: o.runId,
    role: `git:${o.player}`,
    workdir: '/repo',
    mounts: [{ host: repoDir, container: '/repo', readOnly: false }, ...(o.mounts ?? [])],
    limits: { memoryMb: Math.max(256, o.limits.memoryMb), cpus: o.limits.cpus, pids: 64 },
  });
  try {
    return await fn(async (script, x = {}) => {
      const r = await box
        .exec(`${gitPreamble()}\n${script}`, {
          cwd: '/repo',
          timeoutMs: x.timeoutMs ?? 60_000,
          maxOutputBytes: x.maxOutputBytes ?? 1024 * 1024,
        })
        .catch((e: unknown) => {
          throw infraError(`the repo box of ${o.player}`, e);
        });
      // A failure because the box died under git (the daemon stopped, restarted) is not the
      // repo's: blaming it would commit the previous round's code over the agent's work.
      if (r.timedOut || r.exitCode !== 0) {
        const down = await box.health();
        if (down) throw new InfraError(`the repo box of ${o.player} failed: ${down}`);
      }
      if (r.timedOut)
        throw new RepoBoxError(`git did not finish within ${Math.round((x.timeoutMs ?? 60_000) / 1000)} s`);
      if (r.exitCode !== 0)
        throw new RepoBoxError(
          `git failed (exit ${r.exitCode}): ${r.stderr.trim().split('\n').slice(-3).join(' | ').slice(0, 500)}`,
        );
      return { stdout: r.stdout, truncated: r.truncated };
    });
  } finally {
    await box.dispose();
  }
}

/** The box runs as the sandbox user, so it must own the repo. `chown -R` walks physically: links
 *  themselves change owner (-h), their targets never do. As non-root we already are that user. */
export async function giveToSandbox(dir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  await run('chown', ['-R', '-P', '-h', sandboxUser(), dir], { timeout: 120_000 });
}
