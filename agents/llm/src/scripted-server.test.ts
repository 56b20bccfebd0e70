// The scripted provider's wire formats, read by the official SDKs: if the SDKs parse its streams
// and bodies, the harnesses and the model gateway are tested against what a provider sends.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { type ScriptedServer, type Wire, startScriptedServer } from './test-support/scripted-server.ts';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const start = async (wire: Wire, ...script: Parameters<ScriptedServer['push']>) =>
  (server = await startScriptedServer(wire, script));
const usage = { input: 1200, output: 34, cached: 200, cacheWrite: 100 };
const bashTool = { name: 'Bash', description: 'shell', input_schema: { type: 'object' as const, properties: {} } };
const execTool = { type: 'function' as const, name: 'exec_command', parameters: {}, strict: false };

describe('scripted server: Anthropic Messages', () => {
  it('streams a Bash call (Claude Code tools, ?beta=true) that the SDK joins, with usage', async () => {
    const s = await start('anthropic', { command: 'echo hi > out.txt', text: 'I write it', usage }, { text: 'Done' });
    const client = new Anthropic({ baseURL: s.baseURL, apiKey: 'k', maxRetries: 0 });
    const body = {
      model: 'm',
      max_tokens: 100,
      tools: [bashTool],
      messages: [{ role: 'user' as const, content: 'go' }],
    };
    // Claude Code's path carries ?beta=true.
    const msg = await client.messages.stream(body, { query: { beta: 'true' } }).finalMessage();
    expect(s.calls[0]!.url).toBe('/v1/messages?beta=true');
    expect(msg.content).toEqual([
      { type: 'text', text: 'I write it' },
      {
        type: 'tool_use',
        id: 'call_1_0',
        name: 'Bash',
        input: { command: 'echo hi > out.txt', description: 'scripted command' },
      },
    ]);
    expect(msg.stop_reason).toBe('tool_use');
    expect(msg.usage).toMatchObject({
      input_tokens: 900,
      output_tokens: 34,
      cache_read_input_tokens: 200,
      cache_creation_input_tokens: 100,
    });
    const final = await client.messages.create({ ...body, stream: true });
    const types: string[] = [];
    for await (const e of final) types.push(e.type);
    expect(types).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
  });

  it('answers non-streaming with the native bash tool, and probes with 200', async () => {
    const s = await start('anthropic', { command: 'ls' });
    const client = new Anthropic({ baseURL: s.baseURL, apiKey: 'k', maxRetries: 0 });
    const msg = await client.messages.create({
      model: 'm',
      max_tokens: 10,
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(msg.content).toEqual([{ type: 'tool_use', id: 'call_1_0', name: 'bash', input: { command: 'ls' } }]);
    for (const method of ['HEAD', 'GET']) expect((await fetch(`${s.baseURL}/`, { method })).status).toBe(200);
  });
});

describe('scripted server: OpenAI Chat Completions', () => {
  it('streams text and tool calls the SDK assembles, and a usage chunk when asked', async () => {
    const s = await start('openai', { command: 'ls', text: 'look', usage }, { text: 'bye', usage });
    const client = new OpenAI({ baseURL: s.baseURL, apiKey: 'k', maxRetries: 0 });
    const body = { model: 'm', messages: [{ role: 'user' as const, content: 'go' }] };
    const done = await client.chat.completions
      .stream({ ...body, stream_options: { include_usage: true } })
      .finalChatCompletion();
    expect(done.choices[0]!.message).toMatchObject({
      content: 'look',
      tool_calls: [{ id: 'call_1_0', type: 'function', function: { name: 'bash', arguments: '{"command":"ls"}' } }],
    });
    expect(done.usage).toMatchObject({ prompt_tokens: 1200, completion_tokens: 34 });
    const chunks = [];
    for await (const c of await client.chat.completions.create({ ...body, stream: true })) chunks.push(c);
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('bye');
    expect(chunks.some((c) => c.usage)).toBe(false);
  });
});

describe('scripted server: OpenAI Responses', () => {
  it('streams an exec_command call (Codex tools) ending in response.completed with usage', async () => {
    const s = await start('openai', { command: 'echo hi > out.txt', usage });
    const client = new OpenAI({ baseURL: s.baseURL, apiKey: 'k', maxRetries: 0 });
    const events = [];
    for await (const e of await client.responses.create({ model: 'm', input: 'go', tools: [execTool], stream: true }))
      events.push(e);
    expect(events[0]!.type).toBe('response.created');
    const done = events.at(-1)!;
    if (done.type !== 'response.completed') throw new Error(`last event ${done.type}`);
    expect(done.response.output).toEqual([
      expect.objectContaining({
        type: 'function_call',
        name: 'exec_command',
        arguments: '{"cmd":"echo hi > out.txt"}',
      }),
    ]);
    expect(done.response.usage).toMatchObject({
      input_tokens: 1200,
      input_tokens_details: { cached_tokens: 200 },
      output_tokens: 34,
    });
  });

  it('streams a final message the SDK helper assembles, and answers non-streaming', async () => {
    const s = await start('openai', { text: 'All done' }, { text: 'plain' });
    const client = new OpenAI({ baseURL: s.baseURL, apiKey: 'k', maxRetries: 0 });
    const streamed = await client.responses.stream({ model: 'm', input: 'go' }).finalResponse();
    expect(streamed.output_text).toBe('All done');
    const plain = await client.responses.create({ model: 'm', input: 'go' });
    expect(plain.output_text).toBe('plain');
    expect(plain.usage?.output_tokens).toBe(100);
  });
});
