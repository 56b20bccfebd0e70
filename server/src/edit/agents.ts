// Agent registry: config → Agent, and the checks agents need before a tournament starts.
import type { Agent, AgentConfig, TournamentConfig } from '@codearena/protocol';
import { createCliAgent } from '@codearena/agent-cli';
import { createLlmAgent, modelPlayerIssues } from '@codearena/agent-llm';
import { createNoopAgent } from '@codearena/agent-noop';
import { createSearchAgent } from '@codearena/agent-search';
import { ConfigError } from '../config/config-error.ts';

/** `offline`: for `codearena replay` — model agents only replay recorded answers (no key, no provider). */
export function createAgent(c: AgentConfig, o: { offline?: boolean } = {}): Agent {
  switch (c.kind) {
    case 'noop':
      return createNoopAgent();
    case 'search':
      return createSearchAgent({ candidates: c.candidates, simsPerCandidate: c.sims_per_candidate, step: c.step });
    case 'llm':
      return createLlmAgent(c, o.offline ? { offline: true } : {});
    case 'cli':
      return createCliAgent(c, o.offline ? { offline: true } : {});
  }
}

/** What the environment must provide for the config's agents (API keys, prices), as a ConfigError naming each field. */
export function checkAgents(config: TournamentConfig, label: string, env: NodeJS.ProcessEnv = process.env): void {
  const issues = modelPlayerIssues(config.players, env);
  if (issues.length) throw new ConfigError(label, issues);
}
