// CPU time of a process tree, read from the kernel (/proc), so a bot's turn budget does not
// depend on what else the host runs. Takes a HOST pid: a bot in a container is found through its
// exec's host pid (sandbox.ts), a host bot is its child's pid, and an in-container supervisor
// could hand its pids to the same reader later.
//
// What counts: every live process under the root (all its threads: /proc/<pid>/stat's utime and
// stime are the thread group's, exited threads included) plus the children they reaped (cutime,
// cstime). Resolution is the kernel's USER_HZ tick, 10 ms: budgets are hundreds of ms. A process
// that leaves the tree (double fork, setsid) is no longer counted; the wall-clock cap still bounds
// what it can do for a turn (see bot-client.ts).
import { closeSync, openSync, readSync, readdirSync } from 'node:fs';

/** USER_HZ: the unit of /proc/<pid>/stat times. 100 on every Linux architecture Node runs on. */
const TICK_MS = 10;
/** Processes walked at most per read: a bot that forks wildly cannot make the host's read slow
 *  (the container's pids cap is far below this). */
const MAX_PROCESSES = 1024;

/** One buffer for every read: these files are short (a stat line is < 1 KiB), and readFileSync
 *  costs three times as much as open + read + close (measured: 15 µs vs 4 µs a file). */
const buf = Buffer.alloc(16 * 1024);
const read = (path: string): string | null => {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    return buf.toString('latin1', 0, readSync(fd, buf, 0, buf.length, 0));
  } catch {
    return null; // the process ended between two reads
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
};

/** utime + stime + cutime + cstime of one process in ticks, and its thread count; null when it
 *  is gone. */
function processStat(pid: number): { ticks: number; threads: number } | null {
  const stat = read(`/proc/${pid}/stat`);
  if (stat === null) return null;
  // The command name (field 2) may hold spaces and parentheses: fields are counted after its ')'.
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the name: state is f[0], so utime (field 14) is f[11] ... cstime (field 17) is f[14],
  // num_threads (field 20) is f[17].
  return { ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]), threads: Number(f[17]) };
}

/** Children of every thread of `pid` (any thread may fork). */
function childrenOf(pid: number, threads: number): number[] {
  let tids: string[];
  try {
    // A single-threaded process (a shell, a Python bot) needs no listing of its threads.
    tids = threads === 1 ? [String(pid)] : readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const out: number[] = [];
  for (const tid of tids) {
    const list = read(`/proc/${pid}/task/${tid}/children`);
    if (list) for (const c of list.split(' ')) if (c) out.push(Number(c));
  }
  return out;
}

/** CPU time in ms used so far by the process tree rooted at host pid `root` (see the top of this
 *  file); null when the root is gone. Never throws. */
export function treeCpuMs(root: number): number | null {
  const top = processStat(root);
  if (top === null) return null;
  let ticks = top.ticks;
  const todo = childrenOf(root, top.threads);
  for (let walked = 1; todo.length > 0 && walked < MAX_PROCESSES; walked++) {
    const pid = todo.pop() as number;
    const p = processStat(pid);
    if (!p) continue;
    ticks += p.ticks;
    todo.push(...childrenOf(pid, p.threads));
  }
  return ticks * TICK_MS;
}

/** Where a process's CPU time can be read: its host pid, or why it cannot (the bot is then timed
 *  by the wall clock, and its timeout faults say why). */
export type CpuSource = { pid: number } | { unreadable: string };

/** Checks that host pid `pid` is the process a container reported as `nsPid` (the last entry of
 *  its NSpid line is its pid in the innermost namespace) and runs as `uid`: a pid the daemon
 *  named may have ended and been reused by the time it is read. */
export function verifyHostPid(pid: number, nsPid: number, uid: number | null): CpuSource {
  const status = read(`/proc/${pid}/status`);
  if (status === null) return { unreadable: `host pid ${pid} is gone or /proc is not readable` };
  const ns = /^NSpid:\s*(.+)$/m.exec(status)?.[1]?.trim().split(/\s+/);
  if (!ns) return { unreadable: `no NSpid line in /proc/${pid}/status (kernel older than 4.1?)` };
  if (Number(ns[ns.length - 1]) !== nsPid)
    return { unreadable: `host pid ${pid} is not the container's pid ${nsPid} (another pid namespace?)` };
  const real = /^Uid:\s*(\d+)/m.exec(status)?.[1];
  if (uid !== null && Number(real) !== uid)
    return { unreadable: `host pid ${pid} runs as uid ${real}, not ${uid} (user namespace remapping?)` };
  return { pid };
}

/** The host pid of the child of host pid `parent` that a container knows as `nsPid` and that runs
 *  as `uid` (a process an in-container supervisor started: supervisor.ts). */
export function childHostPid(parent: number, nsPid: number, uid: number): CpuSource {
  const list = read(`/proc/${parent}/task/${parent}/children`);
  if (list === null) return { unreadable: `the supervisor (host pid ${parent}) is gone or /proc is not readable` };
  for (const c of list.split(' ')) {
    if (!c) continue;
    const r = verifyHostPid(Number(c), nsPid, uid);
    if ('pid' in r) return r;
  }
  return { unreadable: `no child of host pid ${parent} is the container's pid ${nsPid} (it ended?)` };
}
