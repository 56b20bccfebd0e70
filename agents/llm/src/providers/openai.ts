// OpenAI-compatible Chat Completions through the official client: OpenAI itself, vLLM, Ollama,
// OpenRouter, LiteLLM… (base URL and key from the config). The client's own retries are off:
// retry.ts decides, the same way for every provider.
import OpenAI from 'openai';
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
  ChatCompletionTool,
} from 'openai/resources/chat/completions';
import { BASH_TOOL, type Message, type ModelReply, type Provider } from '../messages.ts';
import { CallAborted, ProviderFailure, httpFailure } from '../retry.ts';
import { type ProviderSettings, sdkOptions } from './settings.ts';

const TOOL: ChatCompletionTool = {
  type: 'function',
  function: { name: BASH_TOOL.name, description: BASH_TOOL.description, parameters: { ...BASH_TOOL.parameters } },
};

export function createOpenAIProvider(s: ProviderSettings): Provider {
  const client = new OpenAI(sdkOptions(s));
  return {
    async complete(messages, o): Promise<ModelReply> {
      const body: ChatCompletionCreateParamsNonStreaming = {
        model: s.model,
        messages: messages.map(toWire),
        ...(o.tools ? { tools: [TOOL] } : {}),
        ...(s.temperature !== undefined ? { temperature: s.temperature } : {}),
        ...(s.maxTokens !== undefined ? { max_completion_tokens: s.maxTokens } : {}),
      };
      let r: ChatCompletion;
      try {
        r = await client.chat.completions.create(body, { signal: o.signal });
      } catch (e) {
        throw asFailure(e);
      }
      return fromWire(r);
    },
  };
}

function toWire(m: Message): ChatCompletionMessageParam {
  switch (m.role) {
    case 'system':
    case 'user':
      return { role: m.role, content: m.content };
    case 'tool':
      return { role: 'tool', tool_call_id: m.toolCallId, content: m.content };
    case 'assistant':
      return {
        role: 'assistant',
        content: m.content,
        ...(m.toolCalls?.length
          ? {
              tool_calls: m.toolCalls.map((c) => ({
                id: c.id,
                type: 'function' as const,
                function: { name: c.name, arguments: c.arguments },
              })),
            }
          : {}),
      };
  }
}

function fromWire(r: ChatCompletion): ModelReply {
  const choice = r.choices?.[0];
  if (!choice) throw new ProviderFailure('the reply has no choices', true);
  const u = r.usage;
  return {
    content: choice.message.content ?? '',
    toolCalls: (choice.message.tool_calls ?? []).flatMap((c) =>
      c.type === 'function'
        ? [{ id: c.id, name: c.function.name, arguments: c.function.arguments }]
        : [{ id: c.id, name: c.custom.name, arguments: c.custom.input }],
    ),
    usage: {
      input: u?.prompt_tokens ?? 0,
      output: u?.completion_tokens ?? 0,
      cachedInput: u?.prompt_tokens_details?.cached_tokens ?? 0,
      cacheWrite: 0,
    },
  };
}

function asFailure(e: unknown): Error {
  if (e instanceof OpenAI.APIUserAbortError) return new CallAborted('aborted');
  if (e instanceof OpenAI.APIConnectionTimeoutError) return new ProviderFailure('the request timed out', true);
  if (e instanceof OpenAI.APIError) return httpFailure(e.status, e.headers, e.message);
  return e instanceof Error ? e : new Error(String(e));
}
