// The gateway's edges over a phase: a provider without token counts is metered by estimate, an
// answer the harness stopped reading is still paid for and recorded, a hung provider times out,
// close() ends calls in flight, and only allow-listed headers travel upstream.
import { statSync } from 'node:fs';
import { request } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PRICE, TOKEN, type Kit, gatewayKit } from './test-kit.ts';

let kit: Kit | undefined;
afterEach(async () => {
  await kit?.dispose();
  kit = undefined;
});

const chat = (stream: boolean) =>
  JSON.stringify({ model: 'm', stream, messages: [{ role: 'user', content: 'x'.repeat(4000) }] });

describe('model gateway: lifecycle', () => {
  it('estimates usage when the provider sends none, and says so in the step', async () => {
    kit = await gatewayKit('openai', [
      { command: 'ls', usage: 'none' },
      { text: 'y'.repeat(400), usage: 'none' },
    ]);
    expect((await kit.send('POST', '/v1/chat/completions', chat(true))).status).toBe(200);
    expect((await kit.send('POST', '/v1/chat/completions', chat(false))).status).toBe(200);
    await kit.gateway.close();
    // 4 bytes a token: the harness's request in, the answer's text and arguments ({"command":"ls"}) out.
    const [a, b] = kit.folder.readAnswers('alice', 1);
    expect(a!.reply.usage).toEqual({
      input: Math.ceil(chat(true).length / 4),
      output: 4,
      cachedInput: 0,
      cacheWrite: 0,
    });
    expect(b!.reply.usage.output).toBe(100);
    expect(b!.costUsd).toBe((Math.ceil(chat(false).length / 4) * PRICE.input + 100 * PRICE.output) / 1e6);
    expect(kit.gateway.tally().costUsd).toBeGreaterThan(0);
    expect(kit.steps[0]!.extra.thought).toContain('usage estimated');
  });

  it('records an answer the harness stopped waiting for (it is paid for) and counts its step', async () => {
    kit = await gatewayKit('anthropic', [{ command: 'ls', delayMs: 300 }]);
    await new Promise<void>((resolve) => {
      const req = request({ socketPath: kit!.socketPath, method: 'POST', path: '/v1/messages' });
      req.setHeader('x-api-key', TOKEN);
      req.on('error', () => resolve());
      req.on('close', () => resolve());
      req.end(JSON.stringify({ model: 'm', messages: [] }), () => setImmediate(() => req.destroy()));
    });
    await vi.waitFor(() => expect(kit!.gateway.tally().steps).toBe(1), { timeout: 30_000 });
    expect(kit.folder.readAnswers('alice', 1)).toHaveLength(1);
  });

  it('gives up on a provider that does not answer in time (502, no step)', async () => {
    kit = await gatewayKit('openai', [{ text: 'late', delayMs: 60_000 }], { timeoutMs: 200 });
    const r = await kit.send('POST', '/v1/responses', JSON.stringify({ model: 'm', input: 'go' }));
    expect(r.status).toBe(502);
    expect(JSON.parse(r.body).error.message).toContain('timed out');
    expect(kit.gateway.lastFailure()).toContain('timed out');
    expect(kit.gateway.tally().steps).toBe(0);
  });

  it('close() ends a call in flight and removes nothing but its own socket', async () => {
    kit = await gatewayKit('anthropic', [{ text: 'slow', delayMs: 60_000 }]);
    expect(statSync(kit.socketPath).mode & 0o777).toBe(0o666);
    const inFlight = kit.send('POST', '/v1/messages', JSON.stringify({ model: 'm', messages: [] })).then(
      (r) => r.status,
      () => 'cut',
    );
    await vi.waitFor(() => expect(kit!.upstream.requests).toHaveLength(1), { timeout: 30_000 });
    await kit.gateway.close();
    expect(['cut', 502]).toContain(await inFlight);
    expect(kit.gateway.tally().steps).toBe(0);
    expect(kit.gateway.lastFailure()).toBeNull();
    expect(() => statSync(kit!.socketPath)).toThrow();
  });

  it('forwards only allow-listed headers, with the real key in the provider’s own header', async () => {
    kit = await gatewayKit('openai', [{ text: 'ok' }]);
    const r = await kit.send('POST', '/v1/responses', JSON.stringify({ model: 'm', input: 'go' }), {
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json',
      cookie: 'session=1',
      'openai-beta': 'responses=v1',
      'x-codex-turn-metadata': '{"installation_id":"abc"}',
      'accept-encoding': 'identity-only-please',
    });
    expect(r.status).toBe(200);
    const h = kit.upstream.calls[0]!.headers;
    expect(h.authorization).toBe('Bearer sk-real-provider-key-SECRET-42');
    expect(h['openai-beta']).toBe('responses=v1');
    expect([h.cookie, h['x-codex-turn-metadata'], h['x-api-key']]).toEqual([undefined, undefined, undefined]);
    expect(h['accept-encoding']).not.toBe('identity-only-please');
  });

  it('keeps a step bounded whatever the request holds: huge results, deep nesting, many items', async () => {
    kit = await gatewayKit('anthropic', [{ command: 'ls' }, { text: 'ok' }]);
    expect((await kit.send('POST', '/v1/messages', JSON.stringify({ model: 'm', messages: [] }))).status).toBe(200);
    // Nesting deeper than a recursive reader survives (built as text: JSON.stringify would recurse).
    const nested = `${'['.repeat(100_000)}"deep"${']'.repeat(100_000)}`;
    const results = [
      { type: 'tool_result', tool_use_id: 'call_1_0', content: 'x'.repeat(5_000_000) },
      { type: 'tool_result', tool_use_id: 'call_1_0', content: 'NESTED' },
      ...Array.from({ length: 500 }, () => ({ type: 'text', text: 'y'.repeat(30_000) })),
    ];
    const body = JSON.stringify({
      model: 'm',
      messages: [
        { role: 'assistant', content: 'before' },
        { role: 'user', content: results },
      ],
    }).replace('"NESTED"', nested);
    expect((await kit.send('POST', '/v1/messages', body)).status).toBe(200);
    await kit.gateway.close();
    expect(kit.steps[0]!.output.length).toBeLessThan(21_000);
    expect(JSON.stringify(kit.steps[0]!.extra.messages).length).toBeLessThan(400_000);
  });
});
