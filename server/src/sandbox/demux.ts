// Docker multiplexes stdout and stderr of a non-TTY attach/exec into one stream of frames:
// an 8-byte header [stream, 0, 0, 0, size (uint32 BE)] then `size` bytes. Chunks from the
// socket split frames anywhere, headers included, so this keeps whatever is incomplete.
export type StreamSink = (chunk: Buffer) => void;

export class Demuxer {
  private pending: Buffer = Buffer.alloc(0);

  constructor(
    private readonly onStdout: StreamSink,
    private readonly onStderr: StreamSink,
  ) {}

  push(chunk: Buffer): void {
    let buf = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    while (buf.length >= 8) {
      const size = buf.readUInt32BE(4);
      if (buf.length < 8 + size) break;
      const payload = buf.subarray(8, 8 + size);
      // 0 is stdin (never sent to us), 1 stdout, 2 stderr; 3 is the daemon's system error.
      if (buf[0] === 2 || buf[0] === 3) this.onStderr(payload);
      else this.onStdout(payload);
      buf = buf.subarray(8 + size);
    }
    this.pending = buf.length ? Buffer.from(buf) : Buffer.alloc(0);
  }

  /** Bytes of an unfinished frame still held (for tests and diagnostics). */
  get buffered(): number {
    return this.pending.length;
  }
}

/** Builds one frame (used by tests to produce streams the daemon would send). */
export function frame(stream: 1 | 2, payload: Buffer | string): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(body.length, 4);
  return Buffer.concat([header, body]);
}
