// Splits what a process writes into lines, bounded: a line longer than the cap is never held in
// memory whole (a process flooding one endless line costs the host the cap, not its heap).
export interface LineReaderOptions {
  maxLineBytes: number;
  onLine(line: string): void;
  /** Called once, at the first line over the cap; nothing is read after it. */
  onOverflow(): void;
  /** Reading stops as soon as this says so (the reader's owner gave up on the process). */
  stopped?(): boolean;
}

/** A feed for the process's stdout chunks. */
export function lineReader(o: LineReaderOptions): (chunk: Buffer) => void {
  let partial: Buffer[] = [];
  let partialBytes = 0;
  let overflowed = false;
  const stop = () => overflowed || o.stopped?.() === true;
  const overflow = () => {
    overflowed = true;
    partial = [];
    o.onOverflow();
  };
  return (chunk) => {
    if (stop()) return;
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl >= 0; nl = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, nl);
      start = nl + 1;
      if (partialBytes + piece.length > o.maxLineBytes) return overflow();
      const line = partial.length ? Buffer.concat([...partial, piece]).toString('utf8') : piece.toString('utf8');
      partial = [];
      partialBytes = 0;
      o.onLine(line);
      if (stop()) return;
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      partialBytes += rest.length;
      if (partialBytes > o.maxLineBytes) return overflow();
      partial.push(Buffer.from(rest));
    }
  };
}
