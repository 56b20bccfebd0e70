export { DEFAULT_INDEX_PATH, StoreIndex } from './index-db.ts';
export type { MatchQuery } from './index-db.ts';
export { CONFIG_FILE, CONFIG_YAML_FILE, EVENTS_FILE, RunFolder, newRunId, writeAtomic } from './run-folder.ts';
export { EventsTail, RunLog, RunLogError, readEventLog } from './run-log.ts';
export type { RunLogOptions } from './run-log.ts';
export { MIGRATIONS, SCHEMA_VERSION } from './schema.ts';
