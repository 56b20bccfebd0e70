export { DEFAULT_PORT, GatewayConfigError, WEB_DIST, startGateway } from './server.ts';
export type { Gateway, GatewayOptions } from './server.ts';
export { ensureWebBuilt } from './web-build.ts';
export { GatewayProcess } from './supervisor.ts';
export type { GatewayProcessOptions } from './supervisor.ts';
