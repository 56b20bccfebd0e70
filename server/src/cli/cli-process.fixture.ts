// The codearena command as users run it, for tests: a child process with its own temp folder
// (its runs go there), created before the file's tests and removed after them.
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { ROOT } from '../paths.ts';

const BIN = join(ROOT, 'server', 'bin', 'codearena.js');

export interface CliFixture {
  /** The temp folder (valid from beforeAll on). */
  readonly tmp: string;
  run(...args: string[]): SpawnSyncReturns<string>;
}

export function codearenaCli(timeoutMs = 300_000): CliFixture {
  let tmp = '';
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'codearena-cli-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  return {
    get tmp() {
      return tmp;
    },
    run: (...args) =>
      spawnSync('node', [BIN, ...args], {
        encoding: 'utf8',
        env: { ...process.env, CODEARENA_RUNS: join(tmp, 'runs'), NO_COLOR: '1' },
        timeout: timeoutMs,
      }),
  };
}
