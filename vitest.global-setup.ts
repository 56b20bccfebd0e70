// Container hygiene for the whole suite. Every container a test creates (in a worker or in a
// CLI child process) carries codearena.session=<this run>; an interrupted run (Ctrl-C) removes
// them synchronously before exiting, and a finished run fails if any is left (a cleanup bug).
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import Docker from 'dockerode';
import { startTestPg, TEST_PG_ENV } from './server/src/pg/pg.fixture.ts';

export default async function setup() {
  // One private PostgreSQL for the run (the queue and store tests); none where it is not installed.
  const pg = await startTestPg().catch((e: Error) => {
    process.stderr.write(`[test setup] no PostgreSQL for this run: ${e.message.split('\n')[0]}\n`);
    return undefined;
  });
  if (pg) process.env[TEST_PG_ENV] = pg.url;
  const session = `test-${randomUUID().slice(0, 8)}`;
  process.env.CODEARENA_SESSION = session;
  const filter = `label=codearena.session=${session}`;
  const removeNow = () => {
    try {
      const ids = execFileSync('docker', ['ps', '-aq', '--filter', filter], { encoding: 'utf8' })
        .split('\n')
        .filter(Boolean);
      if (ids.length) execFileSync('docker', ['rm', '-f', ...ids], { stdio: 'ignore' });
    } catch {
      /* no daemon: nothing to clean */
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    removeNow();
    pg?.stopNow();
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  return async function teardown() {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await pg?.stop();
    const docker = new Docker();
    let left: Docker.ContainerInfo[] = [];
    try {
      left = await docker.listContainers({ all: true, filters: { label: [`codearena.session=${session}`] } });
    } catch {
      return; // no daemon: the Docker tests reported that themselves
    }
    if (left.length) {
      removeNow();
      throw new Error(
        `the test suite left ${left.length} codearena container(s): ${left.map((c) => c.Labels['codearena.role']).join(', ')}`,
      );
    }
  };
}
