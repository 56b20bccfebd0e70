// The gateway between real SDK clients and the scripted provider, on every wire, streamed and
// not: the client parses what the gateway relays, and each exchange is metered exactly (cost =
// tokens × price), recorded in the ledger with its bytes, and becomes a step with its results.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { type Kit, TOKEN, gatewayKit, priced } from './test-kit.ts';

let kit: Kit | undefined;
afterEach(async () => {
  await kit?.dispose();
  kit = undefined;
});

const u1 = { input: 5000, output: 300, cached: 1000, cacheWrite: 500 };
const u2 = { input: 7000, output: 50, cached: 4000 };
const bashTool = { name: 'Bash', description: 'shell', input_schema: { type: 'object' as const, properties: {} } };

describe('model gateway: Anthropic Messages', () => {
  it('relays a stream and a plain answer to the SDK, metered exactly, as steps with their tool results', async () => {
    kit = await gatewayKit('anthropic', [
      { command: 'echo hi > out.txt', text: 'writing', usage: u1 },
      { text: 'Done.', usage: u2 },
    ]);
    const client = new Anthropic({ baseURL: await kit.tcpUrl(), apiKey: TOKEN, maxRetries: 0 });
    const first = { role: 'user' as const, content: 'Create out.txt' };
    const msg = await client.messages
      .stream({ model: 'm', max_tokens: 100, tools: [bashTool], messages: [first] }, { query: { beta: 'true' } })
      .finalMessage();
    const call = msg.content.find((b) => b.type === 'tool_use')!;
    expect(call.input).toEqual({ command: 'echo hi > out.txt', description: 'scripted command' });
    expect(kit.upstream.calls[0]!.url).toBe('/v1/messages?beta=true');
    const second = await client.messages.create({
      model: 'm',
      max_tokens: 100,
      tools: [bashTool],
      messages: [
        first,
        { role: 'assistant', content: msg.content },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: call.id, content: 'wrote it' }] },
      ],
    });
    expect(second.content).toEqual([{ type: 'text', text: 'Done.' }]);
    await kit.gateway.close();

    const cost = priced(u1) + priced(u2);
    expect(kit.gateway.tally()).toEqual({ steps: 2, costUsd: cost, tokensIn: 12_000, tokensOut: 350 });
    expect(kit.steps.map((s) => [s.action, s.output])).toEqual([
      ['Bash: echo hi > out.txt', 'wrote it'],
      ['(answer)', ''],
    ]);
    expect(kit.steps[0]!.extra).toMatchObject({
      costUsd: priced(u1),
      tokens: { input: 5000, output: 300 },
      thought: 'writing',
    });
    expect(kit.steps[0]!.extra.messages).toEqual([
      first,
      expect.objectContaining({ role: 'assistant', content: 'writing' }),
      expect.objectContaining({ role: 'user' }),
    ]);
    const ledger = kit.folder.readAnswers('alice', 1);
    expect(ledger.map((a) => [a.costUsd, a.reply.usage, a.wire?.contentType])).toEqual([
      [priced(u1), { input: 5000, output: 300, cachedInput: 1000, cacheWrite: 500 }, 'text/event-stream'],
      [priced(u2), { input: 7000, output: 50, cachedInput: 4000, cacheWrite: 0 }, 'application/json'],
    ]);
    expect(ledger[0]!.reply.toolCalls[0]).toMatchObject({ name: 'Bash' });
    // The upstream got the real key and the allow-listed headers, never the phase token.
    const h = kit.upstream.calls[0]!.headers;
    expect(h['x-api-key']).toBe('sk-real-provider-key-SECRET-42');
    expect(JSON.stringify(kit.upstream.calls)).not.toContain(TOKEN);
  });
});

describe('model gateway: OpenAI', () => {
  it('relays Chat Completions streamed (adding include_usage) and plain, metered exactly', async () => {
    kit = await gatewayKit('openai', [
      { command: 'ls', usage: u2 },
      { text: 'ok', usage: { input: 100, output: 10 } },
    ]);
    const client = new OpenAI({ baseURL: `${await kit.tcpUrl()}/v1`, apiKey: TOKEN, maxRetries: 0 });
    const messages = [{ role: 'user' as const, content: 'go' }];
    const streamed = await client.chat.completions.stream({ model: 'm', messages }).finalChatCompletion();
    expect(streamed.choices[0]!.message.tool_calls).toEqual([
      expect.objectContaining({ id: 'call_1_0', function: { name: 'bash', arguments: '{"command":"ls"}' } }),
    ]);
    expect(kit.upstream.requests[0]!.stream_options).toEqual({ include_usage: true });
    const plain = await client.chat.completions.create({
      model: 'm',
      messages: [
        ...messages,
        streamed.choices[0]!.message,
        { role: 'tool', tool_call_id: 'call_1_0', content: 'a.txt\nb.txt' },
      ],
    });
    expect(plain.choices[0]!.message.content).toBe('ok');
    await kit.gateway.close();
    expect(kit.gateway.tally()).toEqual({
      steps: 2,
      costUsd: priced(u2) + priced({ input: 100, output: 10 }),
      tokensIn: 7100,
      tokensOut: 60,
    });
    expect(kit.steps.map((s) => [s.action, s.output])).toEqual([
      ['bash: ls', 'a.txt\nb.txt'],
      ['(answer)', ''],
    ]);
  });

  it('relays Responses streamed (Codex exec_command) and plain, metered exactly', async () => {
    kit = await gatewayKit('openai', [
      { command: 'echo hi > out.txt', usage: u2 },
      { text: 'All done', usage: { input: 8000, output: 20, cached: 7000 } },
    ]);
    const client = new OpenAI({ baseURL: `${await kit.tcpUrl()}/v1`, apiKey: TOKEN, maxRetries: 0 });
    const tools = [{ type: 'function' as const, name: 'exec_command', parameters: {}, strict: false }];
    const events = [];
    for await (const e of await client.responses.create({ model: 'm', input: 'go', tools, stream: true }))
      events.push(e.type);
    expect(events.at(-1)).toBe('response.completed');
    const done = await client.responses.create({
      model: 'm',
      tools,
      input: [
        { role: 'user', content: 'go' },
        { type: 'function_call', call_id: 'call_1_0', name: 'exec_command', arguments: '{"cmd":"echo hi > out.txt"}' },
        { type: 'function_call_output', call_id: 'call_1_0', output: 'Process exited with code 0' },
      ],
    });
    expect(done.output_text).toBe('All done');
    await kit.gateway.close();
    expect(kit.gateway.tally().costUsd).toBe(priced(u2) + priced({ input: 8000, output: 20, cached: 7000 }));
    expect(kit.steps.map((s) => [s.action, s.output])).toEqual([
      ['exec_command: echo hi > out.txt', 'Process exited with code 0'],
      ['(answer)', ''],
    ]);
  });
});
