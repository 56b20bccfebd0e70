// One hardened container per player and phase. Everything inside is hostile by assumption:
// no network, read-only root, capped memory/CPU/pids, no capabilities, non-root user.
// Processes are started with `docker exec` and spoken to over the exec's stdio stream.
import type { Duplex } from 'node:stream';
import type Docker from 'dockerode';
import { Demuxer } from './demux.ts';
import { type FifoPair, createFifoDir, openFifoPair, removeFifoDir } from './fifo.ts';
import { LABEL, LABEL_ROLE, LABEL_RUN, LABEL_SESSION, docker } from './docker-client.ts';
import { type SandboxLimits, sandboxUser } from './limits.ts';
import { collect, type ExecOptions, type ExecResult } from './collect.ts';
import { Listeners, type ProcessHandle } from './process-handle.ts';

export interface Mount {
  host: string;
  container: string;
  readOnly: boolean;
}

export interface SandboxOptions {
  image: string;
  runId: string;
  /** What the container is for, e.g. "compete:alice" (a label; shows in `doctor`). */
  role: string;
  mounts: Mount[];
  limits: SandboxLimits;
  workdir?: string;
  env?: Record<string, string>;
  /** Size of the writable /tmp tmpfs. */
  tmpMb?: number;
  /** Allow spawn({ pipes: true }): named-pipe stdio (see fifo.ts) instead of the attach stream. */
  pipes?: boolean;
}


export interface Sandbox {
  readonly id: string;
  exec(cmd: string, o?: ExecOptions): Promise<ExecResult>;
  /** `pipes`: stdin/stdout over named pipes (fast path for bots; needs `pipes` at creation). */
  spawn(cmd: string[], o?: { cwd?: string; pipes?: boolean }): Promise<ProcessHandle>;
  readFile(path: string): Promise<Buffer>;
  writeFile(path: string, data: string | Buffer): Promise<void>;
  dispose(): Promise<void>;
}

const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export async function createSandbox(o: SandboxOptions): Promise<Sandbox> {
  const ioDir = o.pipes ? createFifoDir() : null;
  try {
    return await startContainer(o, ioDir);
  } catch (e) {
    if (ioDir) removeFifoDir(ioDir);
    throw e;
  }
}

async function startContainer(o: SandboxOptions, ioDir: string | null): Promise<Sandbox> {
  const mounts = ioDir ? [...o.mounts, { host: ioDir, container: IO_DIR, readOnly: true }] : o.mounts;
  const env = Object.entries({ HOME: '/tmp', LANG: 'C.UTF-8', ...o.env }).map(([k, v]) => `${k}=${v}`);
  const container = await docker().createContainer({
    Image: o.image,
    Cmd: ['sleep', 'infinity'],
    User: sandboxUser(),
    WorkingDir: o.workdir ?? '/',
    Env: [PATH, ...env],
    Labels: {
      [LABEL]: '1', [LABEL_RUN]: o.runId, [LABEL_ROLE]: o.role,
      ...(process.env.CODEARENA_SESSION ? { [LABEL_SESSION]: process.env.CODEARENA_SESSION } : {}),
    },
    NetworkDisabled: true,
    StopTimeout: 1,
    HostConfig: {
      NetworkMode: 'none',
      ReadonlyRootfs: true,
      Tmpfs: { '/tmp': `rw,nosuid,nodev,size=${o.tmpMb ?? 64}m` },
      Memory: o.limits.memoryMb * 1024 * 1024,
      MemorySwap: o.limits.memoryMb * 1024 * 1024, // equal to Memory: no swap on top
      NanoCpus: Math.round(o.limits.cpus * 1e9),
      PidsLimit: o.limits.pids,
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      Init: true, // a real PID 1 reaps what bots leave behind and ignores their signals
      Binds: mounts.map((m) => `${m.host}:${m.container}:${m.readOnly ? 'ro' : 'rw'}`),
      Ulimits: [{ Name: 'nofile', Soft: 1024, Hard: 1024 }],
    },
  });
  try {
    await container.start();
  } catch (e) {
    await container.remove({ force: true }).catch(() => {});
    throw e;
  }
  return new DockerSandbox(container, ioDir);
}

const IO_DIR = '/io';

class DockerSandbox implements Sandbox {
  private disposed = false;
  constructor(private readonly container: Docker.Container, private readonly ioDir: string | null) {}

  get id(): string {
    return this.container.id;
  }

  async spawn(cmd: string[], o: { cwd?: string; pipes?: boolean } = {}): Promise<ProcessHandle> {
    // The wrapper prints its PID (the exec is a session leader, so PID = process group id)
    // before exec-ing the command; kill() then takes the whole group. With pipes, the
    // command's stdin and stdout are the named pipes; stderr stays on the exec stream.
    if (o.pipes && !this.ioDir) throw new Error('spawn({ pipes: true }) needs a sandbox created with pipes: true');
    const fifo = o.pipes && this.ioDir ? await openFifoPair(this.ioDir, IO_DIR, sandboxUser()) : null;
    const script = fifo ? 'echo $$; cd "$0" && exec "$@" <"$CODEARENA_IN" >"$CODEARENA_OUT"' : 'echo $$; cd "$0" && exec "$@"';
    try {
      const exec = await this.container.exec({
        Cmd: ['/bin/sh', '-c', script, o.cwd ?? '/', ...cmd],
        Env: fifo ? [`CODEARENA_IN=${fifo.inPath}`, `CODEARENA_OUT=${fifo.outPath}`] : [],
        AttachStdin: !fifo, AttachStdout: true, AttachStderr: true, Tty: false,
      });
      const stream = (await exec.start({ hijack: true, stdin: !fifo })) as Duplex;
      return new ExecProcess(this, exec, stream, fifo);
    } catch (e) {
      fifo?.close();
      throw e;
    }
  }

  async exec(cmd: string, o: ExecOptions = {}): Promise<ExecResult> {
    const t0 = performance.now();
    return collect(await this.spawn(['bash', '-c', cmd], { cwd: o.cwd }), o, t0);
  }

  async readFile(path: string): Promise<Buffer> {
    const r = await this.exec(`cat -- ${shellQuote(path)}`, { maxOutputBytes: 64 * 1024 * 1024 });
    if (r.exitCode !== 0) throw new Error(`readFile ${path}: ${r.stderr.trim()}`);
    return Buffer.from(r.stdout, 'utf8');
  }

  async writeFile(path: string, data: string | Buffer): Promise<void> {
    const r = await this.exec(`cat > ${shellQuote(path)}`, { stdin: data });
    if (r.exitCode !== 0) throw new Error(`writeFile ${path}: ${r.stderr.trim()}`);
  }

  /** Kills a process group inside the container (used by ExecProcess.kill). */
  async killGroup(pid: number): Promise<void> {
    if (this.disposed) return;
    try {
      const exec = await this.container.exec({ Cmd: ['kill', '-KILL', '--', `-${pid}`], AttachStdout: true, AttachStderr: true });
      const s = (await exec.start({ hijack: true, stdin: false })) as Duplex;
      await new Promise<void>((resolve) => { s.on('end', resolve); s.on('close', resolve); s.on('error', () => resolve()); s.resume(); });
    } catch {
      /* the container may be gone already */
    }
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.container.remove({ force: true }).catch(() => {});
    if (this.ioDir) removeFifoDir(this.ioDir);
  }
}

class ExecProcess implements ProcessHandle {
  readonly exited: Promise<number | null>;
  private readonly out = new Listeners<Buffer>();
  private readonly err = new Listeners<Buffer>();
  private pid: Promise<number | null>;
  private alive = true;

  constructor(private readonly box: DockerSandbox, exec: Docker.Exec, private readonly stream: Duplex, private readonly fifo: FifoPair | null) {
    let gotPid: (pid: number | null) => void = () => {};
    this.pid = new Promise((r) => (gotPid = r));
    let head = '';
    let headDone = false;
    const demux = new Demuxer(
      (chunk) => {
        if (headDone) return this.out.emit(chunk);
        head += chunk.toString('latin1');
        const nl = head.indexOf('\n');
        if (nl < 0) return;
        headDone = true;
        gotPid(Number.parseInt(head.slice(0, nl), 10) || null);
        const rest = Buffer.from(head.slice(nl + 1), 'latin1');
        if (rest.length) this.out.emit(rest);
      },
      (chunk) => this.err.emit(chunk),
    );
    stream.on('data', (b: Buffer) => demux.push(b));
    stream.on('error', () => {});
    fifo?.reader.on('data', (b: Buffer) => this.out.emit(b));
    this.exited = new Promise<number | null>((resolve) => {
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        this.alive = false;
        gotPid(null);
        // Let the last stdout bytes drain from the pipe before it is closed.
        setImmediate(() => this.fifo?.close());
        exec.inspect().then((i) => resolve(i.ExitCode ?? null), () => resolve(null));
      };
      stream.on('end', finish);
      stream.on('close', finish);
    });
  }

  write(data: string | Buffer): boolean {
    if (!this.alive) return false;
    if (this.fifo) return this.fifo.write(data);
    if (this.stream.destroyed || this.stream.writableEnded) return false;
    return this.stream.write(data);
  }

  endInput(): void {
    if (this.fifo) this.fifo.endInput();
    else if (!this.stream.writableEnded) this.stream.end();
  }

  onStdout(cb: (chunk: Buffer) => void): void {
    this.out.add(cb);
  }

  onStderr(cb: (chunk: Buffer) => void): void {
    this.err.add(cb);
  }

  async kill(): Promise<void> {
    if (!this.alive) return;
    const pid = await Promise.race([this.pid, new Promise<null>((r) => setTimeout(() => r(null), 2000))]);
    // The group kill is one more exec (~40 ms); it runs on in the background so the next sim
    // need not wait for it. Whatever survives it dies with the container at dispose().
    if (pid) void this.box.killGroup(pid);
    this.stream.destroy();
    this.fifo?.close();
  }
}

export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
