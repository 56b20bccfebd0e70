// `--store <path|postgres://…>`: a file path opens the SQLite index, a postgres:// URL the index
// in that PostgreSQL (shared by every worker).
import { resolve } from 'node:path';
import { StoreIndex } from './index-db.ts';
import { type OpenIndex, SqliteIndex } from './index-interfaces.ts';
import { PgIndex } from './pg-index.ts';

export const isPgUrl = (spec: string): boolean => /^postgres(ql)?:\/\//i.test(spec);

/**
 * Opens the index `spec` names. `create` (writers) makes or migrates a PostgreSQL schema;
 * readers get an exit-3 UsageError naming the fix when the database holds no index.
 */
export async function openIndex(spec: string, o: { create?: boolean } = {}): Promise<OpenIndex> {
  if (isPgUrl(spec)) return PgIndex.open(spec, { create: o.create ?? false });
  return new SqliteIndex(new StoreIndex(resolve(spec)));
}
