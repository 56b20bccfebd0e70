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
