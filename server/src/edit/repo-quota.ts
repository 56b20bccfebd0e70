// The size cap of a player's repo. Measured on the host with lstat only (no link is followed,
// no file is opened), stopping at the file-count cap, so measuring a hostile tree is bounded too.
// A file counts at its full length even when sparse: 2 GiB of holes costs git 2 GiB of hashing.
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LimitsConfig } from '@codearena/protocol';

const MiB = 1024 * 1024;

export interface RepoQuota {
  maxBytes: number;
  maxFiles: number;
  maxFileBytes: number;
}

export const repoQuotaFrom = (l: Pick<LimitsConfig, 'repo_mb' | 'repo_files' | 'repo_file_mb'>): RepoQuota => ({
  maxBytes: Math.round(l.repo_mb * MiB),
  maxFiles: l.repo_files,
  maxFileBytes: Math.round(l.repo_file_mb * MiB),
});

export type QuotaCheck = { ok: true; files: number; bytes: number } | { ok: false; problem: string };

/** Measures `dir` (its top-level .git excluded) against the quota. */
export function checkRepoQuota(dir: string, q: RepoQuota): QuotaCheck {
  let files = 0;
  let bytes = 0;
  const big: { path: string; size: number }[] = [];
  const stack = [''];
  while (stack.length) {
    const rel = stack.pop()!;
    let names: string[];
    try {
      names = readdirSync(join(dir, rel));
    } catch {
      continue; // vanished or unreadable: git will not see it either
    }
    for (const name of names) {
      const path = rel ? `${rel}/${name}` : name;
      if (path === '.git') continue;
      if (++files > q.maxFiles) {
        return {
          ok: false,
          problem: `the repo holds more than ${q.maxFiles} files and directories, over limits.repo_files; delete what the bot does not need`,
        };
      }
      let st;
      try {
        st = lstatSync(join(dir, path));
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        stack.push(path);
        continue;
      }
      const size = Math.max(st.size, st.blocks * 512);
      bytes += size;
      big.push({ path, size });
      if (big.length > 8) big.sort((a, b) => b.size - a.size).pop();
    }
  }
  big.sort((a, b) => b.size - a.size);
  const largest = big
    .slice(0, 3)
    .map((f) => `${f.path} (${human(f.size)})`)
    .join(', ');
  const top = big[0];
  if (top && top.size > q.maxFileBytes) {
    return {
      ok: false,
      problem: `${top.path} is ${human(top.size)}, over limits.repo_file_mb (${human(q.maxFileBytes)} per file; sparse files count at full length)`,
    };
  }
  if (bytes > q.maxBytes) {
    return {
      ok: false,
      problem: `the repo holds ${human(bytes)}, over limits.repo_mb (${human(q.maxBytes)}); largest: ${largest}`,
    };
  }
  return { ok: true, files, bytes };
}

export function human(n: number): string {
  if (n >= 1024 * MiB) return `${(n / (1024 * MiB)).toFixed(1)} GiB`;
  if (n >= MiB) return `${(n / MiB).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}
