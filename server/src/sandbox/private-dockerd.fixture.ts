// A Docker daemon of a test's own, so a test can stop and restart "the" daemon under a running
// tournament without disturbing the shared daemon every other test uses. Everything it owns
// lives under one temp dir (socket, data root, exec root, pid file, log); its containers never
// get a network (--bridge=none, and codearena asks for network none anyway). The images a test
// needs are copied in from the shared daemon once, at the first start.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { docker as sharedDocker } from './docker-client.ts';

export interface PrivateDockerd {
  /** DOCKER_HOST for clients of this daemon (unix://…/docker.sock). */
  readonly host: string;
  /** The daemon's log (for a failing test's message). */
  log(): string;
  /** Starts the daemon on its data root (images and containers kept from earlier starts) and
   *  waits until it answers. */
  start(): Promise<void>;
  /** SIGTERM, then waits for the daemon to exit (it stops its containers first). */
  stop(): Promise<void>;
  /** Stops it if it runs and removes its temp dir; never throws. */
  dispose(): Promise<void>;
}

/** Generous: a busy machine can take tens of seconds to start or stop a daemon. */
const READY_MS = 120_000;
const STOP_MS = 120_000;

export async function startPrivateDockerd(images: string[]): Promise<PrivateDockerd> {
  // Short: the socket path (and containerd's under exec/) must fit in sun_path (108 bytes).
  const dir = mkdtempSync(join(tmpdir(), 'cad-'));
  const sock = join(dir, 'docker.sock');
  const logFile = join(dir, 'dockerd.log');
  const client = new Docker({ socketPath: sock });
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  const start = async () => {
    if (child) throw new Error('private dockerd: already running; stop() it first');
    const fd = openSync(logFile, 'a');
    const args = [
      `--host=unix://${sock}`,
      `--data-root=${join(dir, 'data')}`,
      `--exec-root=${join(dir, 'exec')}`,
      `--pidfile=${join(dir, 'docker.pid')}`,
      '--bridge=none',
      '--iptables=false',
      '--ip-masq=false',
      '--storage-driver=overlay2',
    ];
    // Its own process group, so the test's Ctrl-C reaches it only through dispose().
    const c = spawn('dockerd', args, { stdio: ['ignore', fd, fd], detached: true });
    closeSync(fd);
    child = c;
    exited = new Promise<void>((resolve) => c.once('exit', () => resolve()));
    void exited.then(() => {
      if (child === c) child = null;
    });
    const deadline = Date.now() + READY_MS;
    for (;;) {
      if (child !== c) throw new Error(`private dockerd exited while starting:\n${tail(logFile)}`);
      const ok = await client.ping().then(
        () => true,
        () => false,
      );
      if (ok) return;
      if (Date.now() > deadline) throw new Error(`private dockerd did not answer:\n${tail(logFile)}`);
      await new Promise((r) => setTimeout(r, 200)); // polling a socket that is not there yet
    }
  };

  const stop = async () => {
    const c = child;
    if (!c?.pid) return;
    c.kill('SIGTERM');
    const timer = setTimeout(() => killGroup(c.pid!), STOP_MS);
    await exited;
    clearTimeout(timer);
    // Container shims outlive a stopped daemon (they are made to): those of this daemon go too.
    killProcessesUnder(dir);
  };

  const dispose = async () => {
    await stop().catch(() => {});
    // Whatever a daemon that died hard left mounted under its root must go before the dir can.
    unmountUnder(dir);
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };

  try {
    await start();
    for (const image of images) {
      const tar = (await sharedDocker().getImage(image).get()) as NodeJS.ReadableStream;
      const res = (await client.loadImage(tar)) as NodeJS.ReadableStream;
      await new Promise<void>((resolve, reject) =>
        client.modem.followProgress(res, (e) => (e ? reject(e) : resolve())),
      );
      await client.getImage(image).inspect();
    }
  } catch (e) {
    await dispose();
    throw e;
  }
  return { host: `unix://${sock}`, log: () => tail(logFile), start, stop, dispose };
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* gone */
  }
}

/** SIGKILLs every process whose command line names a path under `dir` (this daemon's
 *  containerd shims, reparented to init once the daemon is gone), by PID. */
function killProcessesUnder(dir: string): void {
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue; // gone
    }
    if (!cmdline.includes(`${dir}/`)) continue;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no log)';
  }
}

function unmountUnder(dir: string): void {
  const mounts = readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .map((l) => l.split(' ')[4] ?? '')
    .filter((m) => m.startsWith(`${dir}/`))
    .sort((a, b) => b.length - a.length);
  for (const m of mounts) {
    try {
      execFileSync('umount', ['-l', m], { stdio: 'ignore' });
    } catch {
      /* already gone */
    }
  }
}
