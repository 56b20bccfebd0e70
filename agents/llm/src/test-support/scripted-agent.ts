// An llm agent wired to a scripted server (scripted-server.ts), as the loop tests build it.
import { type Agent, LlmAgentConfig } from '@codearena/protocol';
import { type LlmAgentDeps, createLlmAgent } from '../index.ts';
import type { ScriptedServer } from './scripted-server.ts';

export const KEY_ENV = 'CODEARENA_TEST_KEY';
const env = { [KEY_ENV]: 'test-key' };
/** USD per 1M tokens: a default scripted reply (1000 in, 100 out) costs $0.003. */
export const PRICE = { input: 2, output: 10 };

/** The agent's config: `over` replaces fields, and `over.limits` single limits (10 steps unless given). */
export function scriptedConfig(server: ScriptedServer, over: Record<string, unknown> = {}): LlmAgentConfig {
  const { limits, ...rest } = over as { limits?: Record<string, unknown> };
  return LlmAgentConfig.parse({
    kind: 'llm',
    provider: server.wire,
    model: `scripted-${server.wire}`,
    base_url: server.baseURL,
    api_key_env: KEY_ENV,
    price: PRICE,
    request_timeout_seconds: 5,
    retries: 2,
    ...rest,
    limits: { steps: 10, ...limits },
  });
}

/** With the key set and quick retries, unless `deps` says otherwise. */
export const scriptedAgent = (
  server: ScriptedServer,
  over: Record<string, unknown> = {},
  deps: LlmAgentDeps = {},
): Agent => createLlmAgent(scriptedConfig(server, over), { env, retry: { baseMs: 1, maxMs: 5 }, ...deps });
