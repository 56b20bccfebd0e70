// Checks made before a tournament starts, so a missing key or an unpriced model is a clear
// error up front instead of a provider_error in every round.
import { type AgentConfig, type LlmAgentConfig, cliProvider } from '@codearena/protocol';
import { priceFor } from './pricing.ts';
import { DEFAULT_KEY_ENV, keyEnvOf } from './providers/settings.ts';

export interface PreflightIssue {
  /** Field path in YAML terms, e.g. players[1].agent.api_key_env. */
  path: string;
  message: string;
}

/** What an agent that calls a model (llm, or cli through the gateway) names of it. */
export type ModelAccess = Pick<LlmAgentConfig, 'provider' | 'model' | 'api_key_env' | 'price' | 'base_url'>;

/** Problems of one model agent's config in this environment (empty when it can run). `offline`
 *  (`codearena replay`: recorded answers only) needs no key. */
export function llmAgentIssues(
  c: ModelAccess,
  at: string,
  env: NodeJS.ProcessEnv = process.env,
  o: { offline?: boolean } = {},
): PreflightIssue[] {
  const issues: PreflightIssue[] = [];
  const key = keyEnvOf(c);
  if (!o.offline && !env[key]?.trim()) {
    const local =
      c.provider === 'openai' && c.base_url
        ? ' (a local server that takes no key still needs the variable set, to any value)'
        : '';
    issues.push({
      path: `${at}.${c.api_key_env ? 'api_key_env' : 'provider'}`,
      message: `the API key variable ${key} is not set; export ${key}=… before running${c.api_key_env ? '' : ', or name another variable with api_key_env'}${local}`,
    });
  }
  if (priceFor(c.model, c.price) === null) {
    issues.push({
      path: `${at}.model`,
      message: `no built-in price for model "${c.model}", so its cost limit cannot be kept; add price: { input: <USD per 1M input tokens>, output: <USD per 1M output tokens> } to the agent (0 and 0 for a local model)`,
    });
  }
  return issues;
}

/** The model access of an agent config, or null for agents that call no model. */
export function modelAccessOf(agent: AgentConfig): ModelAccess | null {
  if (agent.kind === 'llm') return agent;
  if (agent.kind === 'cli') return { ...agent, provider: cliProvider(agent) };
  return null;
}

/** Every model-calling player's issues (llm and cli agents), with paths into the config. */
export function modelPlayerIssues(
  players: { agent: AgentConfig }[],
  env: NodeJS.ProcessEnv = process.env,
  o: { offline?: boolean } = {},
): PreflightIssue[] {
  return players.flatMap((p, i) => {
    const access = modelAccessOf(p.agent);
    return access ? llmAgentIssues(access, `players[${i}].agent`, env, o) : [];
  });
}

/** The usual key variables and whether each is set (values never shown), for `codearena doctor`. */
export function apiKeyStatus(env: NodeJS.ProcessEnv = process.env): { name: string; set: boolean }[] {
  const names = [...new Set([...Object.values(DEFAULT_KEY_ENV), 'OPENROUTER_API_KEY'])];
  return names.map((name) => ({ name, set: Boolean(env[name]?.trim()) }));
}
