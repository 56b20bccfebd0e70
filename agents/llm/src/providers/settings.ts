// What a provider needs to make calls, resolved from the player's config and the environment.
import type { LlmAgentConfig } from '@codearena/protocol';

export interface ProviderSettings {
  model: string;
  apiKey: string;
  baseURL?: string;
  temperature?: number;
  maxTokens?: number;
  timeoutMs: number;
}

export const DEFAULT_KEY_ENV: Record<LlmAgentConfig['provider'], string> = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
};

export const keyEnvOf = (c: Pick<LlmAgentConfig, 'api_key_env' | 'provider'>): string =>
  c.api_key_env ?? DEFAULT_KEY_ENV[c.provider];

export function providerSettings(c: LlmAgentConfig, apiKey: string): ProviderSettings {
  return {
    model: c.model,
    apiKey,
    ...(c.base_url ? { baseURL: c.base_url } : {}),
    ...(c.temperature !== undefined ? { temperature: c.temperature } : {}),
    ...(c.max_tokens !== undefined ? { maxTokens: c.max_tokens } : {}),
    timeoutMs: c.request_timeout_seconds * 1000,
  };
}

/** Client options both official SDKs take alike. Their own retries are off: retry.ts retries
 *  (with Retry-After, jitter and the phase's deadline), so a call is never retried twice over. */
export const sdkOptions = (s: ProviderSettings) => ({
  apiKey: s.apiKey,
  ...(s.baseURL ? { baseURL: s.baseURL } : {}),
  maxRetries: 0,
  timeout: s.timeoutMs,
});
