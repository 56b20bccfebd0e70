// Every git configuration key, attribute and repository layout we know of that can make git run
// a command or follow a path elsewhere, planted in a player's repo the way a hostile agent (or a
// compromised earlier box) could, then committed by the real round commit. The planted commands
// would leave a mark in the repo (if run in the box) or in the host's temp dir (if run on the
// host); neither may appear, the round history must stay intact, and no path may be followed.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LimitsConfig } from '@codearena/protocol';
import { removeContainers } from '../sandbox/cleanup.ts';
import { sandboxLimitsFrom } from '../sandbox/limits.ts';
import { GIT_ENV, GIT_SETTINGS } from './git-hardening.ts';
import { MAX_DIFF_BYTES, commitRound, exportTag, initRepo } from './git.ts';
import { repoQuotaFrom } from './repo-quota.ts';

const RUN = `git-hardening-${process.pid}`;
const limits = LimitsConfig.parse({});
const opts = { runId: RUN, player: 'mallory', limits: sandboxLimitsFrom(limits) };
const quota = repoQuotaFrom(limits);

let work: string;
let starter: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'codearena-githard-'));
  starter = join(work, 'starter');
  mkdirSync(starter);
  writeFileSync(join(starter, 'run'), '#!/bin/sh\necho up\n', { mode: 0o755 });
});
afterAll(async () => {
  await removeContainers(RUN).catch(() => 0);
  rmSync(work, { recursive: true, force: true });
});

/** A command that leaves `name` in the repo when run in a box, and in the host's temp dir when run on the host. */
const mark = (repo: string, name: string) => `touch /repo/.pwned-${name} ${join(work, `host-pwned-${name}`)}`;
const script = (cmd: string) => `#!/bin/sh\n${cmd}\n`;

interface Case {
  name: string;
  /** Plants the attack into the worktree (and, for "compromised box" cases, into .git). */
  plant(repo: string, cmd: string): void;
}

const config = (repo: string, text: string) =>
  writeFileSync(join(repo, '.git', 'config'), `[core]\n\trepositoryformatversion = 0\n\tbare = false\n${text}`);
const nestedRepo = (repo: string, dir: string, cfg: string) => {
  mkdirSync(join(repo, dir, '.git', 'objects'), { recursive: true });
  mkdirSync(join(repo, dir, '.git', 'refs', 'heads'), { recursive: true });
  writeFileSync(join(repo, dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  writeFileSync(join(repo, dir, '.git', 'config'), `[core]\n\trepositoryformatversion = 0\n\tbare = false\n${cfg}`);
  writeFileSync(join(repo, dir, 'f'), 'x\n');
};
const hook = (dir: string, name: string, cmd: string) => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), script(cmd));
  chmodSync(join(dir, name), 0o755);
};

const CASES: Case[] = [
  // keys in the repo's own config (only a compromised box could write .git; the box resets it)
  { name: 'core.fsmonitor', plant: (r, c) => config(r, `\tfsmonitor = ${c}; false\n`) },
  {
    name: 'core.hooksPath',
    plant: (r, c) => (hook(join(r, 'hooks'), 'pre-commit', c), config(r, `\thooksPath = /repo/hooks\n`)),
  },
  {
    name: '.git/hooks',
    plant: (r, c) =>
      ['pre-commit', 'post-commit', 'post-index-change', 'reference-transaction', 'pre-auto-gc'].forEach((h) =>
        hook(join(r, '.git', 'hooks'), h, c),
      ),
  },
  { name: 'core.sshCommand', plant: (r, c) => config(r, `\tsshCommand = ${c}\n`) },
  { name: 'core.pager', plant: (r, c) => config(r, `\tpager = ${c}\n`) },
  { name: 'core.editor', plant: (r, c) => config(r, `\teditor = ${c}\n`) },
  { name: 'core.alternateRefsCommand', plant: (r, c) => config(r, `\talternateRefsCommand = ${c}\n`) },
  { name: 'core.worktree', plant: (r) => config(r, `\tworktree = /\n`) },
  { name: 'core.bare', plant: (r) => config(r, `\tbare = true\n`) },
  { name: 'diff.external', plant: (r, c) => config(r, `[diff]\n\texternal = ${c}\n`) },
  {
    name: 'filter driver + attribute',
    plant: (r, c) => (
      config(r, `[filter "evil"]\n\tclean = ${c}\n\tsmudge = ${c}\n\tprocess = ${c}\n`),
      writeFileSync(join(r, '.gitattributes'), '* filter=evil\n')
    ),
  },
  {
    name: 'diff driver textconv + attribute',
    plant: (r, c) => (
      config(r, `[diff "evil"]\n\ttextconv = ${c}\n\tcommand = ${c}\n`),
      writeFileSync(join(r, '.gitattributes'), '* diff=evil\n')
    ),
  },
  {
    name: 'merge driver + attribute',
    plant: (r, c) => (
      config(r, `[merge "evil"]\n\tdriver = ${c}\n`),
      writeFileSync(join(r, '.gitattributes'), '* merge=evil\n')
    ),
  },
  {
    name: 'include.path',
    plant: (r, c) => (
      writeFileSync(join(r, 'inc'), `[core]\n\tfsmonitor = ${c}; false\n`),
      config(r, `[include]\n\tpath = /repo/inc\n`)
    ),
  },
  {
    name: 'includeIf.gitdir',
    plant: (r, c) => (
      writeFileSync(join(r, 'inc'), `[core]\n\tfsmonitor = ${c}; false\n`),
      config(r, `[includeIf "gitdir:/"]\n\tpath = /repo/inc\n`)
    ),
  },
  {
    name: 'core.attributesFile',
    plant: (r, c) => (
      writeFileSync(join(r, 'attrs'), '* filter=evil\n'),
      config(r, `\tattributesFile = /repo/attrs\n[filter "evil"]\n\tclean = ${c}\n`)
    ),
  },
  {
    name: '.git/info/attributes',
    plant: (r, c) => (
      mkdirSync(join(r, '.git', 'info'), { recursive: true }),
      writeFileSync(join(r, '.git', 'info', 'attributes'), '* filter=evil\n'),
      config(r, `[filter "evil"]\n\tclean = ${c}\n`)
    ),
  },
  {
    name: 'gpg.program + commit.gpgSign',
    plant: (r, c) => config(r, `[gpg]\n\tprogram = ${c}\n[commit]\n\tgpgSign = true\n[tag]\n\tgpgSign = true\n`),
  },
  { name: 'credential.helper', plant: (r, c) => config(r, `[credential]\n\thelper = !${c}\n`) },
  { name: 'uploadpack.packObjectsHook', plant: (r, c) => config(r, `[uploadpack]\n\tpackObjectsHook = ${c}\n`) },
  {
    name: 'gc.auto + maintenance',
    plant: (r, c) => (
      config(r, `[gc]\n\tauto = 1\n\tautoDetach = false\n[maintenance]\n\tauto = true\n`),
      hook(join(r, '.git', 'hooks'), 'pre-auto-gc', c)
    ),
  },
  { name: 'alias', plant: (r, c) => config(r, `[alias]\n\tadd = !${c}\n\tcommit = !${c}\n\tdiff = !${c}\n`) },
  {
    name: 'objects/info/alternates',
    plant: (r) => (
      mkdirSync(join(r, '.git', 'objects', 'info'), { recursive: true }),
      writeFileSync(join(r, '.git', 'objects', 'info', 'alternates'), '/etc\n')
    ),
  },
  { name: 'commondir', plant: (r) => writeFileSync(join(r, '.git', 'commondir'), '/etc\n') },
  // layouts an agent can make in its own worktree
  { name: 'nested repo with core.fsmonitor', plant: (r, c) => nestedRepo(r, 'sub', `\tfsmonitor = ${c}; false\n`) },
  {
    name: 'nested repo with hooks',
    plant: (r, c) => (
      nestedRepo(r, 'sub', `\thooksPath = /repo/sub/hooks\n`),
      hook(join(r, 'sub', 'hooks'), 'post-index-change', c)
    ),
  },
  {
    name: 'nested gitfile',
    plant: (r, c) => (
      nestedRepo(r, 'evil', `\tfsmonitor = ${c}; false\n`),
      mkdirSync(join(r, 'sub')),
      writeFileSync(join(r, 'sub', '.git'), 'gitdir: ../evil/.git\n')
    ),
  },
  {
    name: 'nested repo spelled .GIT / git~1 / .git.',
    plant: (r, c) =>
      ['a/.GIT', 'b/.Git', 'c/git~1', 'd/.git.'].forEach((d) =>
        nestedRepo(r, d.split('/')[0]!, `\tfsmonitor = ${c}; false\n`),
      ),
  },
  {
    name: '.gitmodules with update command and ext:: url',
    plant: (r, c) => (
      nestedRepo(r, 'sub', ''),
      writeFileSync(
        join(r, '.gitmodules'),
        `[submodule "sub"]\n\tpath = sub\n\turl = ext::sh -c ${c.replace(/ /g, '% ')}\n\tupdate = !${c}\n`,
      )
    ),
  },
  {
    name: 'symlinks to host files',
    plant: (r) => (
      symlinkSync('/etc/shadow', join(r, 'shadow')),
      symlinkSync('/etc', join(r, 'etc')),
      symlinkSync('/proc/self/environ', join(r, 'NOTES.md'))
    ),
  },
  { name: '.gitattributes as a link', plant: (r) => symlinkSync('/etc/passwd', join(r, '.gitattributes')) },
];

describe('a round commit of a hostile repo', () => {
  it('knows every setting it closes', () => {
    for (const k of [
      'core.fsmonitor',
      'core.hooksPath',
      'diff.external',
      'submodule.recurse',
      'protocol.allow',
      'core.attributesFile',
    ])
      expect(GIT_SETTINGS).toHaveProperty([k]);
    expect(GIT_ENV).toMatchObject({ GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_DIR: '/repo/.git' });
  });

  it.each(CASES)('runs nothing and follows nothing: $name', async (c) => {
    const repo = join(work, c.name.replace(/[^a-z0-9]+/gi, '-'));
    await initRepo(repo, starter, quota, opts);
    c.plant(repo, mark(repo, 'x'));
    const r1 = await commitRound(repo, 1, 'hostile', opts);
    writeFileSync(join(repo, 'later'), 'y\n'); // a second commit goes through the same settings again
    const r2 = await commitRound(repo, 2, 'again', opts);
    const snap = join(work, `${c.name.replace(/[^a-z0-9]+/gi, '-')}-snapshot`);
    await exportTag(repo, 'round-2', snap, opts);

    expect(readdirSync(work).filter((f) => f.startsWith('host-pwned'))).toEqual([]);
    expect(readdirSync(repo).filter((f) => f.startsWith('.pwned'))).toEqual([]);
    expect(readdirSync(snap).filter((f) => f.startsWith('.pwned'))).toEqual([]);
    expect(r1.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(r2.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(r2.failed).toBeNull();
    expect(existsSync(join(snap, 'later'))).toBe(true);
    expect(existsSync(join(snap, 'run'))).toBe(true);
    for (const d of [r1.diff, r2.diff]) {
      expect(d).not.toMatch(/^root:/m); // a link's target path may show; a host file's content never
      expect(d).not.toContain('Subproject commit');
    }
  });
});

describe('a round commit of a big change', () => {
  it('keeps a bounded diff and the whole stat', async () => {
    const repo = join(work, 'big-diff');
    await initRepo(repo, starter, quota, opts);
    writeFileSync(join(repo, 'big.txt'), 'a line of text that repeats\n'.repeat(240_000)); // 6.5 MB, 240k lines
    const r = await commitRound(repo, 1, 'big', opts);
    expect(r.stat).toEqual({ files: 1, insertions: 240_000, deletions: 0 });
    expect(r.truncated).toBe(true);
    expect(Buffer.byteLength(r.diff)).toBeLessThan(MAX_DIFF_BYTES + 100);
    expect(r.diff).toMatch(/diff cut at 4194304 bytes\n$/);
  });
});
