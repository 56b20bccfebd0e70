// The one way host-side code reads or writes single files of a player's repo. An agent may have
// left links to host files (`NOTES.md -> /proc/self/environ`), FIFOs that block a reader, or
// huge files there; reads go through the codebase reader (no links, regular files only, capped),
// writes replace whatever is at the path instead of writing through it.
import type { RepoFiles } from '@codearena/protocol';
import { hostCodebaseReader } from '../compete/codebase-reader.ts';
import { copyCodebase } from './codebase-copy.ts';
import { writeInside } from './write-inside.ts';
import type { RepoQuota } from './repo-quota.ts';

export function repoFiles(repoDir: string, quota: RepoQuota): RepoFiles {
  const reader = hostCodebaseReader(repoDir);
  return {
    read: (path, maxBytes) => reader.readFile(path, maxBytes),
    write: async (path, data) => writeInside(repoDir, path, data),
    copyTo: async (dest, replace) => copyCodebase(repoDir, dest, { quota, replace }),
  };
}
