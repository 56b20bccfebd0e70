// Anthropic Messages through the official client. Tool results and corrections go back as one
// user turn; the system prompt and the newest turn carry cache breakpoints, so each step pays
// the cached rate for the conversation so far.
import Anthropic from '@anthropic-ai/sdk';
import type {
  ContentBlockParam,
  Message as WireReply,
  MessageCreateParamsNonStreaming,
  MessageParam,
  TextBlockParam,
  Tool,
  ToolResultBlockParam,
} from '@anthropic-ai/sdk/resources/messages';
import { BASH_TOOL, type Message, type ModelReply, type Provider } from '../messages.ts';
import { CallAborted, ProviderFailure, httpFailure } from '../retry.ts';
import { type ProviderSettings, sdkOptions } from './settings.ts';

const TOOL: Tool = {
  name: BASH_TOOL.name,
  description: BASH_TOOL.description,
  input_schema: { ...BASH_TOOL.parameters, required: ['command'] },
};
const DEFAULT_MAX_TOKENS = 8192;
const CACHE = { type: 'ephemeral' } as const;

export function createAnthropicProvider(s: ProviderSettings): Provider {
  const client = new Anthropic(sdkOptions(s));
  return {
    async complete(messages, o): Promise<ModelReply> {
      const system = messages.flatMap((m) => (m.role === 'system' ? [m.content] : [])).join('\n\n');
      const body: MessageCreateParamsNonStreaming = {
        model: s.model,
        max_tokens: s.maxTokens ?? DEFAULT_MAX_TOKENS,
        ...(system ? { system: [{ type: 'text', text: system, cache_control: CACHE }] } : {}),
        messages: toWire(messages),
        ...(o.tools ? { tools: [TOOL] } : {}),
        ...(s.temperature !== undefined ? { temperature: s.temperature } : {}),
      };
      let r: WireReply;
      try {
        r = await client.messages.create(body, { signal: o.signal });
      } catch (e) {
        throw asFailure(e);
      }
      return fromWire(r);
    },
  };
}

/** Alternating user/assistant turns; tool results and user text that follow each other share a turn. */
function toWire(messages: Message[]): MessageParam[] {
  const out: MessageParam[] = [];
  const userTurn = (): ContentBlockParam[] => {
    const last = out.at(-1);
    if (last?.role === 'user' && Array.isArray(last.content)) return last.content;
    const content: ContentBlockParam[] = [];
    out.push({ role: 'user', content });
    return content;
  };
  for (const m of messages) {
    if (m.role === 'system') continue;
    if (m.role === 'user') userTurn().push({ type: 'text', text: m.content || '(empty)' });
    else if (m.role === 'tool') {
      const block: ToolResultBlockParam = {
        type: 'tool_result',
        tool_use_id: m.toolCallId,
        content: m.content || '(no output)',
      };
      // Tool results lead their turn.
      const turn = userTurn();
      turn.splice(turn.filter((b) => b.type === 'tool_result').length, 0, block);
    } else {
      const content: ContentBlockParam[] = m.content.trim() ? [{ type: 'text', text: m.content }] : [];
      for (const c of m.toolCalls ?? [])
        content.push({ type: 'tool_use', id: c.id, name: c.name, input: toolInput(c.arguments) });
      out.push({ role: 'assistant', content: content.length ? content : [{ type: 'text', text: '(empty answer)' }] });
    }
  }
  const last = out.at(-1);
  const block = last?.role === 'user' && Array.isArray(last.content) ? last.content.at(-1) : undefined;
  if (block && (block.type === 'text' || block.type === 'tool_result'))
    (block as TextBlockParam | ToolResultBlockParam).cache_control = CACHE;
  return out;
}

/** Anthropic sends tool input as an object; we keep it as JSON text, so it always parses back. */
function toolInput(args: string): Record<string, unknown> {
  try {
    const v = JSON.parse(args) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };
  } catch {
    return { raw: args };
  }
}

function fromWire(r: WireReply): ModelReply {
  if (!Array.isArray(r.content)) throw new ProviderFailure('the reply has no content', true);
  const u = r.usage;
  const cachedInput = u?.cache_read_input_tokens ?? 0;
  const cacheWrite = u?.cache_creation_input_tokens ?? 0;
  return {
    content: r.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('\n'),
    toolCalls: r.content.flatMap((b) =>
      b.type === 'tool_use' ? [{ id: b.id, name: b.name, arguments: JSON.stringify(b.input ?? {}) }] : [],
    ),
    usage: {
      input: (u?.input_tokens ?? 0) + cachedInput + cacheWrite,
      output: u?.output_tokens ?? 0,
      cachedInput,
      cacheWrite,
    },
  };
}

function asFailure(e: unknown): Error {
  if (e instanceof Anthropic.APIUserAbortError) return new CallAborted('aborted');
  if (e instanceof Anthropic.APIConnectionTimeoutError) return new ProviderFailure('the request timed out', true);
  if (e instanceof Anthropic.APIError) return httpFailure(e.status, e.headers, e.message);
  return e instanceof Error ? e : new Error(String(e));
}
