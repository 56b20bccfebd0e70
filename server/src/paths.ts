import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is server/src/paths.ts). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const RUNS_DIR = process.env.CODEARENA_RUNS ? resolve(process.env.CODEARENA_RUNS) : resolve(ROOT, 'runs');
export const arenaDir = (id: string) => resolve(ROOT, 'arenas', id);
/** Test bots (hostile and otherwise) used by the Docker tests. */
export const LADDERS_DIR = resolve(ROOT, 'ladders');
export const FIXTURE_BOTS = resolve(ROOT, 'server/fixtures/bots');
