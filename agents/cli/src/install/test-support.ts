// Tests install harnesses into a throwaway cache root (XDG_CACHE_HOME), never the user's cache.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/** A fresh XDG_CACHE_HOME for each test of the calling file, removed after it; returns a getter. */
export function useTempHarnessCache(): () => string {
  let cache = '';
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.XDG_CACHE_HOME;
    cache = mkdtempSync(join(tmpdir(), 'codearena-harness-cache-'));
    process.env.XDG_CACHE_HOME = cache;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = saved;
    rmSync(cache, { recursive: true, force: true });
  });
  return () => cache;
}
