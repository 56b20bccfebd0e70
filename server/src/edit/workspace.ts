// The player's workspace container for agents that run commands: its repo read-write at
// /repo, earlier rounds' logs read-only at /logs/rounds/<r>, opponents' code read-only at
// /opponents/<name> when the tournament is transparent, and nothing else writable but /tmp.
// The repo's .git is read-only: agents may read history, but the round commits and tags are
// the host's to make (a deleted or rewritten .git would break them).
import { join } from 'node:path';
import type { Workspace } from '@codearena/protocol';
import { type Sandbox, createSandbox } from '../sandbox/sandbox.ts';
import type { SandboxLimits } from '../sandbox/limits.ts';
import { giveToSandbox } from './repo-box.ts';

export interface WorkspaceOptions {
  image: string;
  runId: string;
  player: string;
  repoDir: string;
  logsDir: string;
  opponents: { name: string; dir: string }[];
  limits: SandboxLimits;
}

export async function openWorkspace(o: WorkspaceOptions): Promise<{ workspace: Workspace; sandbox: Sandbox }> {
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
    ],
  });
  return {
    sandbox,
    workspace: {
      repoPath: '/repo',
      exec: (cmd, x = {}) =>
        sandbox.exec(cmd, {
          cwd: '/repo',
          timeoutMs: x.timeoutMs ?? 30_000,
          maxOutputBytes: x.maxOutputBytes ?? 1024 * 1024,
        }),
    },
  };
}
