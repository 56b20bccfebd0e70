// The conversation as the loop keeps it, whatever the provider: each provider file turns it
// into its own wire format. A shell command travels either as a tool call or in the text.

export interface ToolCall {
  id: string;
  name: string;
  /** The arguments as the model wrote them (JSON text, validated by parse.ts). */
  arguments: string;
}

export type Message =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: ToolCall[] }
  | { role: 'tool'; toolCallId: string; content: string };

/** Token counts of one call. `input` includes cached input and cache writes. */
export interface Usage {
  input: number;
  output: number;
  cachedInput: number;
  cacheWrite: number;
}

export interface ModelReply {
  content: string;
  toolCalls: ToolCall[];
  usage: Usage;
}

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
