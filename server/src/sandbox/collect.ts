// Runs a process to completion with a time limit and capped output: the one way commands
// are executed, in a container (Sandbox.exec) or on the host (execOnHost).
import type { WorkspaceExec } from '@codearena/protocol';
import type { ProcessHandle } from './process-handle.ts';
import { spawnHostProcess } from './host-process.ts';

export interface ExecOptions {
  timeoutMs?: number;
  /** Cap on stdout and on stderr, each; the rest is dropped and `truncated` set. */
  maxOutputBytes?: number;
  stdin?: string | Buffer;
  cwd?: string;
}

/** What a finished command returns; the same shape agents see through their Workspace. */
export type ExecResult = WorkspaceExec;

export async function collect(p: ProcessHandle, o: ExecOptions, t0 = performance.now()): Promise<ExecResult> {
  const cap = o.maxOutputBytes ?? 1024 * 1024;
  const out = new CappedBuffer(cap);
  const err = new CappedBuffer(cap);
  p.onStdout((b) => out.add(b));
  p.onStderr((b) => err.add(b));
  if (o.stdin !== undefined) p.write(o.stdin);
  p.endInput();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void p.kill();
  }, o.timeoutMs ?? 30_000);
  const code = await p.exited;
  clearTimeout(timer);
  return {
    exitCode: timedOut ? 124 : (code ?? 137),
    stdout: out.text(),
    stderr: err.text(),
    timedOut,
    truncated: out.truncated || err.truncated,
    ms: performance.now() - t0,
  };
}

export function execOnHost(cmd: string, cwd: string, o: ExecOptions = {}): Promise<ExecResult> {
  return collect(spawnHostProcess(['bash', '-c', cmd], cwd), o);
}

class CappedBuffer {
  private parts: Buffer[] = [];
  private size = 0;
  truncated = false;
  constructor(private readonly cap: number) {}
  add(b: Buffer): void {
    const room = this.cap - this.size;
    if (room <= 0) {
      this.truncated = true;
      return;
    }
    const take = b.length > room ? b.subarray(0, room) : b;
    if (take.length < b.length) this.truncated = true;
    this.parts.push(take);
    this.size += take.length;
  }
  text(): string {
    return Buffer.concat(this.parts).toString('utf8');
  }
}
