// Writing a file into a directory an agent may have shaped: the path must stay inside through
// real directories, and whatever is already at the path (a link to a host file, a FIFO) is
// replaced, never written through.
import { closeSync, constants, lstatSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** Writes `root/rel` as a new regular file: the path must stay inside `root` through real
 *  directories, and a link (or anything else) already at the path is removed, not followed. */
export function writeInside(root: string, rel: string, data: string): void {
  const base = resolve(root);
  const full = resolve(base, rel);
  if (!full.startsWith(base + sep)) throw new Error(`${rel}: outside the codebase`);
  // Directory by directory, with lstat: a link where a directory should be is refused.
  let dir = base;
  for (const part of relative(base, dirname(full)).split(sep).filter(Boolean)) {
    dir = join(dir, part);
    let st;
    try {
      st = lstatSync(dir);
    } catch {
      mkdirSync(dir, { mode: 0o755 });
      continue;
    }
    if (!st.isDirectory()) throw new Error(`${rel}: ${relative(base, dir)} is not a directory`);
  }
  try {
    if (!lstatSync(full).isFile()) rmSync(full, { recursive: true, force: true });
  } catch {
    /* nothing there yet */
  }
  const fd = openSync(full, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o644);
  try {
    const buf = Buffer.from(data);
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off);
  } finally {
    closeSync(fd);
  }
}
