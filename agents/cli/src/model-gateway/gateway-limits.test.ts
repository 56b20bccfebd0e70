// The budget and the failures: a request past a limit gets a 400 in the provider's error shape
// without reaching the provider, and the phase ends once; upstream errors are relayed and count
// no step; the real key shows up in no answer, step or ledger line.
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { KEY, type Kit, TOKEN, gatewayKit, priced } from './test-kit.ts';

let kit: Kit | undefined;
afterEach(async () => {
  await kit?.dispose();
  kit = undefined;
});

const ask = (content = 'go') => JSON.stringify({ model: 'm', max_tokens: 10, messages: [{ role: 'user', content }] });
const usage = { input: 1000, output: 100 };

describe('model gateway: limits', () => {
  it('refuses the call past the step limit with an Anthropic 400, ends the phase once, never calls upstream', async () => {
    kit = await gatewayKit('anthropic', [{ command: 'ls', usage }, { command: 'pwd', usage }, { text: 'x' }], {
      limits: { steps: 2, costUsd: 100, deadline: Date.now() + 3_600_000 },
    });
    for (let i = 0; i < 2; i++) expect((await kit.send('POST', '/v1/messages', ask())).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const refused = await kit.send('POST', '/v1/messages', ask());
      expect(refused.status).toBe(400);
      expect(JSON.parse(refused.body)).toEqual({
        type: 'error',
        error: { type: 'invalid_request_error', message: expect.stringContaining('step limit of 2') },
      });
    }
    expect(kit.fetches()).toBe(2);
    expect(kit.upstream.left()).toBe(1);
    expect(kit.ends).toEqual([{ exit: 'step_limit', why: expect.stringContaining('step limit') }]);
    expect(kit.gateway.tally().steps).toBe(2);
    // The refused request still carried the last answer's results: that step is recorded.
    expect(kit.steps.map((s) => s.action)).toEqual(['bash: ls', 'bash: pwd']);
  });

  it('refuses once the cost reaches the limit (OpenAI error shape) and at the deadline', async () => {
    kit = await gatewayKit('openai', [{ command: 'ls', usage }, { text: 'never' }], {
      limits: { steps: 100, costUsd: priced(usage), deadline: Date.now() + 3_600_000 },
    });
    const chat = JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'go' }] });
    expect((await kit.send('POST', '/v1/chat/completions', chat)).status).toBe(200);
    const refused = await kit.send('POST', '/v1/responses', JSON.stringify({ model: 'm', input: 'go' }));
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body).error).toMatchObject({
      type: 'invalid_request_error',
      message: expect.stringContaining('cost limit'),
    });
    expect(kit.ends.map((e) => e.exit)).toEqual(['cost_limit']);
    expect(kit.fetches()).toBe(1);
    await kit.dispose();

    kit = await gatewayKit('openai', [{ text: 'never' }], {
      limits: { steps: 100, costUsd: 100, deadline: Date.now() - 1 },
    });
    const late = await kit.send('POST', '/v1/chat/completions', chat);
    expect(late.status).toBe(400);
    expect(kit.ends.map((e) => e.exit)).toEqual(['time_limit']);
    expect(kit.fetches()).toBe(0);
  });
});

describe('model gateway: failures and hostile input', () => {
  it('relays an upstream 500 as it came, counts no step and reports it; a later success clears it', async () => {
    kit = await gatewayKit('anthropic', [
      { status: 500, message: 'overloaded' },
      { text: 'fine', usage },
    ]);
    const failed = await kit.send('POST', '/v1/messages', ask());
    expect(failed.status).toBe(500);
    expect(JSON.parse(failed.body).error.message).toBe('overloaded');
    expect(kit.gateway.lastFailure()).toContain('HTTP 500');
    expect(kit.gateway.tally().steps).toBe(0);
    expect(kit.folder.readAnswers('alice', 1)).toEqual([]);
    expect((await kit.send('POST', '/v1/messages', ask())).status).toBe(200);
    expect(kit.gateway.lastFailure()).toBeNull();
    expect(kit.gateway.tally().steps).toBe(1);
  });

  it('answers 502 when the provider is unreachable', async () => {
    kit = await gatewayKit('anthropic', []);
    await kit.upstream.close();
    const r = await kit.send('POST', '/v1/messages', ask());
    expect(r.status).toBe(502);
    expect(kit.gateway.lastFailure()).toContain('could not be reached');
  });

  it('answers 401 to a missing or wrong token, 404 to other paths and the other family, 400/413 to bad bodies', async () => {
    kit = await gatewayKit('anthropic', [{ text: 'x' }]);
    expect((await kit.send('POST', '/v1/messages', ask(), {})).status).toBe(401);
    expect((await kit.send('POST', '/v1/messages', ask(), { 'x-api-key': KEY })).status).toBe(401);
    expect((await kit.send('POST', '/v1/messages', ask(), { authorization: `Bearer ${TOKEN}x` })).status).toBe(401);
    expect((await kit.send('HEAD', '/')).status).toBe(200);
    const wrong = await kit.send('POST', '/v1/responses', ask());
    expect(wrong.status).toBe(404);
    expect(wrong.body).toContain("player's provider, which is anthropic");
    const other = await kit.send('GET', '/v1/messages/../../etc/passwd');
    expect([other.status, JSON.parse(other.body).error.message]).toEqual([
      404,
      expect.stringContaining('POST /v1/messages'),
    ]);
    expect((await kit.send('POST', '/v1/messages', '{not json')).status).toBe(400);
    expect((await kit.send('POST', '/v1/messages', '[1,2]')).status).toBe(400);
    const big = await kit.send('POST', '/v1/messages', Buffer.alloc(33 * 1024 * 1024, 0x20));
    expect(big.status).toBe(413);
    expect(kit.fetches()).toBe(0);
    // Still serving after all that.
    expect((await kit.send('POST', '/v1/messages', ask(), { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
  });

  it('answers garbage on a raw socket with 400 and a chunked body past the cap with 413', async () => {
    kit = await gatewayKit('anthropic', [{ text: 'x' }]);
    const raw = (text: string | Buffer[]) =>
      new Promise<string>((resolve) => {
        const s = connect(kit!.socketPath);
        const got: Buffer[] = [];
        s.on('data', (b) => got.push(b));
        s.on('error', () => {}); // the gateway may cut the socket while we still write
        s.on('close', () => resolve(Buffer.concat(got).toString('latin1')));
        if (typeof text === 'string') s.write(text);
        else for (const b of text) s.write(b);
        s.end();
      });
    expect(await raw('\x00\x01 nonsense\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const chunked = [
      Buffer.from(`POST /v1/messages HTTP/1.1\r\nhost: x\r\nx-api-key: ${TOKEN}\r\ntransfer-encoding: chunked\r\n\r\n`),
      ...Array.from({ length: 33 }, () => Buffer.concat([Buffer.from('100000\r\n'), chunk, Buffer.from('\r\n')])),
      Buffer.from('0\r\n\r\n'),
    ];
    expect(await raw(chunked)).toMatch(/^HTTP\/1\.1 413/);
    expect(kit.fetches()).toBe(0);
  });

  it('never lets the real key out: not in answers, steps, the ledger or errors', async () => {
    kit = await gatewayKit('anthropic', [
      { command: 'ls', usage },
      { status: 401, message: `bad key ${KEY}` },
    ]);
    const bodies = [(await kit.send('POST', '/v1/messages', ask())).body];
    bodies.push((await kit.send('POST', '/v1/messages', ask('again'))).body);
    bodies.push((await kit.send('POST', '/v1/nope', ask())).body);
    await kit.gateway.close();
    expect(kit.upstream.calls[0]!.headers['x-api-key']).toBe(KEY);
    const seen = [...bodies, JSON.stringify(kit.steps), kit.gateway.lastFailure() ?? '', kit.runFolderText()].join(
      '\n',
    );
    expect(kit.runFolderText()).toContain('"call":1');
    expect(seen).not.toContain(KEY);
  });

  it("asks the provider for the player's model only, whatever model the harness names", async () => {
    kit = await gatewayKit('openai', [{ text: 'a' }, { text: 'b' }]);
    const body = (model: string, stream: boolean) =>
      JSON.stringify({ model, stream, messages: [{ role: 'user', content: 'go' }] });
    expect((await kit.send('POST', '/v1/chat/completions', body('a-dearer-model', false))).status).toBe(200);
    expect((await kit.send('POST', '/v1/responses', JSON.stringify({ model: 'other', input: 'go' }))).status).toBe(200);
    expect(kit.upstream.requests.map((r) => r.model)).toEqual(['m', 'm']);
  });

  it("relays the provider's 401 (the player's key) as a 403, so no harness retries it as a stale login", async () => {
    kit = await gatewayKit('anthropic', [{ status: 401, message: 'invalid x-api-key' }]);
    const r = await kit.send('POST', '/v1/messages', ask());
    expect(r.status).toBe(403);
    expect(r.body).toContain('invalid x-api-key');
    expect(kit.gateway.lastFailure()).toContain('HTTP 401');
  });
});
