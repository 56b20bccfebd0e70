// A bot process's stdout and stderr from its named pipes (fifo.ts) to the host's listeners, with
// stderr capped: past STDERR_CAP_BYTES the host stops reading and the process is stopped.
import type { FifoSet } from './fifo.ts';
import type { Listeners } from './process-handle.ts';

/** stderr a bot process may send the host through its pipe; past it the process is stopped.
 *  Generous for logging (a line per turn is a few KiB a sim), and a flood costs the host no
 *  more than this. */
export const STDERR_CAP_BYTES = 1024 * 1024;

export function relayFifo(fifo: FifoSet, out: Listeners<Buffer>, err: Listeners<Buffer>, kill: () => void): void {
  fifo.reader.on('data', (b: Buffer) => out.emit(b));
  let errBytes = 0;
  let capped = false;
  fifo.errReader.on('data', (b: Buffer) => {
    if (capped) return;
    const room = STDERR_CAP_BYTES - errBytes;
    if (b.length <= room) {
      errBytes += b.length;
      return err.emit(b);
    }
    capped = true;
    err.emit(b.subarray(0, room));
    // Closing the host's end leaves the pipe without a reader: the bot's next write fails
    // (EPIPE) at once, instead of the host reading on until the kill lands.
    fifo.errReader.destroy();
    err.emit(Buffer.from(`\n[codearena: stopped after ${STDERR_CAP_BYTES} bytes on stderr]\n`));
    kill();
  });
}
