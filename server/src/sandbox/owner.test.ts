import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { ownerState, ownerToken, parseOwner } from './owner.ts';

describe('owner tokens', () => {
  it('fit a Docker label and a file name, and name this process', () => {
    const t = ownerToken();
    expect(t).toMatch(/^[a-z0-9.]+$/);
    expect(parseOwner(t)?.pid).toBe(process.pid);
    expect(ownerState(t)).toBe('alive');
  });

  it('tell a finished process, and a reused pid, from a live one', () => {
    const child = spawnSync('sh', ['-c', 'echo $$'], { encoding: 'utf8' });
    const pid = Number(child.stdout.trim());
    const me = parseOwner(ownerToken())!;
    expect(ownerState(`${me.boot}.${me.pidns}.${pid}.1`)).toBe('dead');
    // Our own pid with another start time: a process that had this pid before us.
    expect(ownerState(`${me.boot}.${me.pidns}.${process.pid}.${Number(me.start) + 1}`)).toBe('dead');
  });

  it('cannot judge tokens of another boot, another pid namespace, or none', () => {
    const me = parseOwner(ownerToken())!;
    expect(ownerState(`0ther0boot.${me.pidns}.1.1`)).toBe('unknown');
    expect(ownerState(`${me.boot}.123.1.1`)).toBe('unknown');
    expect(ownerState(undefined)).toBe('unknown');
    expect(ownerState('garbage')).toBe('unknown');
  });
});
