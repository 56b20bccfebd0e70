// Where a codebase's bot runs. In tournaments and `codearena match`: one hardened container per
// player (its codebase mounted read-only at /code) and one fresh bot process per sim inside it,
// each as a uid of its own that leaves nothing behind (sandbox.ts), so a container start is
// paid once per round, not per sim. `host` runs bare processes (bench baseline only; never for
// untrusted code).
//
// Infrastructure failures are not the codebase's: when the container dies or the daemon stops
// answering, checkInfra() says so, and recover() replaces the container (the sims it spoiled
// are voided and replayed by the series, never scored).
import { availableParallelism } from 'node:os';
import type { Arena, BotClient, CodebaseReader } from '@codearena/protocol';
import { createSandbox, type Sandbox } from '../sandbox/sandbox.ts';
import type { SandboxLimits } from '../sandbox/limits.ts';
import { spawnHostProcess } from '../sandbox/host-process.ts';
import type { ProcessHandle } from '../sandbox/process-handle.ts';
import { InfraError, infraError } from '../sandbox/infra-error.ts';
import { daemonAnswersWithin } from '../sandbox/docker-client.ts';
import { createBotClient } from './bot-client.ts';
import { hostCodebaseReader } from './codebase-reader.ts';

export type RuntimeMode = 'docker' | 'host';

export interface PlayerRuntime {
  name: string;
  /** A fresh bot process of this codebase, never used before (sims stay independent). */
  startBot(): Promise<BotClient>;
  /** The container, when there is one (validation runs commands in it). */
  readonly sandbox: Sandbox | null;
  codeDir: string;
  /** The codebase on the host (an engine arena's engine mounts it read-only). */
  hostDir: string;
  /** The codebase's files as the host engine reads them (data bots). */
  reader: CodebaseReader;
  /** Bumped whenever recover() replaces the container: a sim whose bots ran on an older one
   *  was cut short by infrastructure. */
  readonly generation: number;
  /** null while the infrastructure under this codebase works, else what failed. */
  checkInfra(): Promise<string | null>;
  /** Replaces a broken container with a fresh one (concurrent callers share one replacement);
   *  throws InfraError when no container can be started. */
  recover(): Promise<void>;
  dispose(): Promise<void>;
}

export interface RuntimeOptions {
  mode: RuntimeMode;
  arena: Arena;
  runId: string;
  limits: SandboxLimits;
  role: string;
  /** Sims of this player in play at once (default 1). A bot container's CPU cap is
   *  `limits.cpus` per bot it may run at once: one per sim in play and one for the warm spare
   *  starting beside them (see botContainerCpus). */
  simsAtOnce?: number;
}

/** The CPU cap of a player's bot container. Each sim's bot is a fresh process, and a JIT
 *  runtime's start-up (Node's compiler and GC threads) runs beside the bot in play, as does the
 *  next sim's spare: under one bot's share, the container hit its CFS quota every few turns and
 *  stalled for the rest of the 100 ms period (measured: 23 throttles, 0.6 s of 7 s, for the
 *  JavaScript reference bot). Results do not depend on it (turn budgets are CPU time), only
 *  speed. The extra never goes past the host's cores (Docker refuses more); a `limits.cpus` above
 *  them is passed as it is, so Docker's refusal still reaches the user. */
export const botContainerCpus = (limits: SandboxLimits, simsAtOnce = 1): number =>
  Math.max(limits.cpus, Math.min(availableParallelism(), limits.cpus * (simsAtOnce + 1)));

/** Attempts at starting a container before the infrastructure is declared down, and the pause
 *  before each retry (a transient API error). */
const START_ATTEMPTS = 3;
const RETRY_PAUSE_MS = [500, 2000];
/** How long a daemon that stopped answering is waited for, over all retries: a restart
 *  (`systemctl restart docker`) takes seconds, and the sims it spoiled are then replayed on fresh
 *  containers instead of aborting the round. A daemon still away after it ends the round. */
export const DAEMON_RETURN_MS = 30_000;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function openRuntime(name: string, hostDir: string, o: RuntimeOptions): Promise<PlayerRuntime> {
  const reader = hostCodebaseReader(hostDir);
  // No container of its own: nothing breaks under it that the host could replace.
  const bare = (startBot: () => Promise<BotClient>, dispose: () => Promise<void>): PlayerRuntime => ({
    name,
    sandbox: null,
    codeDir: hostDir,
    hostDir,
    reader,
    generation: 0,
    checkInfra: async () => null,
    recover: async () => {},
    startBot,
    dispose,
  });
  if (o.arena.manifest.botKind === 'data') {
    // The host engine reads the codebase's data; nothing of it runs, so no container.
    return bare(
      () => Promise.reject(new Error(`${o.arena.manifest.id} bots are data, not processes`)),
      async () => {},
    );
  }
  if (o.mode === 'host') {
    // An engine builds and runs player code: only ever inside its container.
    if (o.arena.manifest.botKind === 'engine')
      throw new Error(`${o.arena.manifest.id} codebases run only in Docker (its engine builds and runs them)`);
    const spare = warmSpare(async () => spawnHostProcess([`${hostDir}/run`], hostDir));
    return bare(spare.take, spare.dispose);
  }
  const open = () =>
    createSandbox({
      image: o.arena.manifest.image,
      runId: o.runId,
      role: o.role,
      mounts: [{ host: hostDir, container: '/code', readOnly: true }],
      limits:
        o.arena.manifest.botKind === 'process'
          ? { ...o.limits, cpus: botContainerCpus(o.limits, o.simsAtOnce) }
          : o.limits,
      workdir: '/code',
      pipes: true,
      processUsers: true,
    });
  let sandbox = await startWithRetries(open);
  let generation = 0;
  // Engine arenas: the container is the codebase's for validation; sims run in the engine's.
  const botless = o.arena.manifest.botKind === 'engine';
  const spareIn = (s: Sandbox) =>
    botless ? noBot(o.arena.manifest.id) : warmSpare(() => s.spawn(['./run'], { cwd: '/code', pipes: true }));
  let spare = spareIn(sandbox);
  let recovering: Promise<void> | null = null;
  let disposed = false;
  const checkInfra = () => sandbox.health();
  return {
    name,
    codeDir: '/code',
    hostDir,
    reader,
    get sandbox() {
      return sandbox;
    },
    get generation() {
      return generation;
    },
    startBot: () => spare.take(),
    checkInfra,
    recover() {
      recovering ??= (async () => {
        if (disposed || (await checkInfra()) === null) return;
        generation++;
        const old = { sandbox, spare };
        await old.sandbox.dispose();
        await old.spare.dispose();
        sandbox = await startWithRetries(open);
        spare = spareIn(sandbox);
      })().finally(() => (recovering = null));
      return recovering;
    },
    async dispose() {
      disposed = true;
      await recovering?.catch(() => {});
      // Removing the container ends every process in it, the spare's included.
      await sandbox.dispose();
      await spare.dispose();
    },
  };
}

export async function startWithRetries(open: () => Promise<Sandbox>): Promise<Sandbox> {
  const waitUntil = Date.now() + DAEMON_RETURN_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await open();
    } catch (e) {
      // Not the daemon's failure (a path that cannot be mounted): retrying would not help.
      if (!(e instanceof InfraError)) throw infraError('sandbox did not start', e);
      if (attempt >= START_ATTEMPTS) throw new InfraError(`${e.message} (${attempt} attempts)`);
      await pause(RETRY_PAUSE_MS[attempt - 1] ?? 2000);
      await daemonAnswersWithin(Math.max(0, waitUntil - Date.now()));
    }
  }
}

/** The bot source of a runtime whose bots are not processes of its own. */
const noBot = (arena: string) => ({
  take: (): Promise<BotClient> => Promise.reject(new Error(`${arena} robots run in the arena's engine, not as bots`)),
  dispose: async () => {},
});

/** Keeps one spare process started ahead of need, so an interpreter's start-up (50–120 ms)
 *  overlaps the previous sim instead of delaying the next. Spares are fresh processes, never
 *  reused, so results do not depend on which sim got which process. */
function warmSpare(launch: () => Promise<ProcessHandle>) {
  let spare: Promise<ProcessHandle> | null = null;
  let disposed = false;
  return {
    async take(): Promise<BotClient> {
      const next = spare ?? launch();
      spare = disposed ? null : launch();
      spare?.catch(() => {});
      return createBotClient(await next);
    },
    async dispose(): Promise<void> {
      disposed = true;
      const s = spare;
      spare = null;
      await s?.then(
        (p) => p.kill(),
        () => {},
      );
    },
  };
}
