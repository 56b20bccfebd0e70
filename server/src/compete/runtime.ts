// Where a codebase's bot runs. In tournaments and `codearena match`: one hardened container per
// player (its codebase mounted read-only at /code) and one bot process per sim inside it, so a
// container start (~0.2–1 s) is paid once per round, not per sim. `host` runs bare processes
// (bench baseline only; never for untrusted code).
import type { Arena, BotClient } from '@codearena/protocol';
import { createSandbox, type Sandbox } from '../sandbox/sandbox.ts';
import type { SandboxLimits } from '../sandbox/limits.ts';
import { spawnHostProcess } from '../sandbox/host-process.ts';
import { createBotClient } from './bot-client.ts';

export type RuntimeMode = 'docker' | 'host';

export interface PlayerRuntime {
  name: string;
  /** Starts a fresh bot process of this codebase. */
  startBot(): Promise<BotClient>;
  /** The container, when there is one (validation runs commands in it). */
  sandbox: Sandbox | null;
  codeDir: string;
  dispose(): Promise<void>;
}

export interface RuntimeOptions {
  mode: RuntimeMode;
  arena: Arena;
  runId: string;
  limits: SandboxLimits;
  role: string;
}

export async function openRuntime(name: string, hostDir: string, o: RuntimeOptions): Promise<PlayerRuntime> {
  if (o.mode === 'host') {
    return {
      name,
      sandbox: null,
      codeDir: hostDir,
      startBot: async () => createBotClient(spawnHostProcess([`${hostDir}/run`], hostDir)),
      dispose: async () => {},
    };
  }
  const sandbox = await createSandbox({
    image: o.arena.manifest.image,
    runId: o.runId,
    role: o.role,
    mounts: [{ host: hostDir, container: '/code', readOnly: true }],
    limits: o.limits,
    workdir: '/code',
  });
  return {
    name,
    sandbox,
    codeDir: '/code',
    startBot: async () => createBotClient(await sandbox.spawn(['./run'], { cwd: '/code' })),
    dispose: () => sandbox.dispose(),
  };
}
