import type { LimitsConfig } from '@codearena/protocol';

export interface SandboxLimits {
  memoryMb: number;
  cpus: number;
  pids: number;
}

export const sandboxLimitsFrom = (l: LimitsConfig): SandboxLimits => ({
  memoryMb: l.memory_mb,
  cpus: l.cpus,
  pids: l.pids,
});

/** The sandbox's own uid and gid when the host runs as root: high enough to map to no account
 *  on any ordinary host (useradd allocates below 60000; systemd's dynamic users stay below
 *  2^31), so files it owns on the host (agent-edited repos, bot pipes) belong to nobody real. */
export const SANDBOX_UID = 2_000_000_000;
/** Bot processes each run as a uid of their own from this range (see sandbox.ts): above the
 *  sandbox uid, sharing its gid (so a repo's group bits still apply to them). */
export const PROCESS_UID_BASE = SANDBOX_UID + 1;
export const PROCESS_UID_COUNT = 1_000_000;

/**
 * The non-root user of containers, "uid:gid". As root on the host: SANDBOX_UID, and the host
 * chowns what the sandbox must write (a workspace repo) to it. Without root the host cannot
 * give files away, so containers run as the host user itself (the only uid that can write the
 * bind-mounted repo); isolating that user from the host is then the operator's account setup.
 */
export function sandboxUser(): string {
  const uid = process.getuid?.() ?? SANDBOX_UID;
  const gid = process.getgid?.() ?? SANDBOX_UID;
  return uid === 0 ? `${SANDBOX_UID}:${SANDBOX_UID}` : `${uid}:${gid}`;
}

/** The gid processes of the sandbox share. */
export const sandboxGid = (): number => Number(sandboxUser().split(':')[1]);
