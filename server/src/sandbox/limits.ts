import type { LimitsConfig } from '@codearena/protocol';

export interface SandboxLimits {
  memoryMb: number;
  cpus: number;
  pids: number;
}

export const sandboxLimitsFrom = (l: LimitsConfig): SandboxLimits => ({ memoryMb: l.memory_mb, cpus: l.cpus, pids: l.pids });

/** Non-root user inside containers: the host user's id when not root, else 1000. */
export function sandboxUser(): string {
  const uid = process.getuid?.() ?? 1000;
  const gid = process.getgid?.() ?? 1000;
  return uid === 0 ? '1000:1000' : `${uid}:${gid}`;
}
