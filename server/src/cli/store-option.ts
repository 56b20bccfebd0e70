// `--store <path|postgres://…>` and `--runs <dir>`: where a reading command finds the index.
import { resolve } from 'node:path';
import { RUNS_DIR } from '../paths.ts';
import type { OpenIndex } from '../store/index-interfaces.ts';
import { isPgUrl, openIndex } from '../store/open-index.ts';
import { redactUrl } from '../campaign/queue-db.ts';

export const STORE_HELP =
  "the index: a SQLite file or postgres://USER:PASSWORD@HOST:PORT/DB (the workers' shared index); wins over --runs";

/** The index `--store` names, else `<runs>/codearena.sqlite` (runs default RUNS_DIR). */
export function indexSpec(o: { store?: string; runs?: string }): string {
  return o.store ?? resolve(o.runs ?? RUNS_DIR, 'codearena.sqlite');
}

/** Opens the index for reading; PostgreSQL problems are exit-3 UsageErrors naming the fix. */
export const openReadIndex = (o: { store?: string; runs?: string }): Promise<OpenIndex> => openIndex(indexSpec(o));

/** The store as it may be printed: a URL without its password. */
export const printableStore = (spec: string): string => (isPgUrl(spec) ? redactUrl(spec) : spec);
