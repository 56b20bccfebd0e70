// The JSONL event log of one run: the source of truth. The SQLite index, resume after a crash
// and late web viewers are all rebuilt from it, so nothing emitted may be lost. One line parser
// serves the reader, the torn-tail repair and the live tailer. RunFolder says where the file is.
import {
  closeSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { Event } from '@codearena/protocol';

export interface RunLogOptions {
  /**
   * Also log `match.frame` events. Off by default: frames outnumber every other event by orders
   * of magnitude and each match's replay file already holds them.
   */
  frames?: boolean;
}

/** Events after which the log is fsynced, so a finished round survives even a power cut. */
const CHECKPOINTS = new Set<Event['type']>(['round.finished', 'tournament.finished']);

export class RunLog {
  private fd: number | undefined;
  private readonly frames: boolean;

  /** Opens (creating if needed) the log file for appending; a torn last line is repaired. */
  constructor(
    readonly path: string,
    options: RunLogOptions = {},
  ) {
    this.frames = options.frames ?? false;
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'a+');
    repairTail(this.fd);
  }

  /**
   * Writes one line with a synchronous write(2): once this returns the line is in the kernel,
   * so a crash of this process cannot lose it. Returns false when the event is not logged
   * (a frame, with frames off).
   */
  append(event: Event): boolean {
    if (event.type === 'match.frame' && !this.frames) return false;
    if (this.fd === undefined) throw new Error(`run log ${this.path} is closed`);
    writeAll(this.fd, Buffer.from(`${JSON.stringify(event)}\n`, 'utf8'));
    if (CHECKPOINTS.has(event.type)) fsyncSync(this.fd);
    return true;
  }

  /** Forces everything written so far to disk (write(2) alone survives process crashes, not power loss). */
  sync(): void {
    if (this.fd !== undefined) fsyncSync(this.fd);
  }

  close(): void {
    if (this.fd === undefined) return;
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = undefined;
  }
}

export class RunLogError extends Error {
  override readonly name = 'RunLogError';
}

/**
 * All events of a log file, validated. A last line cut off by a crash mid-write is ignored (its event
 * was never fully emitted); a bad line anywhere else means the log is damaged and throws.
 */
export function readEventLog(file: string): Event[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new RunLogError(`no run log at ${file}`);
    throw err;
  }
  const lines = text.split('\n');
  // After the final newline split() yields '' for a complete log, or the torn fragment.
  const tail = lines.pop() ?? '';
  const events: Event[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = parseEventLine(line);
    if (!parsed.ok) throw new RunLogError(`${file}:${i + 1}: ${parsed.error}`);
    events.push(parsed.event);
  });
  if (tail.trim() !== '') {
    const parsed = parseEventLine(tail);
    // Complete JSON without its newline is a whole event (the crash came between the two).
    if (parsed.ok) events.push(parsed.event);
  }
  return events;
}

/**
 * The log's last event, read from its end (a campaign asks this of thousands of run folders: a
 * whole read of each would be gigabytes at scale). A torn last line is skipped, as readEventLog
 * does; an event longer than the window is found by a whole read. Null for an empty log.
 */
export function readLastEvent(file: string, window = 1 << 20): Event | null {
  const fd = openSync(file, 'r');
  let text: string;
  let whole: boolean;
  try {
    const size = fstatSync(fd).size;
    const from = Math.max(0, size - window);
    const buf = Buffer.alloc(size - from);
    readSync(fd, buf, 0, buf.length, from);
    text = buf.toString('utf8');
    whole = from === 0;
  } finally {
    closeSync(fd);
  }
  const lines = text.split('\n');
  if (!whole) lines.shift(); // cut mid-line by the window
  // After the last newline: '' for a whole log, or a fragment that counts only if it is whole JSON.
  const tail = parseEventLine(lines.pop() ?? '');
  if (tail.ok) return tail.event;
  const last = lines.findLast((l) => l.trim() !== '');
  const parsed = last === undefined ? null : parseEventLine(last);
  if (parsed?.ok) return parsed.event;
  // Nothing whole in the window, or damage: the full reader decides (and names the damage).
  return whole && last === undefined ? null : (readEventLog(file).at(-1) ?? null);
}

type Parsed = { ok: true; event: Event } | { ok: false; error: string };

/** One line of the log, validated; never throws. */
export function parseEventLine(line: string): Parsed {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (err) {
    return { ok: false, error: `not JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  const result = Event.safeParse(json);
  if (result.success) return { ok: true, event: result.data };
  const first = result.error.issues[0];
  return { ok: false, error: `not a valid event: ${first ? `${first.path.join('.')}: ${first.message}` : 'unknown'}` };
}

/**
 * Makes the file end at a line boundary before appending, the way readRunLog reads it: a torn
 * fragment is cut off, a complete event that only lacks its newline gets one.
 */
function repairTail(fd: number): void {
  const size = fstatSync(fd).size;
  if (size === 0) return;
  const { start, fragment } = lastLine(fd, size);
  if (fragment.length === 0) return;
  if (parseEventLine(fragment.toString('utf8')).ok) writeAll(fd, Buffer.from('\n'));
  else ftruncateSync(fd, start);
}

/** Bytes after the last newline, reading backwards in chunks (logs can be large; fragments are not). */
function lastLine(fd: number, size: number): { start: number; fragment: Buffer } {
  const chunk = 64 * 1024;
  const parts: Buffer[] = [];
  let end = size;
  while (end > 0) {
    const from = Math.max(0, end - chunk);
    const buf = Buffer.alloc(end - from);
    readSync(fd, buf, 0, buf.length, from);
    const nl = buf.lastIndexOf(0x0a);
    if (nl >= 0) {
      parts.unshift(buf.subarray(nl + 1));
      return { start: from + nl + 1, fragment: Buffer.concat(parts) };
    }
    parts.unshift(buf);
    end = from;
  }
  return { start: 0, fragment: Buffer.concat(parts) };
}

function writeAll(fd: number, buf: Buffer): void {
  let off = 0;
  while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
}

const MAX_READ = 16 << 20;

/**
 * Follows a log as it grows: each `read` returns the complete lines appended since the last one,
 * parsed. A line still being written waits for its newline; a damaged line is skipped and counted
 * (a live view must keep going; readRunLog is the strict reader).
 */
export class EventsTail {
  private offset = 0;
  /** Bytes after the last complete line (kept as bytes: a read may end inside a UTF-8 character). */
  private partial: Buffer = Buffer.alloc(0);
  /** Damaged lines skipped so far. */
  badLines = 0;

  constructor(readonly path: string) {}

  /** True once something was read (the file existed). */
  get started(): boolean {
    return this.offset > 0;
  }

  /** New events since the last call; [] while the file does not exist yet. Throws only on I/O errors. */
  read(): Event[] {
    let fd: number;
    try {
      fd = openSync(this.path, 'r');
    } catch {
      return []; // not written yet
    }
    let bytes: Buffer;
    try {
      const size = fstatSync(fd).size;
      if (size < this.offset) return []; // rewritten under us: keep what we have
      // Bounded: a huge log is taken in slices over several reads, not one allocation.
      const buf = Buffer.alloc(Math.min(size - this.offset, MAX_READ));
      let read = 0;
      while (read < buf.length) {
        const n = readSync(fd, buf, read, buf.length - read, this.offset + read);
        if (n === 0) break;
        read += n;
      }
      this.offset += read;
      bytes = Buffer.concat([this.partial, buf.subarray(0, read)]);
    } finally {
      closeSync(fd);
    }
    const end = bytes.lastIndexOf(0x0a) + 1;
    this.partial = Buffer.from(bytes.subarray(end));
    const events: Event[] = [];
    for (const line of bytes.subarray(0, end).toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      const parsed = parseEventLine(line);
      if (parsed.ok) events.push(parsed.event);
      else this.badLines++;
    }
    return events;
  }
}
