// The gateway process's entry point (forked by supervisor.ts): plain JavaScript so it starts
// under bare node from any directory, then loads the TypeScript sources through tsx, as
// server/bin/codearena.js does.
import { register } from 'tsx/esm/api';

register();
await import('./child.ts');
