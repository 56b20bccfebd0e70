// validate() against real codebases on the host: a shell for exec, a child process for the bot.
import { exec as execCb } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BotClient, ValidateContext } from '@codearena/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import poker from './index.ts';
import { spawnHostBot } from './test-support.ts';

const ARENA = join(dirname(fileURLToPath(import.meta.url)), '..');
const scratch = mkdtempSync(join(tmpdir(), 'poker-validate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function botClient(dir: string): BotClient {
  const bot = spawnHostBot(dir);
  return {
    async request(msg, deadlineMs) {
      const r = await bot.request(msg, deadlineMs);
      return 'error' in r ? { ok: false, fault: { kind: r.error.startsWith('no reply') ? 'timeout' : 'crash', detail: r.error } } : { ok: true, ...r };
    },
    notify: bot.notify,
    stderrTail: bot.stderr,
    close: bot.close,
  };
}

function hostContext(codeDir: string): ValidateContext {
  return {
    codeDir,
    readFile: async (path) => readFileSync(join(codeDir, path), 'utf8'),
    exec: (cmd, timeoutMs) =>
      new Promise((resolve) => {
        execCb(cmd, { timeout: timeoutMs, shell: '/bin/bash' }, (err, stdout, stderr) => {
          resolve({ exitCode: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
        });
      }),
    startBot: async () => botClient(codeDir),
  };
}

function codebase(name: string, run: string | null, executable = true): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  if (run !== null) {
    writeFileSync(join(dir, 'run'), run);
    chmodSync(join(dir, 'run'), executable ? 0o755 : 0o644);
  }
  return dir;
}

describe('validate', () => {
  it.each([['starter'], ['bots/reference-js'], ['bots/caller']])('accepts %s', async (dir) => {
    const v = await poker.validate(hostContext(join(ARENA, dir)));
    expect(v.detail).toMatch(/preflop: \{"action":"\w+".*flop: \{"action":"\w+"/);
    expect(v.ok).toBe(true);
  });

  it('explains a missing or non-executable run file', async () => {
    expect(await poker.validate(hostContext(codebase('missing', null)))).toMatchObject({ ok: false, detail: expect.stringMatching(/no executable `run` file/) });
    expect(await poker.validate(hostContext(codebase('noexec', '#!/bin/sh\n', false)))).toMatchObject({ ok: false, detail: expect.stringMatching(/chmod \+x run/) });
  });

  it('rejects an illegal action, with the bot stderr', async () => {
    const dir = codebase('raiser', '#!/bin/bash\necho "thinking..." >&2\nwhile read -r line; do case "$line" in *\'"act"\'*) echo \'{"action":"raise","amount":1}\';; esac; done\n');
    const v = await poker.validate(hostContext(dir));
    expect(v.ok).toBe(false);
    expect(v.detail).toMatch(/invalid_move.*outside/);
    expect(v.detail).toMatch(/thinking\.\.\./);
  });

  it('reports a bot that dies, with its stderr, and never throws', async () => {
    const v = await poker.validate(hostContext(codebase('crash', '#!/bin/bash\necho "Traceback: boom" >&2\nexit 3\n')));
    expect(v.ok).toBe(false);
    expect(v.detail).toMatch(/boom/);
    const throwing: ValidateContext = { ...hostContext(scratch), exec: async () => { throw new Error('sandbox gone'); } };
    expect(await poker.validate(throwing)).toMatchObject({ ok: false, detail: expect.stringMatching(/sandbox gone/) });
  });
});
