// The control agent: changes nothing, so its codebase plays as it started.
import type { Agent } from '@codearena/protocol';

export function createNoopAgent(): Agent {
  return {
    id: 'noop',
    model: null,
    async edit(ctx) {
      ctx.step('noop', 'left the codebase unchanged');
      return { exit: 'unchanged', steps: 1, costUsd: 0, summary: 'no changes (noop agent)' };
    },
  };
}
