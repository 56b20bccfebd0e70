// After the whole suite: no codearena container may be left behind (a cleanup bug if so).
import Docker from 'dockerode';

export default function setup() {
  return async function teardown() {
    const docker = new Docker();
    let left: Docker.ContainerInfo[] = [];
    try {
      left = await docker.listContainers({ all: true, filters: { label: ['codearena'] } });
    } catch {
      return; // no daemon: the Docker tests reported that themselves
    }
    if (left.length) {
      await Promise.all(left.map((c) => docker.getContainer(c.Id).remove({ force: true }).catch(() => {})));
      throw new Error(`the test suite left ${left.length} codearena container(s): ${left.map((c) => c.Labels['codearena.role']).join(', ')}`);
    }
  };
}
