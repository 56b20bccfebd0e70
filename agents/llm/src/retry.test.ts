import { describe, expect, it } from 'vitest';
import { CallAborted, ProviderFailure, backoffMs, httpFailure, retryAfterMs, withRetry } from './retry.ts';

const h = (o: Record<string, string>) => new Headers(o);

describe('retry', () => {
  it('reads Retry-After in seconds, as a date, and retry-after-ms', () => {
    expect(retryAfterMs(h({ 'retry-after': '3' }))).toBe(3000);
    expect(retryAfterMs(h({ 'retry-after': '0.5' }))).toBe(500);
    expect(retryAfterMs(h({ 'retry-after-ms': '250', 'retry-after': '9' }))).toBe(250);
    expect(retryAfterMs(h({ 'retry-after': new Date(10_000).toUTCString() }), 4000)).toBe(6000);
    expect(retryAfterMs(h({}))).toBeUndefined();
    expect(retryAfterMs(h({ 'retry-after': 'soon' }))).toBeUndefined();
  });

  it('retries 408, 409, 429, 5xx and no-response failures only', () => {
    for (const s of [408, 409, 429, 500, 502, 503, 529, undefined])
      expect(httpFailure(s, undefined, 'x').retryable).toBe(true);
    for (const s of [400, 401, 403, 404, 422]) expect(httpFailure(s, undefined, 'x').retryable).toBe(false);
  });

  it('backs off exponentially with jitter, capped, unless the server said when', () => {
    const o = { baseMs: 1000, maxMs: 8000 };
    expect(backoffMs(1, { ...o, random: () => 0 })).toBe(500);
    expect(backoffMs(1, { ...o, random: () => 1 })).toBe(1000);
    expect(backoffMs(3, { ...o, random: () => 1 })).toBe(4000);
    expect(backoffMs(10, { ...o, random: () => 1 })).toBe(8000);
    expect(backoffMs(10, { ...o, random: () => 1 }, 1234)).toBe(1234);
  });

  const run = async (failures: ProviderFailure[], retries: number, deadline = Date.now() + 60_000) => {
    const slept: number[] = [];
    let calls = 0;
    const result = withRetry(
      async () => {
        const f = failures[calls++];
        if (f) throw f;
        return 'ok';
      },
      {
        retries,
        signal: new AbortController().signal,
        deadline,
        baseMs: 100,
        random: () => 1,
        sleep: async (ms) => void slept.push(ms),
      },
    );
    return { result, slept, calls: () => calls };
  };

  it('honours Retry-After and succeeds after transient failures', async () => {
    const r = await run(
      [httpFailure(429, h({ 'retry-after': '2' }), 'rate limited'), httpFailure(503, undefined, 'busy')],
      3,
    );
    await expect(r.result).resolves.toEqual({ value: 'ok', attempts: 3 });
    expect(r.slept).toEqual([2000, 200]);
  });

  it('gives up when retries are exhausted, and at once on a permanent failure', async () => {
    const a = await run(
      [1, 2, 3].map(() => httpFailure(500, undefined, '500 boom')),
      2,
    );
    await expect(a.result).rejects.toThrow('500 boom (3 attempts)');
    const b = await run([httpFailure(401, undefined, '401 bad key')], 5);
    await expect(b.result).rejects.toThrow('401 bad key (1 attempt)');
    expect(b.calls()).toBe(1);
  });

  it('does not wait past the deadline, and stops when aborted', async () => {
    const a = await run([httpFailure(429, h({ 'retry-after': '120' }), 'slow down')], 5, Date.now() + 10_000);
    await expect(a.result).rejects.toThrow(/would pass the time limit/);
    const ac = new AbortController();
    ac.abort();
    await expect(
      withRetry(async () => 1, { retries: 1, signal: ac.signal, deadline: Date.now() + 1000 }),
    ).rejects.toBeInstanceOf(CallAborted);
  });
});
