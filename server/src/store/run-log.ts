// The JSONL event log of one run: the source of truth. The SQLite index, resume after a crash
// and late web viewers are all rebuilt from it, so nothing emitted may be lost.
import { closeSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Event } from '@codearena/protocol';

export const EVENTS_FILE = 'events.jsonl';
/** The resolved tournament config of a run, written before `tournament.started`; the index stores it. */
export const CONFIG_FILE = 'config.json';

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
  readonly path: string;
  private fd: number | undefined;
  private readonly frames: boolean;

  /** Opens (creating if needed) `<runDir>/events.jsonl` for appending; a torn last line is repaired. */
  constructor(readonly runDir: string, options: RunLogOptions = {}) {
    this.frames = options.frames ?? false;
    mkdirSync(runDir, { recursive: true });
    this.path = join(runDir, EVENTS_FILE);
    this.fd = openSync(this.path, 'a+');
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

  /** Writes the run's resolved config next to the log, atomically (rename), for the index. */
  writeConfig(config: unknown): void {
    const file = join(this.runDir, CONFIG_FILE);
    writeFileSync(`${file}.tmp`, `${JSON.stringify(config, null, 2)}\n`);
    renameSync(`${file}.tmp`, file);
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
 * All events of a run, validated. A last line cut off by a crash mid-write is ignored (its event
 * was never fully emitted); a bad line anywhere else means the log is damaged and throws.
 */
export function readRunLog(runDir: string): Event[] {
  const file = join(runDir, EVENTS_FILE);
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
    const parsed = parseLine(line);
    if (!parsed.ok) throw new RunLogError(`${file}:${i + 1}: ${parsed.error}`);
    events.push(parsed.event);
  });
  if (tail.trim() !== '') {
    const parsed = parseLine(tail);
    // Complete JSON without its newline is a whole event (the crash came between the two).
    if (parsed.ok) events.push(parsed.event);
  }
  return events;
}

type Parsed = { ok: true; event: Event } | { ok: false; error: string };

function parseLine(line: string): Parsed {
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
  if (parseLine(fragment.toString('utf8')).ok) writeAll(fd, Buffer.from('\n'));
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
