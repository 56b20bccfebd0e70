// A rung's codebase fingerprint: what a ladder's pair results are keyed by, so editing a rung's
// code makes its pairs stale (they are played again) while moving the directory does not. The
// tree is walked without following links (a link is hashed as a link, by its text) and files are
// read through the hardened codebase reader, as the arenas read a codebase; `.git` is history,
// not the code that plays.
import { createHash } from 'node:crypto';
import { readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { hostCodebaseReader } from '../compete/codebase-reader.ts';

/** The most of one file hashed; a rung's file beyond this is not code a sim reads. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** sha256 over every entry of `dir` in path order: its kind, its path and its content. */
export async function codebaseHash(dir: string): Promise<string> {
  const reader = hostCodebaseReader(dir);
  const hash = createHash('sha256');
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(join(dir, rel), { withFileTypes: true });
    entries.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    for (const e of entries) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (path === '.git') continue;
        hash.update(`d\0${path}\0`);
        await walk(path);
      } else if (e.isSymbolicLink()) hash.update(`l\0${path}\0${await readlink(join(dir, path))}\0`);
      else if (e.isFile()) {
        const text = await reader.readFile(path, MAX_FILE_BYTES);
        hash.update(`f\0${path}\0${text === null ? '\u0000unreadable' : text.length}\0`);
        if (text !== null) hash.update(text);
      }
    }
  };
  await walk('');
  return hash.digest('hex');
}
