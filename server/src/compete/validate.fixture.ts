// For arenas' validate tests: the validation context a tournament builds, with the codebase run
// as host processes, and scratch codebases with a given `run` script; everything is removed after
// the test file.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { Arena } from '@codearena/protocol';
import { hostValidateContext } from './validate.ts';

export function validateFixture<Args>(arena: Arena<unknown, unknown, Args>) {
  const scratch = mkdtempSync(join(tmpdir(), `${arena.manifest.id}-validate-`));
  const contexts: { dispose(): Promise<void> }[] = [];
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.dispose()));
    rmSync(scratch, { recursive: true, force: true });
  });
  return {
    /** The same context the tournament builds, with the codebase run as host processes. */
    async hostContext(codeDir: string) {
      const ctx = await hostValidateContext(arena, codeDir);
      contexts.push(ctx);
      return ctx;
    },
    /** A scratch codebase whose `run` is the given script (null: no run file). */
    codebase(name: string, run: string | null, executable = true): string {
      const dir = join(scratch, name);
      mkdirSync(dir, { recursive: true });
      if (run !== null) {
        writeFileSync(join(dir, 'run'), run);
        chmodSync(join(dir, 'run'), executable ? 0o755 : 0o644);
      }
      return dir;
    },
  };
}
