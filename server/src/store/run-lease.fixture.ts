// Real processes contending for a run's lease (run-lease-child.fixture.ts), for tests of the lease
// and of what reads it (the index's `interrupted`, the CLI). Call killContenders() after each test.
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { RunFolder } from './run-folder.ts';

export interface Contender {
  child: ChildProcessByStdio<Writable, Readable, null>;
  /** Asks it to take the lease; its answer ("held" or "refused <why>") is the next line. */
  go(): void;
  next(): Promise<string>;
  exited: Promise<void>;
}

const running = new Set<ChildProcessByStdio<Writable, Readable, null>>();

/** Starts a contender and waits until it is ready to take the lease of `folder`. */
export async function contender(folder: RunFolder): Promise<Contender> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./run-lease-child.fixture.ts', import.meta.url)), folder.runDir],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  running.add(child);
  const exited = new Promise<void>((done) =>
    child.once('exit', () => {
      running.delete(child);
      done();
    }),
  );
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<string> => {
    const r = await lines.next();
    if (r.done) throw new Error(`lease contender ${child.pid} exited before answering`);
    return r.value;
  };
  const ready = await next();
  if (ready !== 'ready') throw new Error(`lease contender ${child.pid} said "${ready}" instead of "ready"`);
  return { child, next, exited, go: () => child.stdin.write('go\n') };
}

/** A run whose process died: a child takes the lease of `folder` and is killed with SIGKILL. */
export async function killedHolder(folder: RunFolder): Promise<number> {
  const c = await contender(folder);
  c.go();
  const answer = await c.next();
  if (answer !== 'held') throw new Error(`lease contender could not take the lease: ${answer}`);
  c.child.kill('SIGKILL');
  await c.exited;
  return c.child.pid!;
}

export function killContenders(): void {
  for (const c of running) c.kill('SIGKILL');
}
