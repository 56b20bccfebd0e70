// An operator's starting codebase is checked before any work: a FIFO, a socket or a sparse giant
// in it is a config error naming the player's field, not an uncaught copy error or gigabytes of
// disk (issue 10, finding 14). The real CLI, as a user runs it; no Docker is reached.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, arenaDir } from '../paths.ts';

const BIN = join(ROOT, 'server', 'bin', 'codearena.js');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'codearena-codebase-check-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runWith(name: string, plant: (codebase: string) => void) {
  const codebase = join(dir, name);
  cpSync(join(arenaDir('battlesnake'), 'starter'), codebase, { recursive: true });
  plant(codebase);
  const cfg = join(dir, `${name}.yaml`);
  writeFileSync(
    cfg,
    `tournament: {}\narena: { id: battlesnake }\nplayers:\n  - { name: a, agent: { kind: noop } }\n  - { name: b, agent: { kind: noop }, codebase: ${codebase} }\n`,
  );
  return spawnSync('node', [BIN, 'run', cfg, '--runs', join(dir, 'runs')], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 120_000,
  });
}

describe('codearena run with a hostile starting codebase', () => {
  it('refuses a FIFO in it with exit 2, naming the field and the path', () => {
    const r = runWith('fifo', (c) => execFileSync('mkfifo', [join(c, 'bot', 'pipe')]));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /players\[1\]\.codebase: .*bot\/pipe is a FIFO: a codebase may hold only files, directories and links/,
    );
  });

  it('refuses a sparse giant before copying a byte of it', () => {
    const r = runWith('sparse', (c) => {
      writeFileSync(join(c, 'big.bin'), '');
      truncateSync(join(c, 'big.bin'), 3 * 1024 ** 3);
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/players\[1\]\.codebase: .*big\.bin is 3\.0 GiB, over limits\.repo_file_mb/);
  });
});
