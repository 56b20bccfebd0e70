// Real npm installs of the pinned harnesses into a temp cache root (XDG_CACHE_HOME), run on the
// host: a few seconds each with npm's own cache warm, about 400 MB on disk each while they last.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  HARNESS_PINS,
  PRESET_HARNESSES,
  ensureHarness,
  harnessCacheRoot,
  installedHarness,
  type HarnessInstall,
} from './harness-cache.ts';
import { useTempHarnessCache } from './test-support.ts';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const INSTALL_TIMEOUT = 15 * 60_000;

const tempCache = useTempHarnessCache();

function versionOf(i: HarnessInstall): string {
  const r = spawnSync(join(i.dir, i.bin), ['--version'], {
    env: { PATH: '/usr/bin:/bin', HOME: tempCache() },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim();
}

/** The cache root holds only finished entries: no temp or trash dirs left behind. */
const entries = () => readdirSync(harnessCacheRoot()).sort();

describe('harness pins', () => {
  it('pins the versions the presets were checked with, in locks that name no registry host', () => {
    expect(HARNESS_PINS).toEqual({
      'claude-code': { package: '@anthropic-ai/claude-code', version: '2.1.332' },
      codex: { package: '@openai/codex', version: '0.171.0' },
    });
    for (const h of PRESET_HARNESSES) {
      const lock = readFileSync(new URL(`../../harnesses/${h}/package-lock.json`, import.meta.url), 'utf8');
      expect(lock).toContain('"integrity": "sha512-');
      expect(lock).not.toMatch(/"resolved"|https?:\/\//);
    }
  });

  it('finds the cache under $XDG_CACHE_HOME, and nothing installed in a fresh one', () => {
    expect(harnessCacheRoot()).toBe(join(tempCache(), 'codearena', 'harnesses'));
    for (const h of PRESET_HARNESSES) expect(installedHarness(h)).toBeNull();
  });
});

describe('ensureHarness (real npm installs)', () => {
  it(
    'installs the pinned Claude Code without running its install scripts; a second call is a no-op; a damaged entry is reinstalled',
    async () => {
      const log: string[] = [];
      const first = await ensureHarness('claude-code', { log: (l) => log.push(l) });
      expect(first.dir.startsWith(harnessCacheRoot())).toBe(true);
      expect(first.bin).toBe('node_modules/@anthropic-ai/claude-code-linux-x64/claude');
      expect(versionOf(first)).toContain('2.1.332');
      expect(log[0]).toMatch(/^installing Claude Code 2\.1\.332 from npm \(≈400 MB, once\)/);
      expect(log.at(-1)).toMatch(/installed in \d+ s/);
      expect(entries()).toEqual([first.dir.split('/').at(-1)]);

      // Its postinstall (node install.cjs) would replace bin/claude.exe with the native program.
      const pkgBin = join(first.dir, 'node_modules/@anthropic-ai/claude-code/bin/claude.exe');
      if (existsSync(pkgBin)) expect(statSync(pkgBin).ino).not.toBe(statSync(join(first.dir, first.bin)).ino);
      expect(readFileSync(join(first.dir, first.bin)).subarray(0, 4).toString('latin1')).toBe('\x7fELF');

      const ino = statSync(join(first.dir, first.bin)).ino;
      log.length = 0;
      expect(await ensureHarness('claude-code', { log: (l) => log.push(l) })).toEqual(first);
      expect(log).toEqual([]);
      expect(statSync(join(first.dir, first.bin)).ino).toBe(ino);

      rmSync(join(first.dir, first.bin));
      expect(installedHarness('claude-code')).toBeNull();
      const again = await ensureHarness('claude-code', { log: (l) => log.push(l) });
      expect(again).toEqual(first);
      expect(log[0]).toMatch(/^installing Claude Code/);
      expect(versionOf(again)).toContain('2.1.332');
      expect(installedHarness('claude-code')).toEqual(first);
      expect(entries()).toEqual([first.dir.split('/').at(-1)]);
    },
    INSTALL_TIMEOUT,
  );

  it(
    'two processes installing Codex at once end with one good install, leaving no temp dirs, whatever npm settings they inherit',
    async () => {
      // An install killed half-way left its temp dir (its process is gone): the next install removes it.
      const dead = spawnSync('true').pid!;
      const abandoned = join(harnessCacheRoot(), `.codex-0.0.0-000000000000.tmp-${dead}-0badc0de`);
      mkdirSync(abandoned, { recursive: true });
      // npm settings from the environment (a parent `npm run`, the user) must not trim the install
      // (the executable is in an optional package) nor run install scripts.
      const env = {
        ...process.env,
        XDG_CACHE_HOME: tempCache(),
        npm_config_omit: 'optional',
        npm_config_ignore_scripts: 'false',
      };
      const run = () =>
        new Promise<{ code: number | null; stderr: string }>((resolve) => {
          const child = spawn(
            process.execPath,
            ['--import', 'tsx', 'agents/cli/src/install/setup-harnesses.ts', 'codex'],
            {
              cwd: REPO,
              env,
              stdio: ['ignore', 'ignore', 'pipe'],
            },
          );
          let stderr = '';
          child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
          child.on('close', (code) => resolve({ code, stderr }));
        });
      const results = await Promise.all([run(), run()]);
      for (const r of results) expect(r.code, r.stderr).toBe(0);
      const got = installedHarness('codex');
      expect(got).not.toBeNull();
      expect(versionOf(got!)).toContain('0.171.0');
      // Codex needs its sibling dirs beside the executable.
      for (const d of ['codex-path', 'codex-resources'])
        expect(existsSync(join(got!.dir, got!.bin, '..', '..', d))).toBe(true);
      expect(entries()).toEqual([got!.dir.split('/').at(-1)]);

      // Within one process, concurrent callers share one install.
      rmSync(join(got!.dir, got!.bin));
      const [a, b] = await Promise.all([ensureHarness('codex'), ensureHarness('codex')]);
      expect(a).toBe(b);
      expect(versionOf(a)).toContain('0.171.0');
      expect(entries()).toEqual([got!.dir.split('/').at(-1)]);
    },
    INSTALL_TIMEOUT,
  );
});
