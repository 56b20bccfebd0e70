// One answer → one shell command, or the reason it is malformed (sent back to the model).
// A native tool call wins; without one, the text must hold exactly one fenced shell block, so
// models and servers without tool calling work too.
import { z } from 'zod';
import { BASH_TOOL, type ModelReply } from './messages.ts';

export const BashArgs = z.object({ command: z.string().trim().min(1, 'command is empty') }).strict();

export type Action = { ok: true; command: string } | { ok: false; error: string };

/** Blocks in these languages (or untagged) are commands; others (```python …) are quotes. */
const SHELL = new Set(['', 'bash', 'sh', 'shell', 'console', 'zsh']);

export function parseReply(reply: ModelReply): Action {
  const calls = reply.toolCalls;
  if (calls.length > 1)
    return { ok: false, error: `the answer made ${calls.length} tool calls; make exactly one per answer` };
  const call = calls[0];
  if (call) {
    if (call.name !== BASH_TOOL.name)
      return { ok: false, error: `there is no tool \`${call.name}\`; the only tool is \`${BASH_TOOL.name}\`` };
    return parseToolArguments(call.arguments);
  }
  return parseFencedCommand(reply.content);
}

export function parseToolArguments(raw: string): Action {
  let json: unknown;
  try {
    json = JSON.parse(raw === '' ? '{}' : raw);
  } catch {
    return {
      ok: false,
      error: `the \`${BASH_TOOL.name}\` arguments are not valid JSON; send {"command": "<shell command>"}`,
    };
  }
  const args = BashArgs.safeParse(json);
  if (!args.success) {
    const why = args.error.issues
      .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
      .join('; ');
    return {
      ok: false,
      error: `the \`${BASH_TOOL.name}\` arguments are invalid (${why}); send {"command": "<shell command>"}`,
    };
  }
  return { ok: true, command: args.data.command };
}

export function parseFencedCommand(text: string): Action {
  const blocks = fencedBlocks(text)
    .filter((b) => SHELL.has(b.lang))
    .map((b) => b.body.trim());
  if (blocks.length === 0) return { ok: false, error: 'the answer has no command' };
  if (blocks.length > 1)
    return { ok: false, error: `the answer has ${blocks.length} code blocks; put exactly one command in one block` };
  if (blocks[0] === '') return { ok: false, error: 'the code block is empty' };
  return { ok: true, command: blocks[0]! };
}

/** Fenced blocks, line by line so that a closing fence is never taken for an opening one. */
export function fencedBlocks(text: string): { lang: string; body: string }[] {
  const blocks: { lang: string; body: string }[] = [];
  let open: { lang: string; fence: string; lines: string[] } | null = null;
  for (const line of text.split('\n')) {
    if (open === null) {
      const m = /^\s*(`{3,})\s*([\w+-]*)\s*$/.exec(line);
      if (m) open = { fence: m[1]!, lang: m[2]!.toLowerCase(), lines: [] };
    } else if (line.trim().startsWith(open.fence) && line.trim().replace(/`/g, '') === '') {
      blocks.push({ lang: open.lang, body: open.lines.join('\n') });
      open = null;
    } else {
      open.lines.push(line);
    }
  }
  return blocks;
}
