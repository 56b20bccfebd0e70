// Agent registry: config → Agent.
import type { Agent, AgentConfig } from '@codearena/protocol';
import { createNoopAgent } from '@codearena/agent-noop';
import { createSearchAgent } from '@codearena/agent-search';

export function createAgent(c: AgentConfig): Agent {
  switch (c.kind) {
    case 'noop':
      return createNoopAgent();
    case 'search':
      return createSearchAgent({ candidates: c.candidates, simsPerCandidate: c.sims_per_candidate, step: c.step });
  }
}
