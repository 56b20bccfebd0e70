export { DEFAULT_INDEX_PATH, StoreIndex } from './index-db.ts';
export type {
  EditRow, MatchFault, MatchQuery, MatchRow, RoundResult, RoundRow, TournamentDetail, TournamentStatus, TournamentSummary,
} from './index-types.ts';
export { CONFIG_FILE, EVENTS_FILE, RunLog, RunLogError, readRunLog } from './run-log.ts';
export type { RunLogOptions } from './run-log.ts';
export { MIGRATIONS, SCHEMA_VERSION } from './schema.ts';
