// Leftover containers are found by label: every codearena container has LABEL, and the
// containers of one run also carry LABEL_RUN=<run id>.
import { LABEL, LABEL_ROLE, LABEL_RUN, docker } from './docker-client.ts';

export interface Leftover {
  id: string;
  runId: string;
  role: string;
  state: string;
  created: number;
}

export async function listContainers(runId?: string): Promise<Leftover[]> {
  const label = runId ? [`${LABEL_RUN}=${runId}`] : [LABEL];
  const list = await docker().listContainers({ all: true, filters: { label } });
  return list.map((c) => ({
    id: c.Id,
    runId: c.Labels[LABEL_RUN] ?? '',
    role: c.Labels[LABEL_ROLE] ?? '',
    state: c.State,
    created: c.Created,
  }));
}

/** Removes every codearena container (of one run when runId is given); returns how many. */
export async function removeContainers(runId?: string): Promise<number> {
  const list = await listContainers(runId);
  await Promise.all(list.map((c) => docker().getContainer(c.id).remove({ force: true }).catch(() => {})));
  return list.length;
}
