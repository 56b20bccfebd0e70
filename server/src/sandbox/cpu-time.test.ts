// The CPU-time reader against real host processes: it counts the whole tree under a pid
// (grandchildren and reaped children included), and only trusts a pid that is what it claims.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { treeCpuMs, verifyHostPid } from './cpu-time.ts';

/** A command that spins `s` seconds of CPU time. */
const spinPy = (s: number) =>
  `python3 -c 'import time\nt = time.process_time()\nwhile time.process_time() - t < ${s}: pass'`;

/** Runs `script` in a shell until it prints a line, reads the shell's tree then, ends it, and
 *  returns the shell's pid and what was read. */
async function readWhenReady(script: string): Promise<{ pid: number; ms: number | null }> {
  const sh = spawn('sh', ['-c', `${script}; echo ready; read -r x`], { stdio: ['pipe', 'pipe', 'ignore'] });
  try {
    await once(sh.stdout, 'data');
    return { pid: sh.pid!, ms: treeCpuMs(sh.pid!) };
  } finally {
    sh.stdin.end();
    await once(sh, 'exit');
  }
}

describe('treeCpuMs', () => {
  it('counts the CPU time of reaped children, and nothing once the root is gone', async () => {
    // Both spinners have ended and been reaped: their time is in the shell's cutime/cstime.
    const { pid, ms } = await readWhenReady(`${spinPy(0.3)}; sh -c "${spinPy(0.3)}"`);
    expect(ms).toBeGreaterThanOrEqual(550);
    expect(treeCpuMs(pid)).toBeNull();
  });

  it('counts what a grandchild used, reaped by a live child', async () => {
    const { ms } = await readWhenReady(`sh -c "${spinPy(0.3)}; echo spun; read -r x"`);
    expect(ms).toBeGreaterThanOrEqual(250);
  });
});

describe('verifyHostPid', () => {
  it('accepts a pid that is the process it claims to be, and says why it refuses one', () => {
    const uid = process.getuid!();
    expect(verifyHostPid(process.pid, process.pid, uid)).toEqual({ pid: process.pid });
    expect(verifyHostPid(process.pid, process.pid + 1, uid)).toMatchObject({
      unreadable: expect.stringContaining('not the container'),
    });
    expect(verifyHostPid(process.pid, process.pid, uid + 1)).toMatchObject({
      unreadable: expect.stringContaining(`not ${uid + 1}`),
    });
    expect(verifyHostPid(2 ** 22 + 7, 1, null)).toMatchObject({ unreadable: expect.stringContaining('gone') });
  });
});
