// The run lease between real processes: a holder killed with SIGKILL leaves a lease that lapses
// at once; of several processes taking it at the same moment exactly one wins; a lease from
// another machine lapses only after its ttl; a holder that stalled past its ttl and was taken
// over learns so through `lost`.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { RunLease } from '@codearena/protocol';
import { RunFolder } from './run-folder.ts';
import { LeaseHeldError, acquireLease, leaseState } from './run-lease.ts';
import { contender, killContenders, killedHolder } from './run-lease.fixture.ts';

const root = mkdtempSync(join(tmpdir(), 'codearena-lease-'));
let n = 0;
const freshFolder = () => new RunFolder(join(root, `run-${n++}`));
afterEach(killContenders);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A lease as another machine's codearena writes it: its owner token names another boot. */
const foreignLease = (renewedAt: number, ttlMs: number): RunLease => ({
  owner: 'ffffffffffff.4026531836.4242.123456',
  host: 'elsewhere',
  pid: 4242,
  acquiredAt: renewedAt - 1000,
  renewedAt,
  ttlMs,
});

describe('run lease', () => {
  it('a holder killed with SIGKILL leaves a lease that is lapsed at once, and is taken over', async () => {
    const folder = freshFolder();
    expect(leaseState(folder)).toBe('none');
    const c = await contender(folder);
    c.go();
    expect(await c.next()).toBe('held');
    expect(leaseState(folder)).toBe('held');
    expect(() => acquireLease(folder)).toThrow(LeaseHeldError);
    expect(() => acquireLease(folder)).toThrow(new RegExp(`pid ${c.child.pid}`));

    c.child.kill('SIGKILL');
    await c.exited;
    // No timestamps involved: the owner process is gone, so the lease is lapsed now.
    expect(leaseState(folder)).toBe('lapsed');
    const h = acquireLease(folder);
    expect(folder.readLease()?.pid).toBe(process.pid);
    expect(leaseState(folder)).toBe('held');
    h.release();
    expect(leaseState(folder)).toBe('none');
    expect(readdirSync(folder.runDir)).toEqual([]);
  });

  it('of several processes taking the same lease at once, exactly one wins', async () => {
    const folder = freshFolder();
    // A lapsed lease to take over makes the race harder: every contender renames and links.
    await killedHolder(folder);

    const all = await Promise.all(Array.from({ length: 6 }, () => contender(folder)));
    for (const c of all) c.go();
    const answers = await Promise.all(all.map((c) => c.next()));
    const winners = all.filter((_, i) => answers[i] === 'held');
    expect(winners).toHaveLength(1);
    for (const a of answers.filter((a) => a !== 'held')) expect(a).toMatch(/^refused .* is being run by pid \d+/);
    expect(folder.readLease()?.pid).toBe(winners[0]!.child.pid);

    for (const c of all) c.child.stdin.end();
    await Promise.all(all.map((c) => c.exited));
    expect(leaseState(folder)).toBe('none');
  });

  it('a lease from another machine is held until its ttl passes unrenewed, then taken over', () => {
    const folder = freshFolder();
    const t = 1_800_000_000_000;
    folder.writeLease(foreignLease(t, 60_000));
    expect(leaseState(folder, t + 59_999)).toBe('held');
    expect(() => acquireLease(folder, { now: () => t + 30_000 })).toThrow(
      /being run by pid 4242 on elsewhere \(lease renewed 30 s ago\)/,
    );
    expect(leaseState(folder, t + 60_000)).toBe('lapsed');
    const h = acquireLease(folder, { now: () => t + 60_001 });
    expect(folder.readLease()).toMatchObject({ pid: process.pid, acquiredAt: t + 60_001 });
    h.release();
  });

  it('a holder whose lease was taken over while it stalled learns so through `lost`', async () => {
    const folder = freshFolder();
    const h = acquireLease(folder, { renewMs: 20 });
    const renewedAt = h.lease.renewedAt;
    await new Promise<void>((done) => {
      const tick = setInterval(() => {
        if ((folder.readLease()?.renewedAt ?? 0) > renewedAt) done(clearInterval(tick));
      }, 5);
    });
    // Another machine's process judged the lease lapsed and took it (as acquireLease would).
    writeFileSync(folder.leaseFile, JSON.stringify(foreignLease(Date.now(), 60_000)));
    await new Promise<void>((done) => h.lost.addEventListener('abort', () => done(), { once: true }));
    expect(String(h.lost.reason)).toMatch(/lost the lease of .*: pid 4242 on elsewhere took it over/);
    h.release();
    // The new holder's lease stays.
    expect(folder.readLease()?.pid).toBe(4242);
  });

  it('a damaged lease file counts as lapsed and is replaced', () => {
    const folder = freshFolder();
    folder.writeLease(foreignLease(Date.now(), 60_000));
    writeFileSync(folder.leaseFile, '{"owner": 12');
    expect(leaseState(folder)).toBe('lapsed');
    acquireLease(folder).release();
    expect(leaseState(folder)).toBe('none');
  });
});
