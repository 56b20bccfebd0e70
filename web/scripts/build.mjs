#!/usr/bin/env node
// Builds the web app into web/dist when its sources changed since the last build: a hash of
// every source file is kept in dist/.source-hash. `--force` rebuilds anyway. Used by the set-up,
// by `codearena serve` / `run --serve` and by `npm run build:web`.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = join(root, 'web', 'dist');
const hashFile = join(dist, '.source-hash');

function files(path) {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((e) => e.name !== 'node_modules' && !e.name.startsWith('.'))
    .flatMap((e) => files(join(path, e.name)));
}

const arenaRenderers = readdirSync(join(root, 'arenas')).map((id) => join(root, 'arenas', id, 'renderer'));
const inputs = [
  ...['web/src', 'web/index.html', 'web/vite.config.ts', 'web/package.json', 'web/public', 'protocol/src'].map((p) =>
    join(root, p),
  ),
  ...arenaRenderers,
]
  .flatMap(files)
  .filter((f) => !/\.test\.tsx?$/.test(f))
  .sort();
const h = createHash('sha256');
for (const f of inputs) h.update(relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
const hash = h.digest('hex').slice(0, 16);

const force = process.argv.includes('--force');
if (!force && existsSync(hashFile) && readFileSync(hashFile, 'utf8').trim() === hash) process.exit(0);

const t0 = Date.now();
process.stderr.write('\x1b[36m[web]\x1b[0m building the web app (web/dist)\n');
const { build } = await import('vite');
// Build beside dist, then swap, so a server reading dist never sees half a build.
const tmp = `${dist}.tmp-${process.pid}`;
try {
  await build({
    configFile: join(root, 'web', 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: tmp, emptyOutDir: true },
  });
  writeFileSync(join(tmp, '.source-hash'), `${hash}\n`);
  rmSync(dist, { recursive: true, force: true });
  renameSync(tmp, dist);
} catch (e) {
  rmSync(tmp, { recursive: true, force: true });
  process.stderr.write(`\x1b[31m[web] build failed: ${e?.message ?? e}\x1b[0m\n`);
  process.exit(1);
}
process.stderr.write(`\x1b[36m[web]\x1b[0m built in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
