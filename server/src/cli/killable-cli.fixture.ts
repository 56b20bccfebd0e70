// The codearena command as a child process that a test can kill mid-run: each run in a process
// group of its own (SIGKILL of the group = a crashed machine), its output collected; plus a wait
// on the run folder's progress and the one run folder under a runs dir. Used by the resume tests.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../paths.ts';
import { RunFolder } from '../store/run-folder.ts';

const BIN = join(ROOT, 'server', 'bin', 'codearena.js');

export interface KillableRun {
  child: ChildProcess;
  exited: Promise<{ code: number | null; out: string }>;
}

export interface KillableCli {
  start(args: string[], env: NodeJS.ProcessEnv): KillableRun;
  /** SIGKILLs the process group of every run still going (for afterAll). */
  killAll(): void;
}

export function killableCli(): KillableCli {
  const children = new Set<ChildProcess>();
  return {
    start(args, env) {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, detached: true, stdio: 'pipe' });
      children.add(child);
      let out = '';
      child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      const exited = new Promise<{ code: number | null; out: string }>((resolve) =>
        child.on('close', (code) => resolve({ code, out })),
      );
      return { child, exited };
    },
    killAll() {
      for (const c of children)
        if (c.exitCode === null && c.signalCode === null && c.pid) process.kill(-c.pid, 'SIGKILL');
    },
  };
}

/** Resolves once `check` holds, looking again every 50 ms (a wait on the run's progress). */
export async function until(check: () => boolean, what: string, child: ChildProcess): Promise<void> {
  while (!check()) {
    if (child.exitCode !== null) throw new Error(`the run ended (exit ${child.exitCode}) before ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The run folder under `runs` once its log exists, else null. */
export function runIn(runs: string): RunFolder | null {
  if (!existsSync(runs)) return null;
  const id = readdirSync(runs).find((d) => existsSync(join(runs, d, 'events.jsonl')));
  return id ? new RunFolder(join(runs, id)) : null;
}
