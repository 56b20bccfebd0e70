export * from './arena.ts';
export * from './config.ts';
export * from './events.ts';
export * from './rng.ts';
export * from './agent.ts';
export * from './api.ts';
export * from './arena-kit.ts';
