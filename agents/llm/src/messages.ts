// The conversation as the loop keeps it, whatever the provider: each provider file turns it
// into its own wire format. A shell command travels either as a tool call or in the text.
// A model's answer (ModelReply) is the protocol's: the run's answers ledger records it as is.
import type { ModelReply } from '@codearena/protocol';

export type { ModelReply };

/** A tool call as the model wrote it; `arguments` is its JSON text, validated by parse.ts. */
export type ToolCall = ModelReply['toolCalls'][number];

export type Message =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: ToolCall[] }
  | { role: 'tool'; toolCallId: string; content: string };

/** Token counts of one call. `input` includes cached input and cache writes. */
export type Usage = ModelReply['usage'];

export interface Provider {
  /** Sends the conversation; `tools` offers the bash tool. Throws ProviderFailure (retry.ts). */
  complete(messages: Message[], o: { tools: boolean; signal: AbortSignal }): Promise<ModelReply>;
}

/** The one tool: a shell command in the player's workspace. */
export const BASH_TOOL = {
  name: 'bash',
  description:
    'Run one shell command (bash -c) in your workspace, in your repository. Run `submit` alone to end the edit phase.',
  parameters: {
    type: 'object',
    properties: { command: { type: 'string', description: 'The shell command to run.' } },
    required: ['command'],
    additionalProperties: false,
  },
} as const;
