// Leftover containers are found by label: every codearena container has LABEL, the containers
// of one run also carry LABEL_RUN=<run id>, and LABEL_OWNER names the process that made them.
// FIFO directories carry their owner in their name (fifo.ts).
import { LABEL, LABEL_OWNER, LABEL_ROLE, LABEL_RUN, docker } from './docker-client.ts';
import { answered } from './infra-error.ts';
import { listFifoDirs, removeFifoDir } from './fifo.ts';
import { ownerState } from './owner.ts';

export interface Leftover {
  id: string;
  runId: string;
  role: string;
  state: string;
  created: number;
  /** Whether the process that made it still runs (owner.ts). */
  owner: 'alive' | 'dead' | 'unknown';
}

export async function listContainers(runId?: string): Promise<Leftover[]> {
  const label = runId ? [`${LABEL_RUN}=${runId}`] : [LABEL];
  // Bounded: the clean-up at the end of a tournament must not wait forever on a hung daemon.
  const list = await answered(docker().listContainers({ all: true, filters: { label } }), 'listing containers');
  return list.map((c) => ({
    id: c.Id,
    runId: c.Labels[LABEL_RUN] ?? '',
    role: c.Labels[LABEL_ROLE] ?? '',
    state: c.State,
    created: c.Created,
    owner: ownerState(c.Labels[LABEL_OWNER]),
  }));
}

/** Removes every codearena container (of one run when runId is given); returns how many. */
export async function removeContainers(runId?: string): Promise<number> {
  return removeAll(await listContainers(runId));
}

async function removeAll(list: Leftover[]): Promise<number> {
  await Promise.all(
    list.map((c) =>
      answered(docker().getContainer(c.id).remove({ force: true }), 'removing a container').catch(() => {}),
    ),
  );
  return list.length;
}

/**
 * What codearena processes that died without cleaning up left behind: containers and FIFO
 * directories whose owner is provably dead — or, with `includeUnknown` (`doctor --clean`, run
 * by a person), also those whose owner this machine cannot judge (older versions, another
 * boot or pid namespace). Those of live processes are never touched.
 */
export async function removeLeftovers(
  o: { includeUnknown?: boolean } = {},
): Promise<{ containers: number; fifoDirs: number }> {
  const fifoDirs = removeLeftoverFifoDirs(o);
  const containers = await removeAll((await listContainers()).filter((c) => gone(c.owner, o)));
  return { containers, fifoDirs };
}

/** The FIFO-directory half of removeLeftovers (needs no Docker daemon). */
export function removeLeftoverFifoDirs(o: { includeUnknown?: boolean } = {}): number {
  const dirs = listFifoDirs().filter((d) => gone(d.owner, o));
  for (const d of dirs) removeFifoDir(d.path);
  return dirs.length;
}

const gone = (s: Leftover['owner'], o: { includeUnknown?: boolean }) =>
  s === 'dead' || (o.includeUnknown === true && s === 'unknown');

let reaped: Promise<unknown> | null = null;
/** Once per process, before its first container: removes what killed runs left (dead owners
 *  only). Never fails the caller: a daemon problem shows up when the container is created. */
export function reapLeftoversOnce(): Promise<unknown> {
  reaped ??= removeLeftovers().catch(() => null);
  return reaped;
}
