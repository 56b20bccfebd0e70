// A running process with stdio, whether inside a container (docker exec) or on the host
// (child_process). Bot clients and command runners are written against this alone.
import type { CpuSource } from './cpu-time.ts';
export interface ProcessHandle {
  /** Writes to the process's stdin; false once the pipe is gone (never throws). */
  write(data: string | Buffer): boolean;
  /** Closes stdin (EOF for the process). */
  endInput(): void;
  onStdout(cb: (chunk: Buffer) => void): void;
  onStderr(cb: (chunk: Buffer) => void): void;
  /** Resolves with the exit code (null when killed or unknown) once the process is gone. */
  readonly exited: Promise<number | null>;
  /** Kills the process and everything it started; idempotent, never throws. */
  kill(): Promise<void>;
  /** The host pid whose process tree is this process (CPU-time turn budgets, cpu-time.ts), or
   *  why there is none; never rejects. Absent: only the wall clock times it. */
  cpuSource?(): Promise<CpuSource>;
}

/** Fan-out helper. What is emitted before the first listener arrives is held and replayed
 *  to it, so a process started ahead of use (a warm spare) loses none of its output. */
export class Listeners<T> {
  private cbs: ((v: T) => void)[] = [];
  private held: T[] = [];
  add(cb: (v: T) => void): void {
    this.cbs.push(cb);
    if (this.cbs.length === 1) for (const v of this.held.splice(0)) cb(v);
  }
  emit(v: T): void {
    // Bounded: a process that floods before anyone listens loses the excess, not our memory.
    if (this.cbs.length === 0 && this.held.length < 256) this.held.push(v);
    for (const cb of this.cbs) cb(v);
  }
}
