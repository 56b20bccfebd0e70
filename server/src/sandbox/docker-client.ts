// One dockerode client per process; DOCKER_HOST and friends are honoured by docker-modem.
import Docker from 'dockerode';
import { answered } from './infra-error.ts';

let client: Docker | undefined;
export function docker(): Docker {
  client ??= new Docker();
  return client;
}

/** Label keys every codearena container carries, so leftovers can be found and removed. */
export const LABEL = 'codearena';
export const LABEL_RUN = 'codearena.run';
export const LABEL_ROLE = 'codearena.role';
/** Set from CODEARENA_SESSION (the test suite sets it) so one session's containers can be
 *  removed together when it is interrupted. */
export const LABEL_SESSION = 'codearena.session';
/** The creating process's owner token (owner.ts): leftovers of a killed process are found by it. */
export const LABEL_OWNER = 'codearena.owner';

export async function dockerAvailable(): Promise<{ ok: true; version: string } | { ok: false; error: string }> {
  try {
    const v = await docker().version();
    return { ok: true, version: v.Version };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

/** Resolves true as soon as the daemon answers a ping, false if it has not within `ms`. Waits
 *  out a daemon that is restarting. */
export async function daemonAnswersWithin(ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    const ok = await answered(docker().ping(), 'ping', Math.max(1000, deadline - Date.now())).then(
      () => true,
      () => false,
    );
    if (ok) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, 500)); // a refused connection fails at once: poll
  }
}

export async function imageExists(image: string): Promise<boolean> {
  try {
    await docker().getImage(image).inspect();
    return true;
  } catch {
    return false;
  }
}
