// The run lease, runs/<id>/lease.json (RunLease in protocol/): the one process that runs a
// tournament holds it and renews it while it works, so a reader can tell a running tournament
// from one whose process died (`interrupted`), and two processes never run the same tournament.
// On this machine the owner's liveness is exact (owner.ts: boot id + pid namespace + pid + start
// time); a lease from elsewhere counts as held until it goes unrenewed for its ttl.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { RunLease } from '@codearena/protocol';
import { ownerState, ownerToken } from '../sandbox/owner.ts';
import type { RunFolder } from './run-folder.ts';

export const DEFAULT_LEASE_TTL_MS = 60_000;
export const DEFAULT_LEASE_RENEW_MS = 5_000;

export type LeaseState = 'held' | 'lapsed' | 'none';

export interface LeaseHandle {
  readonly lease: RunLease;
  /** Aborts when another process took the lease over (this one stalled past the ttl); its
   *  reason is an Error saying who took it. The holder must stop working on the run. */
  readonly lost: AbortSignal;
  /** Stops renewing and removes lease.json if it still names this handle. Idempotent. */
  release(): void;
}

export class LeaseHeldError extends Error {
  constructor(
    readonly runDir: string,
    readonly holder: RunLease,
    now: number,
  ) {
    super(
      `${runDir} is being run by pid ${holder.pid} on ${holder.host} (lease renewed ${ago(now - holder.renewedAt)}); ` +
        `wait for it to finish or stop it first — a lease not renewed for ${Math.round(holder.ttlMs / 1000)} s, ` +
        'or whose process is gone, is taken over by the next `codearena run --resume`',
    );
    this.name = 'LeaseHeldError';
  }
}

/** Whether `lease` still stands at `now`: see the file comment. */
export function leaseHeld(lease: RunLease, now: number): boolean {
  const owner = ownerState(lease.owner);
  if (owner !== 'unknown') return owner === 'alive';
  return lease.renewedAt + lease.ttlMs > now;
}

/** 'none' without a lease file; a file that is not a lease (damaged by hand) counts as lapsed. */
export function leaseState(folder: RunFolder, now: number = Date.now()): LeaseState {
  const lease = folder.readLease();
  if (lease) return leaseHeld(lease, now) ? 'held' : 'lapsed';
  return existsSync(folder.leaseFile) ? 'lapsed' : 'none';
}

/**
 * Takes the run's lease, or throws LeaseHeldError naming its holder. Race-safe across processes:
 * the lease is written whole to a file of our own and hard-linked into place, which fails if a
 * lease exists; a lapsed one is first renamed away to a name of our own (only one contender's
 * rename can succeed), and only then is the link retried.
 */
export function acquireLease(
  folder: RunFolder,
  o: { ttlMs?: number; renewMs?: number; now?: () => number } = {},
): LeaseHandle {
  const now = o.now ?? Date.now;
  const token = ownerToken();
  const t = now();
  const lease: RunLease = {
    owner: token,
    host: hostname(),
    pid: process.pid,
    acquiredAt: t,
    renewedAt: t,
    ttlMs: o.ttlMs ?? DEFAULT_LEASE_TTL_MS,
  };
  mkdirSync(folder.runDir, { recursive: true });
  // Ends in .tmp so that a crash between write and unlink leaves what removeTornWrites() clears.
  const mine = `${folder.leaseFile}.${token}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(mine, `${JSON.stringify(lease)}\n`);
  try {
    // Each failed round means someone else linked or renamed in between; a few are plenty.
    for (let attempt = 0; attempt < 20; attempt++) {
      if (tryLink(mine, folder.leaseFile)) return hold(folder, lease, o.renewMs ?? DEFAULT_LEASE_RENEW_MS, now);
      const current = folder.readLease();
      if (current && leaseHeld(current, now())) throw new LeaseHeldError(folder.runDir, current, now());
      takeAway(folder, now);
    }
    throw new Error(`could not take the lease of ${folder.runDir}: it kept changing hands; try again`);
  } finally {
    rmSync(mine, { force: true });
  }
}

/** Moves a lapsed lease out of the way. If what we moved turns out to be a live lease (someone
 *  took the lapsed one over between our read and our rename), it is linked back into place. */
function takeAway(folder: RunFolder, now: () => number): void {
  const aside = `${folder.leaseFile}.${randomBytes(6).toString('hex')}.stale.tmp`;
  try {
    renameSync(folder.leaseFile, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return; // another contender moved it first
    throw e;
  }
  try {
    const moved = readLeaseFile(aside);
    if (moved && leaseHeld(moved, now())) tryLink(aside, folder.leaseFile);
  } finally {
    rmSync(aside, { force: true });
  }
}

function hold(folder: RunFolder, lease: RunLease, renewMs: number, now: () => number): LeaseHandle {
  const lost = new AbortController();
  const ours = (l: RunLease | null) => l !== null && l.owner === lease.owner && l.acquiredAt === lease.acquiredAt;
  // A contender that moved a lapsed-looking lease aside puts a live one back at once (takeAway):
  // lease.json missing at one check is that instant, missing at two in a row is a real loss.
  let missing = 0;
  let timer: NodeJS.Timeout | undefined = setInterval(() => {
    const current = folder.readLease();
    missing = current ? 0 : missing + 1;
    if (missing === 1) return;
    if (!ours(current)) {
      stop();
      lost.abort(
        new Error(
          `lost the lease of ${folder.runDir}: ${
            current ? `pid ${current.pid} on ${current.host} took it over` : 'lease.json was removed'
          } after this process went ${ago(now() - lease.renewedAt)} without renewing it; stopping so that only one process runs the tournament`,
        ),
      );
      return;
    }
    lease.renewedAt = now();
    folder.writeLease(lease);
  }, renewMs);
  timer.unref();
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
  };
  return {
    lease,
    lost: lost.signal,
    release() {
      stop();
      if (!lost.signal.aborted && ours(folder.readLease())) folder.removeLease();
    },
  };
}

function tryLink(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

/** A lease moved aside (RunFolder reads lease.json itself only). */
function readLeaseFile(file: string): RunLease | null {
  try {
    return RunLease.safeParse(JSON.parse(readFileSync(file, 'utf8'))).data ?? null;
  } catch {
    return null;
  }
}

function ago(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 120 ? `${s} s ago` : `${Math.round(s / 60)} min ago`;
}
