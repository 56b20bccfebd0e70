// Limits the Docker host cannot grant: Docker refuses to start a container asking for more
// CPUs than the machine has, so such a config would fail every container of a tournament.
import type { LimitsConfig } from '@codearena/protocol';
import { docker } from './docker-client.ts';

export interface LimitIssue {
  path: string;
  message: string;
}

/** The CPUs of the Docker host (the daemon's machine, which may not be this one), or null when
 *  the daemon does not answer (that failure is reported where Docker is first needed). */
export async function dockerHostCpus(): Promise<number | null> {
  try {
    const info = await docker().info();
    return typeof info.NCPU === 'number' && info.NCPU > 0 ? info.NCPU : null;
  } catch {
    return null;
  }
}

export async function hostLimitIssues(
  limits: Pick<LimitsConfig, 'cpus'>,
  cpus: number | null = null,
): Promise<LimitIssue[]> {
  const n = cpus ?? (await dockerHostCpus());
  if (n === null || limits.cpus <= n) return [];
  return [
    {
      path: 'limits.cpus',
      message: `${limits.cpus} is more than the ${n} CPU${n === 1 ? '' : 's'} of the Docker host, so no container could start; set limits.cpus to at most ${n}`,
    },
  ];
}
