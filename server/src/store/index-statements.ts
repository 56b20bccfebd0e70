// The index's statements (index-sql.ts) prepared once per SQLite connection; better-sqlite3
// binds `@name` parameters from an object.
import type Database from 'better-sqlite3';
import { DELETES, READS, type ReadName, WRITES, type WriteName } from './index-sql.ts';

export interface Statements {
  writes: Record<WriteName, Database.Statement>;
  reads: Record<ReadName, Database.Statement>;
  deletes: Database.Statement[];
}

const prepareAll = <K extends string>(db: Database.Database, sql: Record<K, string>): Record<K, Database.Statement> =>
  Object.fromEntries(Object.entries<string>(sql).map(([k, s]) => [k, db.prepare(s)])) as Record<K, Database.Statement>;

export function prepare(db: Database.Database): Statements {
  return {
    writes: prepareAll(db, WRITES),
    reads: prepareAll(db, READS),
    deletes: DELETES.map((s) => db.prepare(s)),
  };
}
