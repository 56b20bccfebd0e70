import { describe, expect, it } from 'vitest';
import { mapPool } from './pool.ts';

describe('mapPool', () => {
  it('keeps input order with tasks in flight at once', async () => {
    let inFlight = 0;
    let most = 0;
    const r = await mapPool([5, 1, 3, 2, 4], 2, async (x) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((res) => setImmediate(res));
      inFlight--;
      return x * 10;
    });
    expect(r).toEqual([50, 10, 30, 20, 40]);
    expect(most).toBe(2);
  });

  it('starts nothing new after a failure, lets the tasks in flight finish, then throws the first error', async () => {
    const started: number[] = [];
    let finishedAfterFailure = false;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const run = mapPool([0, 1, 2, 3], 2, async (x) => {
      started.push(x);
      if (x === 0) {
        await gate;
        finishedAfterFailure = true;
        return x;
      }
      release();
      throw new Error(`task ${x} failed`);
    });
    await expect(run).rejects.toThrow('task 1 failed');
    expect(started).toEqual([0, 1]);
    expect(finishedAfterFailure).toBe(true);
  });

  it('stops starting tasks when told to', async () => {
    let stop = false;
    const r = await mapPool(
      [0, 1, 2, 3],
      1,
      async (x) => {
        if (x === 1) stop = true;
        return x;
      },
      () => stop,
    );
    expect(r).toEqual([0, 1, undefined, undefined]);
  });
});
