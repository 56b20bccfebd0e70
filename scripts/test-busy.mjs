#!/usr/bin/env node
// `npm run test:busy`: the whole test suite beside 4 busy processes per core, so a test that
// leans on the machine's speed (a wall-clock assertion, a sleep used as synchronisation, a tight
// deadline) fails here instead of on a user's loaded laptop. The set-up runs first, unloaded.
// Every busy process is started and killed by its PID; Ctrl-C (or SIGTERM) stops the suite, which
// removes its containers, and the busy processes before exiting.
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PER_CORE = 4;
const extra = process.argv.slice(2); // passed to vitest, e.g. a path filter

const setup = spawnSync('bash', [join(ROOT, 'docker', 'setup.sh'), '--for', 'test'], { cwd: ROOT, stdio: 'inherit' });
if (setup.status !== 0) process.exit(setup.status ?? 1);

const count = PER_CORE * availableParallelism();
// A pure CPU loop: no I/O, no memory, so it competes for the cores and nothing else. It also
// exits when this script is gone (re-parented), should the script itself be killed with -9.
const LOOP =
  'const p = process.ppid; for (;;) { for (let i = 0; i < 1e8; i++); if (process.ppid !== p) process.exit(); }';
const busy = Array.from({ length: count }, () => spawn(process.execPath, ['-e', LOOP], { stdio: 'ignore' }));
const stopBusy = () => {
  for (const b of busy) {
    if (b.exitCode === null && b.signalCode === null && b.pid !== undefined) {
      try {
        process.kill(b.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  }
};
process.on('exit', stopBusy);
console.error(`[test:busy] ${count} busy processes (${PER_CORE} per core): ${busy.map((b) => b.pid).join(' ')}`);

const started = Date.now();
const suite = spawn(process.execPath, [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...extra], {
  cwd: ROOT,
  stdio: 'inherit',
});
let signalled = null;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    // First signal: the suite cleans up (its global teardown removes containers); a second one
    // is passed on as well, and the suite's own handlers decide.
    signalled = sig;
    if (suite.exitCode === null) suite.kill(sig);
  });
}
suite.on('exit', (code, signal) => {
  stopBusy();
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  console.error(
    `[test:busy] suite ${signalled ? 'interrupted' : code === 0 ? 'passed' : 'failed'} under load in ${minutes} min`,
  );
  if (signalled || signal) process.exit(130);
  process.exit(code ?? 1);
});
