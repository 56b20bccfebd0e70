export { checkArena } from './arena-check.ts';
export { checkArenaArgs } from './arena-args.ts';
export { ConfigError, formatIssue, formatIssues } from './config-error.ts';
export type { ConfigIssue } from './config-error.ts';
export { loadConfig, parseConfigText } from './load-config.ts';
export type { LoadedConfig } from './load-config.ts';
export { editDistance, suggest } from './suggest.ts';
