// Where a codebase's bot runs. In tournaments and `codearena match`: one hardened container per
// player (its codebase mounted read-only at /code) and one fresh bot process per sim inside it,
// so a container start is paid once per round, not per sim. `host` runs bare processes (bench
// baseline only; never for untrusted code).
import type { Arena, BotClient, CodebaseReader } from '@codearena/protocol';
import { createSandbox, type Sandbox } from '../sandbox/sandbox.ts';
import type { SandboxLimits } from '../sandbox/limits.ts';
import { spawnHostProcess } from '../sandbox/host-process.ts';
import type { ProcessHandle } from '../sandbox/process-handle.ts';
import { createBotClient } from './bot-client.ts';
import { hostCodebaseReader } from './codebase-reader.ts';

export type RuntimeMode = 'docker' | 'host';

export interface PlayerRuntime {
  name: string;
  /** A fresh bot process of this codebase, never used before (sims stay independent). */
  startBot(): Promise<BotClient>;
  /** The container, when there is one (validation runs commands in it). */
  sandbox: Sandbox | null;
  codeDir: string;
  /** The codebase's files as the host engine reads them (data bots). */
  reader: CodebaseReader;
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
  const reader = hostCodebaseReader(hostDir);
  if (o.arena.manifest.botKind === 'data') {
    // The host engine reads the codebase's data; nothing of it runs, so no container.
    return {
      name, sandbox: null, codeDir: hostDir, reader,
      startBot: () => Promise.reject(new Error(`${o.arena.manifest.id} bots are data, not processes`)),
      dispose: async () => {},
    };
  }
  if (o.mode === 'host') {
    return withSpare({ name, sandbox: null, codeDir: hostDir, reader }, async () => spawnHostProcess([`${hostDir}/run`], hostDir), async () => {});
  }
  const sandbox = await createSandbox({
    image: o.arena.manifest.image,
    runId: o.runId,
    role: o.role,
    mounts: [{ host: hostDir, container: '/code', readOnly: true }],
    limits: o.limits,
    workdir: '/code',
    pipes: true,
  });
  return withSpare({ name, sandbox, codeDir: '/code', reader }, () => sandbox.spawn(['./run'], { cwd: '/code', pipes: true }), () => sandbox.dispose());
}

/** Keeps one spare process started ahead of need, so an interpreter's start-up (50–120 ms)
 *  overlaps the previous sim instead of delaying the next. Spares are fresh processes, never
 *  reused, so results do not depend on which sim got which process. */
function withSpare(
  base: Pick<PlayerRuntime, 'name' | 'sandbox' | 'codeDir' | 'reader'>,
  launch: () => Promise<ProcessHandle>,
  disposeBase: () => Promise<void>,
): PlayerRuntime {
  let spare: Promise<ProcessHandle> | null = null;
  let disposed = false;
  return {
    ...base,
    async startBot() {
      const next = spare ?? launch();
      spare = disposed ? null : launch();
      spare?.catch(() => {});
      return createBotClient(await next);
    },
    async dispose() {
      disposed = true;
      const s = spare;
      spare = null;
      await s?.then((p) => p.kill(), () => {});
      await disposeBase();
    },
  };
}
