import { type LlmAgentConfig, ModelReply } from '@codearena/protocol';
import type { Provider } from '../messages.ts';
import { ProviderFailure } from '../retry.ts';
import { createAnthropicProvider } from './anthropic.ts';
import { createOpenAIProvider } from './openai.ts';
import { type ProviderSettings, providerSettings } from './settings.ts';

export function createProvider(c: LlmAgentConfig, apiKey: string): Provider {
  const wire = wireProvider(c, providerSettings(c, apiKey));
  return { complete: async (messages, o) => wellFormed(await wire.complete(messages, o)) };
}

function wireProvider(c: LlmAgentConfig, s: ProviderSettings): Provider {
  switch (c.provider) {
    case 'openai':
      return createOpenAIProvider(s);
    case 'anthropic':
      return createAnthropicProvider(s);
  }
}

/**
 * The answer as the answers ledger can store and read back: the SDKs do not check what a server
 * sent (a local OpenAI-compatible server may send fractional token counts or a tool call
 * without an id), and a ledger line that does not parse would cut off the answers after it.
 */
function wellFormed(reply: ModelReply): ModelReply {
  const r = ModelReply.safeParse(reply);
  if (r.success) return r.data;
  const i = r.error.issues[0]!;
  throw new ProviderFailure(
    `the provider's answer is malformed at ${i.path.join('.') || 'the top'}: ${i.message}; check that base_url is an OpenAI- or Anthropic-compatible API`,
    false,
  );
}
