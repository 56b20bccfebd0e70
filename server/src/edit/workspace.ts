// The player's workspace container for agents that run commands: its repo read-write at
// /repo, earlier rounds' logs read-only at /logs/rounds/<r>, opponents' code read-only at
// /opponents/<name> when the tournament is transparent, and nothing else writable but /tmp.
// The repo's .git is read-only: agents may read history, but the round commits and tags are
// the host's to make (a deleted or rewritten .git would break them). Agents that run a program
// in there (cli harnesses) add read-only mounts under /codearena/.
import { join, posix } from 'node:path';
import type { Workspace, WorkspaceMount } from '@codearena/protocol';
import { type Sandbox, createSandbox } from '../sandbox/sandbox.ts';
import { type SandboxLimits, sandboxGid, sandboxUser } from '../sandbox/limits.ts';
import { giveToSandbox } from './repo-box.ts';

export interface WorkspaceOptions {
  image: string;
  runId: string;
  player: string;
  repoDir: string;
  logsDir: string;
  opponents: { name: string; dir: string }[];
  limits: SandboxLimits;
  /** Read-only, each under /codearena/. */
  extraMounts?: WorkspaceMount[];
}

const EXTRA_ROOT = '/codearena/';

export async function openWorkspace(o: WorkspaceOptions): Promise<{ workspace: Workspace; sandbox: Sandbox }> {
  for (const m of o.extraMounts ?? [])
    if (posix.normalize(m.container) !== m.container || !m.container.startsWith(EXTRA_ROOT))
      throw new Error(`a workspace mount must lie under ${EXTRA_ROOT}, not at ${m.container}`);
  // The sandbox user must own the repo to write it (host-side agents may have written as root).
  await giveToSandbox(o.repoDir);
  const sandbox = await createSandbox({
    image: o.image,
    runId: o.runId,
    role: `edit:${o.player}`,
    workdir: '/repo',
    // Bytecode caches written while testing would end up in the round's commit.
    env: { PYTHONDONTWRITEBYTECODE: '1' },
    limits: o.limits,
    mounts: [
      { host: o.repoDir, container: '/repo', readOnly: false },
      { host: join(o.repoDir, '.git'), container: '/repo/.git', readOnly: true },
      { host: o.logsDir, container: '/logs/rounds', readOnly: true },
      ...o.opponents.map((p) => ({ host: p.dir, container: `/opponents/${p.name}`, readOnly: true })),
      ...(o.extraMounts ?? []).map((m) => ({ ...m, readOnly: true })),
    ],
  });
  return {
    sandbox,
    workspace: {
      repoPath: '/repo',
      user: { uid: Number(sandboxUser().split(':')[0]), gid: sandboxGid() },
      exec: (cmd, x = {}) =>
        sandbox.exec(cmd, {
          cwd: '/repo',
          timeoutMs: x.timeoutMs ?? 30_000,
          maxOutputBytes: x.maxOutputBytes ?? 1024 * 1024,
        }),
    },
  };
}
