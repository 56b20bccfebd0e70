import type { LlmAgentConfig } from '@codearena/protocol';
import type { Provider } from '../messages.ts';
import { createAnthropicProvider } from './anthropic.ts';
import { createOpenAIProvider } from './openai.ts';
import { providerSettings } from './settings.ts';

export function createProvider(c: LlmAgentConfig, apiKey: string): Provider {
  const s = providerSettings(c, apiKey);
  switch (c.provider) {
    case 'openai':
      return createOpenAIProvider(s);
    case 'anthropic':
      return createAnthropicProvider(s);
  }
}
