// One dockerode client per process; DOCKER_HOST and friends are honoured by docker-modem.
import Docker from 'dockerode';

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

export async function imageExists(image: string): Promise<boolean> {
  try {
    await docker().getImage(image).inspect();
    return true;
  } catch {
    return false;
  }
}
