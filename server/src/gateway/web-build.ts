// Makes sure web/dist matches the web sources before serving: web/scripts/build.mjs rebuilds
// only when a source changed (the set-up runs it too, so this is usually a quick hash check).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ROOT } from '../paths.ts';

export function ensureWebBuilt(): { ok: true } | { ok: false; error: string } {
  const r = spawnSync(process.execPath, [resolve(ROOT, 'web', 'scripts', 'build.mjs')], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status === 0) return { ok: true };
  return { ok: false, error: r.error ? r.error.message : `web build exited with ${r.status ?? r.signal}` };
}
