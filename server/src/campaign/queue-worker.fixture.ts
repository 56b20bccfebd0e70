// A queue worker process for the tests: `node --import tsx queue-worker.fixture.ts '<json options>'`.
// Its handler prints {"event":"started","key","pid"} on stdout, waits until the test writes a line
// to its stdin (the gate), then creates <markers>/<key>.done exclusively: a job run to the end twice
// fails there, so the test can count that every job finished exactly once. It prints its
// WorkerResult as {"event":"result",…} and exits with its exit code.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { runWorker } from './queue.ts';

const o = JSON.parse(process.argv[2] ?? '{}') as {
  url: string;
  queue: string;
  markers: string;
  heartbeatMs: number;
  deadAfterMs: number;
};
const say = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);

let gateOpen = false;
const waiting = new Set<() => void>();
process.stdin.on('data', () => {
  gateOpen = true;
  for (const go of waiting) go();
});

const result = await runWorker({
  url: o.url,
  queueName: o.queue,
  schema: z.object({ n: z.number() }),
  parallel: 1,
  heartbeatMs: o.heartbeatMs,
  deadAfterMs: o.deadAfterMs,
  until: 'drained',
  log: (line) => say({ event: 'log', line }),
  handler: async (_payload, signal, job) => {
    say({ event: 'started', key: job.key, pid: process.pid, attempt: job.attempt });
    if (!gateOpen)
      await new Promise<void>((go, stop) => {
        waiting.add(go);
        signal.addEventListener('abort', () => stop(signal.reason as Error), { once: true });
      });
    writeFileSync(join(o.markers, `${job.key}.done`), String(process.pid), { flag: 'wx' });
    return 'done';
  },
});
say({ event: 'result', ...result });
process.stdin.destroy();
process.exitCode = result.exitCode;
