// A process that contends for a run's lease, spawned by run-lease.fixture.ts:
//   node --import tsx run-lease-child.fixture.ts <runDir>
// Prints "ready", takes the lease on the first line of stdin, prints "held" or "refused <why>",
// then keeps it (renewing) until stdin ends, releases it and exits.
import { createInterface } from 'node:readline';
import { RunFolder } from './run-folder.ts';
import { type LeaseHandle, acquireLease } from './run-lease.ts';

const folder = new RunFolder(process.argv[2]!);
let handle: LeaseHandle | undefined;
const lines = createInterface({ input: process.stdin });
lines.once('line', () => {
  try {
    handle = acquireLease(folder, { renewMs: 50 });
    process.stdout.write('held\n');
  } catch (e) {
    process.stdout.write(`refused ${(e as Error).message}\n`);
  }
});
lines.on('close', () => handle?.release());
process.stdout.write('ready\n');
