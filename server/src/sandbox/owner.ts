// Which process owns a container or a FIFO directory, so leftovers of a codearena process that
// died without cleaning up (kill -9, a crash) can be told apart from those of a live one. A pid
// alone is not enough: pids are reused, and a pid means nothing in another pid namespace or
// after a reboot. The token is boot id + pid namespace + pid + the process's start time.
import { readFileSync, readlinkSync } from 'node:fs';

export interface Owner {
  boot: string;
  pidns: string;
  pid: number;
  start: string;
}

const readOr = (read: () => string, fallback: string): string => {
  try {
    return read();
  } catch {
    return fallback;
  }
};

const bootId = readOr(
  () => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim().replace(/-/g, '').slice(0, 12),
  'noboot',
);
const pidNs = readOr(() => readlinkSync('/proc/self/ns/pid').replace(/\D/g, ''), 'nons');

/** The start time of a process in clock ticks since boot (field 22 of /proc/<pid>/stat), or
 *  null when there is no such process. */
export function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** The owner token of a process (this one by default): letters, digits and dots only, so it
 *  fits in a Docker label value and a file name. */
export function ownerToken(pid = process.pid): string {
  return `${bootId}.${pidNs}.${pid}.${processStart(pid) ?? '0'}`;
}

export function parseOwner(token: string): Owner | null {
  const m = /^([a-z0-9]+)\.([a-z0-9]+)\.(\d+)\.(\d+)$/.exec(token);
  return m ? { boot: m[1]!, pidns: m[2]!, pid: Number(m[3]), start: m[4]! } : null;
}

/**
 * 'alive' or 'dead' when this machine can tell; 'unknown' for a token from another boot or pid
 * namespace (possibly another machine sharing the Docker daemon) or no token at all. Automatic
 * clean-up removes only 'dead'; `doctor --clean`, asked for by a person, removes all but 'alive'.
 */
export function ownerState(token: string | undefined): 'alive' | 'dead' | 'unknown' {
  const o = token ? parseOwner(token) : null;
  if (!o || o.boot !== bootId || o.pidns !== pidNs) return 'unknown';
  const start = processStart(o.pid);
  return start !== null && start === o.start ? 'alive' : 'dead';
}
