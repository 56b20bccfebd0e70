// A bot process started by its container's supervisor (supervisor.ts): stdio over its named
// pipes, exit from the supervisor's reply, CPU time from the host's /proc. Behaves like an
// exec'd bot process (sandbox.ts ExecProcess) at no cost to the Docker daemon.
import type { CpuSource } from './cpu-time.ts';
import type { FifoSet } from './fifo.ts';
import { relayFifo } from './fifo-stdio.ts';
import { Listeners, type ProcessHandle } from './process-handle.ts';
import type { SupervisedRun, Supervisor } from './supervisor.ts';

/** What of its container the process needs: the clean-up of its uid, and a way to say that a
 *  death nobody on the host caused may be the container's. */
export interface SupervisedBox {
  suspect: boolean;
  cleanUpUid(uid: number): Promise<void>;
}

export class SupervisedProcess implements ProcessHandle {
  readonly exited: Promise<number | null>;
  private readonly out = new Listeners<Buffer>();
  private readonly err = new Listeners<Buffer>();
  private alive = true;
  /** The uid's clean-up, once started by the host (see the top of sandbox.ts). */
  private cleanup: Promise<void> | null = null;

  constructor(
    private readonly box: SupervisedBox,
    private readonly supervisor: Supervisor,
    private readonly run: SupervisedRun,
    private readonly fifo: FifoSet,
    private readonly uid: number,
  ) {
    relayFifo(fifo, this.out, this.err, () => void this.kill());
    this.exited = run.exited.then(async (code) => {
      this.alive = false;
      // Let the last stdout bytes drain from the pipe before it is closed.
      setImmediate(() => this.fifo.close());
      // The wrapper exits with its command's code after cleaning up; a signal's code (or none)
      // means it may not have got that far.
      if (code === null || code >= 128) {
        if (!this.cleanup) this.box.suspect = true; // not killed by the host
        await this.cleanUp();
      }
      return code;
    });
  }

  write(data: string | Buffer): boolean {
    return this.alive && this.fifo.write(data);
  }

  endInput(): void {
    this.fifo.endInput();
  }

  onStdout(cb: (chunk: Buffer) => void): void {
    this.out.add(cb);
  }

  onStderr(cb: (chunk: Buffer) => void): void {
    this.err.add(cb);
  }

  async cpuSource(): Promise<CpuSource> {
    return this.supervisor.cpuSourceOf(this.run.nsPid, this.uid);
  }

  private cleanUp(): Promise<void> {
    this.cleanup ??= this.box.cleanUpUid(this.uid);
    return this.cleanup;
  }

  async kill(): Promise<void> {
    if (!this.alive) {
      await this.exited;
      return;
    }
    // Everything of this uid dies, wherever it went; awaited, so a sim that ends with a kill
    // leaves nothing running into the next.
    await this.cleanUp();
    this.fifo.close();
  }
}
