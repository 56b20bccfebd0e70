// The LLM coding agent: a model on the host, its commands in the player's workspace container.
// See loop.ts for the loop, prompts.ts for what the model is told.
import type { Agent, LlmAgentConfig } from '@codearena/protocol';
import { type LoopOptions, runLoop } from './loop.ts';
import { llmAgentIssues } from './preflight.ts';
import { priceFor } from './pricing.ts';
import { createProvider } from './providers/index.ts';
import { offlineProvider } from './providers/offline.ts';
import { keyEnvOf } from './providers/settings.ts';

export {
  apiKeyStatus,
  llmAgentIssues,
  modelAccessOf,
  modelPlayerIssues,
  type ModelAccess,
  type PreflightIssue,
} from './preflight.ts';
export { keyEnvOf } from './providers/settings.ts';
export { DEFAULT_PRICES, costOf, priceFor } from './pricing.ts';
export { type PhaseTally, minutesLeft, phaseSummary, repoChanged } from './phase-end.ts';
export { LOGS_PATH, NOTES_FILE, OPPONENTS_PATH, type RoundFacts, roundFacts, taskPrompt } from './prompts.ts';

export interface LlmAgentDeps {
  env?: NodeJS.ProcessEnv;
  retry?: LoopOptions['retry'];
  /** `codearena replay`: the agent only replays recorded answers, so it needs no API key and has
   *  no provider (the edit context's answers end the phase where the record ends). */
  offline?: true;
}

/** Throws (before any work) when the key is missing (unless offline) or the model has no price. */
export function createLlmAgent(config: LlmAgentConfig, deps: LlmAgentDeps = {}): Agent {
  const env = deps.env ?? process.env;
  const offline = deps.offline ?? false;
  const issues = llmAgentIssues(config, 'agent', env, { offline });
  if (issues.length)
    throw new Error(`llm agent (${config.provider} ${config.model}): ${issues.map((i) => i.message).join('; ')}`);
  const provider = offline ? offlineProvider : createProvider(config, env[keyEnvOf(config)]!.trim());
  const price = priceFor(config.model, config.price)!;
  return {
    id: 'llm',
    model: config.model,
    async edit(ctx) {
      try {
        return await runLoop(ctx, { config, provider, price, ...(deps.retry ? { retry: deps.retry } : {}) });
      } catch (e) {
        return { exit: 'crashed', steps: 0, costUsd: 0, summary: `llm agent crashed: ${(e as Error).message}` };
      }
    },
  };
}
