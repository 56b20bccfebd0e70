// Host-side touches of agent-written trees: the quota measure, the hardened copy of a codebase
// and the single-file reader/writer, against the layouts an agent (or an operator's directory)
// can hold: links to host files, FIFOs, sockets, sparse giants, deep and wide trees.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CodebaseError, copyCodebase } from './codebase-copy.ts';
import { repoFiles } from './repo-files.ts';
import { checkRepoQuota, type RepoQuota } from './repo-quota.ts';

const MiB = 1024 * 1024;
const quota: RepoQuota = { maxBytes: 4 * MiB, maxFiles: 50, maxFileBytes: 2 * MiB };

let dir: string;
let repo: string;
/** Stands for a host file the agent must never reach (e.g. /etc/passwd). */
let secret: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'codearena-repofiles-'));
  repo = join(dir, 'repo');
  mkdirSync(join(repo, 'bot'), { recursive: true });
  writeFileSync(join(repo, 'run'), '#!/bin/sh\n', { mode: 0o755 });
  writeFileSync(join(repo, 'params.json'), '{"a": 1}\n');
  secret = join(dir, 'host-secret');
  writeFileSync(secret, 'root:x:0:0:secret\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the repo quota', () => {
  it('passes a small repo and ignores the top-level .git', () => {
    mkdirSync(join(repo, '.git'));
    writeFileSync(join(repo, '.git', 'pack'), Buffer.alloc(5 * MiB));
    expect(checkRepoQuota(repo, quota)).toMatchObject({ ok: true, files: 3 });
  });

  it('counts a sparse file at its full length and names the limit', () => {
    writeFileSync(join(repo, 'sparse.bin'), '');
    truncateSync(join(repo, 'sparse.bin'), 3 * 1024 * MiB);
    const r = checkRepoQuota(repo, quota);
    expect(r).toEqual({
      ok: false,
      problem: expect.stringMatching(/^sparse\.bin is 3\.0 GiB, over limits\.repo_file_mb/),
    });
  });

  it('stops at the total size and lists the largest files', () => {
    for (const n of ['a', 'b', 'c']) writeFileSync(join(repo, `${n}.bin`), Buffer.alloc(1.5 * MiB));
    const r = checkRepoQuota(repo, quota);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem).toMatch(
      /holds 4\.5 MiB, over limits\.repo_mb \(4\.0 MiB\); largest: .\.bin \(1\.5 MiB\)/,
    );
  });

  it('stops counting at the file cap, without walking the rest', () => {
    for (let i = 0; i < 200; i++) writeFileSync(join(repo, 'bot', `f${i}`), '');
    const r = checkRepoQuota(repo, quota);
    expect(!r.ok && r.problem).toMatch(/more than 50 files and directories, over limits\.repo_files/);
  });

  it('never follows a link: a link to a huge host directory costs nothing', () => {
    symlinkSync('/usr', join(repo, 'usr'));
    expect(checkRepoQuota(repo, quota).ok).toBe(true);
  });
});

describe('copying a codebase', () => {
  it('copies files, keeps modes, recreates links as links and skips git metadata at any depth', () => {
    symlinkSync(secret, join(repo, 'link'));
    mkdirSync(join(repo, 'sub', '.git'), { recursive: true });
    writeFileSync(join(repo, 'sub', '.git', 'config'), '[core]\n\tfsmonitor = touch /tmp/x\n');
    writeFileSync(join(repo, 'sub', 'f'), 'x');
    copyCodebase(repo, join(dir, 'out'), { quota });
    expect(lstatSync(join(dir, 'out', 'run')).mode & 0o777).toBe(0o755);
    expect(readlinkSync(join(dir, 'out', 'link'))).toBe(secret);
    expect(existsSync(join(dir, 'out', 'sub', 'f'))).toBe(true);
    expect(existsSync(join(dir, 'out', 'sub', '.git'))).toBe(false);
  });

  it('refuses a FIFO, naming it, instead of crashing or blocking', () => {
    execFileSync('mkfifo', [join(repo, 'bot', 'pipe')]);
    expect(() => copyCodebase(repo, join(dir, 'out'), { quota })).toThrow(CodebaseError);
    expect(() => copyCodebase(repo, join(dir, 'out2'), { quota })).toThrow(
      /bot\/pipe is a FIFO: a codebase may hold only files, directories and links/,
    );
  });

  it('refuses a socket', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(join(repo, 'sock'), r));
    try {
      expect(() => copyCodebase(repo, join(dir, 'out'), { quota })).toThrow(/sock is a socket/);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('refuses a sparse giant before writing a byte of it', () => {
    writeFileSync(join(repo, 'big'), '');
    truncateSync(join(repo, 'big'), 3 * 1024 * MiB);
    expect(() => copyCodebase(repo, join(dir, 'out'), { quota })).toThrow(/big is 3\.0 GiB, over limits\.repo_file_mb/);
    expect(existsSync(join(dir, 'out', 'big'))).toBe(false);
  });

  it('writes replacement files without writing through a link at their path', () => {
    rmSync(join(repo, 'params.json'));
    symlinkSync(secret, join(repo, 'params.json'));
    copyCodebase(repo, join(dir, 'out'), { quota, replace: { 'params.json': '{"a": 2}\n' } });
    expect(readFileSync(join(dir, 'out', 'params.json'), 'utf8')).toBe('{"a": 2}\n');
    expect(lstatSync(join(dir, 'out', 'params.json')).isFile()).toBe(true);
    expect(readFileSync(secret, 'utf8')).toBe('root:x:0:0:secret\n');
  });
});

describe('single repo files on the host', () => {
  it('reads a regular file, capped', async () => {
    const files = repoFiles(repo, quota);
    expect(await files.read('params.json', 1024)).toBe('{"a": 1}\n');
    expect(await files.read('params.json', 3)).toBe('{"a');
  });

  it('reads nothing through a link, a linked directory, a FIFO or outside the repo', async () => {
    symlinkSync(secret, join(repo, 'NOTES.md'));
    symlinkSync(dir, join(repo, 'up'));
    execFileSync('mkfifo', [join(repo, 'fifo')]);
    const files = repoFiles(repo, quota);
    expect(await files.read('NOTES.md', 1024)).toBeNull();
    expect(await files.read('up/host-secret', 1024)).toBeNull();
    expect(await files.read('fifo', 1024)).toBeNull(); // and returns at once: nothing is waiting on a writer
    expect(await files.read('../host-secret', 1024)).toBeNull();
  });

  it('writes by replacing a link, never through it, and refuses a linked directory', async () => {
    rmSync(join(repo, 'params.json'));
    symlinkSync(secret, join(repo, 'params.json'));
    symlinkSync(dir, join(repo, 'up'));
    const files = repoFiles(repo, quota);
    await files.write('params.json', '{"a": 3}\n');
    expect(readFileSync(secret, 'utf8')).toBe('root:x:0:0:secret\n');
    expect(lstatSync(join(repo, 'params.json')).isFile()).toBe(true);
    await expect(files.write('up/host-secret', 'pwned')).rejects.toThrow(/up is not a directory/);
    await expect(files.write('../host-secret', 'pwned')).rejects.toThrow(/outside the codebase/);
    expect(readFileSync(secret, 'utf8')).toBe('root:x:0:0:secret\n');
  });
});
