// Copies a codebase on the host without trusting it: directories and regular files are copied,
// links are recreated as links (never followed), anything else (FIFOs, sockets, devices) is an
// error naming the path, and the copy stops at the repo quota instead of filling the disk (a
// sparse file counts at its full length). Used for a player's starting codebase (the operator's
// directory) and for the search agent's candidate copies of its repo.
import { type Stats, copyFileSync, lstatSync, mkdirSync, readdirSync, readlinkSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { type RepoQuota, human } from './repo-quota.ts';
import { writeInside } from './write-inside.ts';

export class CodebaseError extends Error {}

export interface CopyOptions {
  quota: RepoQuota;
  /** Files written with this content instead of copied (relative paths). */
  replace?: Record<string, string>;
}

/** Never copied: git metadata at any depth (a nested repo is never honoured) and bytecode caches. */
const SKIPPED = new Set(['.git', '__pycache__']);

/** Copies `from` into `to`; with `to` null, only checks that it could (for a config check). */
export function copyCodebase(from: string, to: string | null, o: CopyOptions): void {
  const replace = new Map(Object.entries(o.replace ?? {}));
  let files = 0;
  let bytes = 0;
  const stack = [''];
  if (to) mkdirSync(to, { recursive: true });
  while (stack.length) {
    const rel = stack.pop()!;
    let names: string[];
    try {
      names = readdirSync(join(from, rel)).sort();
    } catch (e) {
      throw new CodebaseError(
        `cannot read ${join(from, rel)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      );
    }
    for (const name of names) {
      if (SKIPPED.has(name.toLowerCase())) continue;
      const path = rel ? `${rel}/${name}` : name;
      if (++files > o.quota.maxFiles)
        throw new CodebaseError(
          `${from} holds more than ${o.quota.maxFiles} files and directories (limits.repo_files)`,
        );
      const src = join(from, path);
      const dst = to && join(to, path);
      const st = lstatSync(src);
      if (replace.has(path) && !st.isDirectory()) continue; // written below
      if (st.isDirectory()) {
        if (dst) mkdirSync(dst, { mode: 0o755 });
        stack.push(path);
      } else if (st.isSymbolicLink()) {
        if (dst) symlinkSync(readlinkSync(src), dst);
      } else if (st.isFile()) {
        const size = Math.max(st.size, st.blocks * 512);
        if (size > o.quota.maxFileBytes) {
          throw new CodebaseError(
            `${src} is ${human(size)}, over limits.repo_file_mb (${human(o.quota.maxFileBytes)}; sparse files count at full length)`,
          );
        }
        bytes += size;
        if (bytes > o.quota.maxBytes)
          throw new CodebaseError(`${from} holds more than ${human(o.quota.maxBytes)} (limits.repo_mb)`);
        if (dst) copyFileSync(src, dst);
      } else {
        throw new CodebaseError(
          `${src} is ${kindOf(st)}: a codebase may hold only files, directories and links; remove it`,
        );
      }
    }
  }
  if (to) for (const [path, text] of replace) writeInside(to, path, text);
}

function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}
