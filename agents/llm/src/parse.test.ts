import { describe, expect, it } from 'vitest';
import type { ModelReply } from './messages.ts';
import { fencedBlocks, parseFencedCommand, parseReply, parseToolArguments } from './parse.ts';

const usage = { input: 0, output: 0, cachedInput: 0, cacheWrite: 0 };
const text = (content: string): ModelReply => ({ content, toolCalls: [], usage });
const call = (args: string, name = 'bash'): ModelReply => ({
  content: 'thinking',
  toolCalls: [{ id: 'c1', name, arguments: args }],
  usage,
});

describe('parseReply', () => {
  it('takes the command of one bash tool call, validated', () => {
    expect(parseReply(call('{"command":"ls -la"}'))).toEqual({ ok: true, command: 'ls -la' });
    expect(parseReply(call('{"command":"   "}'))).toEqual({
      ok: false,
      error: expect.stringContaining('command is empty'),
    });
    expect(parseReply(call('{"cmd":"ls"}'))).toEqual({
      ok: false,
      error: expect.stringMatching(/arguments are invalid.*command/),
    });
    expect(parseReply(call('{"command":"ls"'))).toEqual({
      ok: false,
      error: expect.stringContaining('not valid JSON'),
    });
    expect(parseReply(call('{"command":"ls"}', 'python'))).toEqual({
      ok: false,
      error: expect.stringContaining('no tool `python`'),
    });
  });

  it('refuses several tool calls in one answer', () => {
    const r = {
      ...call('{"command":"ls"}'),
      toolCalls: [1, 2].map((i) => ({ id: `c${i}`, name: 'bash', arguments: '{"command":"ls"}' })),
    };
    expect(parseReply(r)).toEqual({ ok: false, error: expect.stringContaining('2 tool calls') });
  });

  it('falls back to one fenced shell block in the text', () => {
    expect(parseReply(text('I will look.\n```bash\ncat params.json\n```\n'))).toEqual({
      ok: true,
      command: 'cat params.json',
    });
    expect(parseReply(text('```\nls\n```'))).toEqual({ ok: true, command: 'ls' });
    expect(parseReply(text('no command here'))).toEqual({ ok: false, error: 'the answer has no command' });
    expect(parseReply(text('```bash\nls\n```\nthen\n```sh\npwd\n```'))).toEqual({
      ok: false,
      error: expect.stringContaining('2 code blocks'),
    });
  });

  it('keeps multi-line commands and heredocs whole, and ignores blocks in other languages', () => {
    const cmd = "cat > a.py <<'EOF'\nprint('```')\nEOF";
    expect(parseFencedCommand(`Quote:\n\`\`\`python\nx = 1\n\`\`\`\nNow:\n\`\`\`bash\n${cmd}\n\`\`\``)).toEqual({
      ok: true,
      command: cmd,
    });
  });

  it('never takes a closing fence for an opening one', () => {
    expect(fencedBlocks('```python\na\n```\ntext\n```bash\nls\n```')).toEqual([
      { lang: 'python', body: 'a' },
      { lang: 'bash', body: 'ls' },
    ]);
  });

  it('validates tool arguments with zod, rejecting extra fields', () => {
    expect(parseToolArguments('{"command":"ls","cwd":"/"}')).toEqual({
      ok: false,
      error: expect.stringContaining('arguments are invalid'),
    });
    expect(parseToolArguments('')).toEqual({ ok: false, error: expect.stringContaining('command') });
  });
});
