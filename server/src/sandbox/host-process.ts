// Host processes behind the ProcessHandle interface: used by `codearena bench` to compare the
// sandbox with bare processes, and by tests. Never used for untrusted code in tournaments.
import { spawn } from 'node:child_process';
import { Listeners, type ProcessHandle } from './process-handle.ts';

export function spawnHostProcess(cmd: string[], cwd: string): ProcessHandle {
  const [file, ...args] = cmd;
  if (!file) throw new Error('spawnHostProcess: empty command');
  // detached: its own process group, so kill() takes its children too.
  const child = spawn(file, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  const out = new Listeners<Buffer>();
  const err = new Listeners<Buffer>();
  child.stdout.on('data', (b: Buffer) => out.emit(b));
  child.stderr.on('data', (b: Buffer) => err.emit(b));
  child.stdin.on('error', () => {}); // EPIPE after the process died is expected
  const exited = new Promise<number | null>((resolve) => {
    child.on('error', () => resolve(null));
    child.on('close', (code) => resolve(code));
  });
  let alive = true;
  void exited.then(() => (alive = false));
  return {
    write: (data) => alive && !child.stdin.destroyed && child.stdin.write(data),
    endInput: () => child.stdin.end(),
    onStdout: (cb) => out.add(cb),
    onStderr: (cb) => err.add(cb),
    exited,
    cpuSource: async () => (child.pid === undefined ? { unreadable: 'the process did not start' } : { pid: child.pid }),
    async kill() {
      if (!alive || child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
      await exited;
    },
  };
}
