export * from './sandbox.ts';
export * from './cleanup.ts';
export * from './docker-client.ts';
export * from './limits.ts';
export * from './process-handle.ts';
export * from './host-process.ts';
export * from './collect.ts';
