// The cli agent: a CLI coding agent (Claude Code, Codex CLI or any command) edits the codebase
// inside the player's workspace container, its model calls metered by the host's model gateway.
// See harness-phase.ts for a phase, presets.ts for how each harness is started.
import type { Agent, CliAgentConfig } from '@codearena/protocol';
import { keyEnvOf, llmAgentIssues, modelAccessOf, priceFor } from '@codearena/agent-llm';
import { type HarnessInstall, ensureHarness } from './install/harness-cache.ts';
import { runHarnessPhase } from './harness-phase.ts';

export interface CliAgentDeps {
  env?: NodeJS.ProcessEnv;
  /** `codearena replay`: recorded answers only, no key, no provider. */
  offline?: true;
  /** Where the harness's programs come from (tests); default: the pinned install in the cache. */
  install?: (harness: 'claude-code' | 'codex') => Promise<HarnessInstall>;
}

/** Throws (before any work) when the key is missing (unless offline) or the model has no price. */
export function createCliAgent(config: CliAgentConfig, deps: CliAgentDeps = {}): Agent {
  const env = deps.env ?? process.env;
  const access = modelAccessOf(config)!;
  const issues = llmAgentIssues(access, 'agent', env, deps.offline ? { offline: true } : {});
  if (issues.length)
    throw new Error(`cli agent (${config.harness} ${config.model}): ${issues.map((i) => i.message).join('; ')}`);
  const price = priceFor(config.model, config.price)!;
  const apiKey = deps.offline ? '' : env[keyEnvOf(access)]!.trim();
  const { harness } = config;
  const install = deps.install ?? ((h) => ensureHarness(h));
  return {
    id: harness,
    model: config.model,
    async edit(ctx) {
      try {
        return await runHarnessPhase(ctx, {
          config,
          price,
          apiKey,
          install: () => (harness === 'command' ? Promise.resolve(null) : install(harness)),
        });
      } catch (e) {
        return { exit: 'crashed', steps: 0, costUsd: 0, summary: `cli agent crashed: ${(e as Error).message}` };
      }
    },
  };
}
