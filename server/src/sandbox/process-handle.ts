// A running process with stdio, whether inside a container (docker exec) or on the host
// (child_process). Bot clients and command runners are written against this alone.
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
}

/** Fan-out helper: collects listeners registered before or after data starts flowing. */
export class Listeners<T> {
  private cbs: ((v: T) => void)[] = [];
  add(cb: (v: T) => void): void {
    this.cbs.push(cb);
  }
  emit(v: T): void {
    for (const cb of this.cbs) cb(v);
  }
}
