// validate() against real codebases on the host: a shell for exec, a child process for the bot.
import { exec as execCb } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidateContext } from '@codearena/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import battlesnake from './index.ts';
import { spawnBot } from './test-support.ts';

const STARTER = join(dirname(fileURLToPath(import.meta.url)), '..', 'starter');
const scratch = mkdtempSync(join(tmpdir(), 'bs-validate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function hostContext(codeDir: string): ValidateContext {
  return {
    codeDir,
    exec: (cmd, timeoutMs) =>
      new Promise((resolve) => {
        execCb(cmd, { timeout: timeoutMs, shell: '/bin/bash' }, (err, stdout, stderr) => {
          const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
          resolve({ exitCode: code, stdout, stderr });
        });
      }),
    startBot: async () => spawnBot(join(codeDir, 'run'), codeDir),
  };
}

function codebase(name: string, run: string | null, executable = true): string {
  const dir = join(scratch, name);
  rmSync(dir, { recursive: true, force: true });
  execCb(`mkdir -p '${dir}'`);
  require_dir(dir);
  if (run !== null) {
    writeFileSync(join(dir, 'run'), run);
    if (executable) chmodSync(join(dir, 'run'), 0o755);
  }
  return dir;
}

function require_dir(dir: string): void {
  // mkdir synchronously (execCb above is async and only a fallback).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  writeFileSync(join(scratch, '.keep'), '');
  try {
    rmSync(dir, { recursive: true, force: true });
  } finally {
    // recursive mkdir through fs
  }
}

describe('validate', () => {
  it('accepts the starter', async () => {
    const v = await battlesnake.validate(hostContext(STARTER));
    expect(v.detail).toMatch(/answered/);
    expect(v.ok).toBe(true);
  });
});
