// Bot stdio through named pipes in a host directory mounted read-only at /io, instead of
// through the Docker daemon's attach stream: each line then crosses one kernel pipe rather
// than dockerd's copy loops (about 3× lower round-trip latency, and no daemon CPU per line).
// stderr has its own pipe too, so a bot flooding it costs neither the daemon nor the demuxer,
// and the host stops reading at a cap (see sandbox.ts).
//
// Isolation between processes: the directory is traversable but not listable, every pipe has
// a random (unguessable) name and belongs to the one uid its process runs as (mode 0600), so
// another process in the container — an earlier sim's daemon, the next sim's warm spare —
// can neither find nor open it.
//
// Leftovers: the directory's name carries its owner's token (owner.ts), so a later run or
// `doctor --clean` can remove the directories of a codearena process that was killed.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  closeSync,
  constants,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ownerState, ownerToken } from './owner.ts';

const run = promisify(execFile);
export const FIFO_DIR_PREFIX = 'codearena-io-';
const live = new Set<string>();
let exitHook = false;

/** A private directory for one container's pipes: traversable, not listable, not writable. */
export function createFifoDir(): string {
  const dir = mkdtempSync(join(tmpdir(), `${FIFO_DIR_PREFIX}${ownerToken()}-`));
  chmodSync(dir, 0o711);
  live.add(dir);
  if (!exitHook) {
    // Last resort for a process that exits without disposing (process.exit after a second
    // Ctrl-C, an uncaught error): the directories go with it. Synchronous, as 'exit' requires.
    exitHook = true;
    process.on('exit', removeAllFifoDirs);
  }
  return dir;
}

export function removeFifoDir(dir: string): void {
  live.delete(dir);
  rmSync(dir, { recursive: true, force: true });
}

/** Removes every FIFO directory this process still holds. */
export function removeAllFifoDirs(): void {
  for (const dir of [...live]) removeFifoDir(dir);
}

/** FIFO directories in the temp dir, with their owner's state (see owner.ts). */
export function listFifoDirs(): { path: string; owner: ReturnType<typeof ownerState> }[] {
  let names: string[];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return [];
  }
  return names
    .filter((n) => n.startsWith(FIFO_DIR_PREFIX))
    .map((n) => {
      // codearena-io-<token>-<mkdtemp suffix>; directories of older versions have no token.
      const token = n.slice(FIFO_DIR_PREFIX.length).replace(/-[^-]*$/, '');
      return { path: join(tmpdir(), n), owner: ownerState(token) };
    });
}

export interface FifoSet {
  /** Paths inside the container. */
  inPath: string;
  outPath: string;
  errPath: string;
  /** Writes to the bot's stdin; false when the pipe is full (the bot stopped reading) or closed. */
  write(data: string | Buffer): boolean;
  /** EOF for the bot. */
  endInput(): void;
  /** The bot's stdout and stderr. */
  reader: Socket;
  errReader: Socket;
  close(): void;
}

/** Makes the stdin/stdout/stderr pipes of one process, owned by `owner` ("uid:gid") when the
 *  host runs as root, and opens the host's ends. Every end is opened read-write on the host,
 *  so no open blocks and the bot's own opens succeed at once; the host never reads its stdin
 *  end nor writes the others. Without root the pipes cannot be given away: the bot's side then
 *  gets the "other" bits it needs, and the random names are what keeps other processes out. */
export async function openFifoSet(dir: string, containerDir: string, owner: string): Promise<FifoSet> {
  const id = randomBytes(16).toString('hex');
  const paths = { in: join(dir, `${id}.in`), out: join(dir, `${id}.out`), err: join(dir, `${id}.err`) };
  const all = [paths.in, paths.out, paths.err];
  if (process.getuid?.() === 0) {
    await run('mkfifo', ['-m', '600', ...all]);
    // chown(2) directly: one process fewer per bot start than chown(1).
    const [uid, gid] = owner.split(':').map(Number) as [number, number];
    for (const p of all) chownSync(p, uid, gid);
  } else {
    await run('mkfifo', ['-m', '604', paths.in]);
    await run('mkfifo', ['-m', '602', paths.out, paths.err]);
  }
  const inFd = openSync(paths.in, constants.O_RDWR | constants.O_NONBLOCK);
  const reader = new Socket({
    fd: openSync(paths.out, constants.O_RDWR | constants.O_NONBLOCK),
    readable: true,
    writable: false,
  });
  const errReader = new Socket({
    fd: openSync(paths.err, constants.O_RDWR | constants.O_NONBLOCK),
    readable: true,
    writable: false,
  });
  reader.on('error', () => {});
  errReader.on('error', () => {});
  let inOpen = true;
  const closeIn = () => {
    if (!inOpen) return;
    inOpen = false;
    closeSync(inFd);
  };
  return {
    inPath: `${containerDir}/${id}.in`,
    outPath: `${containerDir}/${id}.out`,
    errPath: `${containerDir}/${id}.err`,
    write(data) {
      if (!inOpen) return false;
      const buf = typeof data === 'string' ? Buffer.from(data) : data;
      try {
        let off = 0;
        while (off < buf.length) off += writeSync(inFd, buf, off);
        return true;
      } catch {
        return false; // EAGAIN: 64 KiB unread in the pipe — the bot is not reading its input
      }
    },
    endInput: closeIn,
    reader,
    errReader,
    close() {
      closeIn();
      reader.destroy();
      errReader.destroy();
      for (const p of all) {
        try {
          unlinkSync(p);
        } catch {
          /* already gone */
        }
      }
    },
  };
}
