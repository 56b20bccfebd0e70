// Resume and replay: answers in the run's ledger are served again byte for byte, without a
// provider call, counting toward the budget as they did; in replay the record's end ends the phase.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Kit, gatewayKit, priced } from './test-kit.ts';

const kits: Kit[] = [];
let dir = '';
afterEach(async () => {
  for (const k of kits.splice(0)) await k.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const usage = { input: 3000, output: 200, cached: 1000 };
const ask = (turn: number) =>
  JSON.stringify({ model: 'm', max_tokens: 10, stream: true, messages: [{ role: 'user', content: `turn ${turn}` }] });

describe('model gateway: the answers ledger', () => {
  it('serves recorded answers again without the provider, then goes on; replay ends where the record ends', async () => {
    dir = mkdtempSync(join(tmpdir(), 'codearena-gw-ledger-'));
    const first = await gatewayKit(
      'anthropic',
      [
        { command: 'ls', usage },
        { command: 'pwd', usage },
      ],
      { dir },
    );
    kits.push(first);
    const original = [
      await first.send('POST', '/v1/messages', ask(1)),
      await first.send('POST', '/v1/messages', ask(2)),
    ];
    await first.dispose();
    kits.length = 0;

    // A resumed phase: the two answers come from the ledger, the third from the provider.
    const resumed = await gatewayKit('anthropic', [{ text: 'done', usage }], { dir });
    kits.push(resumed);
    const again = [
      await resumed.send('POST', '/v1/messages', ask(1)),
      await resumed.send('POST', '/v1/messages', ask(2)),
    ];
    expect(again.map((r) => [r.status, r.headers['content-type'], r.body])).toEqual(
      original.map((r) => [r.status, r.headers['content-type'], r.body]),
    );
    expect(again[0]!.body).toContain('event: message_start');
    expect(resumed.fetches()).toBe(0);
    expect((await resumed.send('POST', '/v1/messages', ask(3))).status).toBe(200);
    expect(resumed.fetches()).toBe(1);
    await resumed.gateway.close();
    expect(resumed.gateway.tally()).toMatchObject({ steps: 3, costUsd: 3 * priced(usage) });
    expect(resumed.steps.map((s) => [s.action, s.extra.replayed ?? false])).toEqual([
      ['bash: ls', true],
      ['bash: pwd', true],
      ['(answer)', false],
    ]);
    expect(resumed.folder.readAnswers('alice', 1).map((a) => a.call)).toEqual([1, 2, 3]);

    // codearena replay: all three served, the fourth request ends the phase with the recorded exit.
    const replay = await gatewayKit('anthropic', [], {
      dir,
      answers: (f) => f.openAnswers('alice', 1, { offline: 'submitted' }),
    });
    kits.push(replay);
    for (let i = 1; i <= 3; i++) expect((await replay.send('POST', '/v1/messages', ask(i))).status).toBe(200);
    const end = await replay.send('POST', '/v1/messages', ask(4));
    expect(end.status).toBe(400);
    expect(JSON.parse(end.body).error.message).toContain('the recorded answers end here');
    expect(replay.ends).toEqual([{ exit: 'submitted', why: expect.stringContaining('recorded answers end here') }]);
    expect(replay.fetches()).toBe(0);
  });
});
