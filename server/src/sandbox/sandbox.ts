// One hardened container per player and phase. Everything inside is hostile by assumption:
// no network, read-only root, capped memory/CPU/pids, no capabilities, non-root user.
// Processes are started with `docker exec` and spoken to over the exec's stdio stream, or, for
// bots, over named pipes (fifo.ts).
//
// Sims are independent (processUsers): every process started in such a sandbox runs as a uid
// of its own (PROCESS_UID_BASE + n, never reused within the container), so it cannot signal,
// ptrace or read the /proc entries of any other process, nor open another's pipes. When its
// main process ends, its wrapper kills every process of that uid (`kill -9 -1`: whatever a
// daemon double-forked or setsid'd away) and deletes that uid's files in /tmp, /dev/shm and
// /dev/mqueue and its SysV IPC objects, before the exec ends — no extra exec on the normal
// path. When the wrapper itself did not finish (killed by the host at a timeout, or by its
// own bot) the host runs the same clean-up in a separate exec as that uid.
//
// Bot containers (processUsers with pipes) start those processes through a supervisor of their
// own (supervisor.ts) instead of a `docker exec` each: the container then runs as root with
// CAP_SETUID and CAP_SETGID alone, which only the supervisor uses (every other process, the
// container's own `sleep` included, runs under a non-root uid and so holds no capability).
import { statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { Duplex } from 'node:stream';
import type Docker from 'dockerode';
import { Demuxer } from './demux.ts';
import { type FifoSet, createFifoDir, openFifoSet, removeFifoDir } from './fifo.ts';
import { LABEL, LABEL_OWNER, LABEL_ROLE, LABEL_RUN, LABEL_SESSION, docker } from './docker-client.ts';
import { PROCESS_UID_BASE, PROCESS_UID_COUNT, type SandboxLimits, sandboxGid, sandboxUser } from './limits.ts';
import { collect, type ExecOptions, type ExecResult } from './collect.ts';
import { Listeners, type ProcessHandle } from './process-handle.ts';
import { answered, dockerProblem, infraError } from './infra-error.ts';
import { reapLeftoversOnce } from './cleanup.ts';
import { ownerToken } from './owner.ts';
import type { CpuSource } from './cpu-time.ts';
import { relayFifo } from './fifo-stdio.ts';
import { Supervisor, hostPidOfExec } from './supervisor.ts';
import { SupervisedProcess } from './supervised-process.ts';

export { STDERR_CAP_BYTES } from './fifo-stdio.ts';

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
  /** Every process runs as a uid of its own and leaves nothing behind (see the top of this
   *  file). For containers that run untrusted code process after process (bots); not for
   *  workspaces, whose commands must write the repo as the sandbox user. */
  processUsers?: boolean;
}

export interface Sandbox {
  readonly id: string;
  exec(cmd: string, o?: ExecOptions): Promise<ExecResult>;
  /** `pipes`: stdin/stdout/stderr over named pipes (fast path for bots; needs `pipes` at creation). */
  spawn(cmd: string[], o?: { cwd?: string; pipes?: boolean }): Promise<ProcessHandle>;
  readFile(path: string): Promise<Buffer>;
  writeFile(path: string, data: string | Buffer): Promise<void>;
  /** null while the container runs and the daemon answers; else what is wrong (infrastructure,
   *  never a bot's doing: bots cannot signal the container's init, see processUsers). */
  health(): Promise<string | null>;
  dispose(): Promise<void>;
}

const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const IO_DIR = '/io';
/** A clean-up exec that takes longer than this is given up (the container goes at dispose). */
const CLEANUP_TIMEOUT_MS = 15_000;
const HEALTH_TIMEOUT_MS = 15_000;
/** A process that died by a signal nobody on the host sent (or an exec that failed) may be the
 *  first sign of a container going down, seconds before the daemon reports the container
 *  stopped; health() then waits this long for that report before trusting "running". */
const SETTLE_MS = 2000;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

/** Why a host path cannot be bind-mounted, or null. The structured Mounts API takes any path
 *  (colons and commas included); what remains is a path that is relative or does not exist. */
export function mountProblem(host: string): string | null {
  if (!isAbsolute(host)) return `${host} is not an absolute path`;
  try {
    statSync(host);
  } catch (e) {
    return `${host} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
  }
  return null;
}

export async function createSandbox(o: SandboxOptions): Promise<Sandbox> {
  for (const m of o.mounts) {
    const problem = mountProblem(m.host);
    if (problem)
      throw new Error(`cannot mount ${problem} (at ${m.container}); pass the absolute path of an existing directory`);
  }
  await reapLeftoversOnce();
  const ioDir = o.pipes ? createFifoDir() : null;
  try {
    return await startContainer(o, ioDir);
  } catch (e) {
    if (ioDir) removeFifoDir(ioDir);
    throw infraError('sandbox did not start', e);
  }
}

async function startContainer(o: SandboxOptions, ioDir: string | null): Promise<Sandbox> {
  const mounts = ioDir ? [...o.mounts, { host: ioDir, container: IO_DIR, readOnly: true }] : o.mounts;
  const env = Object.entries({ HOME: '/tmp', LANG: 'C.UTF-8', ...o.env }).map(([k, v]) => `${k}=${v}`);
  const supervised = o.pipes === true && o.processUsers === true;
  const [uid, gid] = sandboxUser().split(':');
  // Files in tmpfs are charged to the container's memory but to no process, so the OOM killer
  // could not pick a bot for them: /tmp and /dev/shm together stay under half the memory cap.
  const quarterMb = Math.max(4, Math.floor(o.limits.memoryMb / 4));
  const spec: Docker.ContainerCreateOptions = {
    Image: o.image,
    // A supervised container's main process drops root at once (setpriv, util-linux).
    Cmd: supervised
      ? ['setpriv', `--reuid=${uid}`, `--regid=${gid}`, '--clear-groups', 'sleep', 'infinity']
      : ['sleep', 'infinity'],
    // Root only so that an exec as root holds the capabilities below (Docker gives an exec no
    // capability when the container's user is not root); only the supervisor runs as root.
    User: supervised ? '0:0' : sandboxUser(),
    WorkingDir: o.workdir ?? '/',
    Env: [PATH, ...env],
    Labels: {
      [LABEL]: '1',
      [LABEL_RUN]: o.runId,
      [LABEL_ROLE]: o.role,
      [LABEL_OWNER]: ownerToken(),
      ...(process.env.CODEARENA_SESSION ? { [LABEL_SESSION]: process.env.CODEARENA_SESSION } : {}),
    },
    NetworkDisabled: true,
    StopTimeout: 1,
    HostConfig: {
      NetworkMode: 'none',
      ReadonlyRootfs: true,
      Tmpfs: { '/tmp': `rw,nosuid,nodev,size=${Math.min(o.tmpMb ?? 64, quarterMb)}m` },
      ShmSize: Math.min(64, quarterMb) * 1024 * 1024,
      Memory: o.limits.memoryMb * 1024 * 1024,
      MemorySwap: o.limits.memoryMb * 1024 * 1024, // equal to Memory: no swap on top
      NanoCpus: Math.round(o.limits.cpus * 1e9),
      PidsLimit: o.limits.pids,
      CapDrop: ['ALL'],
      ...(supervised ? { CapAdd: ['SETUID', 'SETGID'] } : {}),
      SecurityOpt: ['no-new-privileges'],
      Init: true, // a real PID 1 reaps what bots leave behind and ignores their signals
      // The structured form, not Binds ("host:container:ro" strings break on a ':' in a path).
      Mounts: mounts.map((m) => ({ Type: 'bind' as const, Source: m.host, Target: m.container, ReadOnly: m.readOnly })),
      Ulimits: [{ Name: 'nofile', Soft: 1024, Hard: 1024 }],
    },
  };
  const container = await answered(docker().createContainer(spec), 'creating a container');
  try {
    await answered(container.start(), 'starting a container');
    const supervisor = supervised ? await Supervisor.start(container) : null;
    return new DockerSandbox(container, ioDir, o.processUsers === true, supervisor);
  } catch (e) {
    await answered(container.remove({ force: true }), 'removing a container').catch(() => {});
    throw e;
  }
}

/** Kills every process of the calling uid but the caller (kill(2) with -1 never signals the
 *  caller or init; SIGKILL is pending before a fork can complete, so one pass takes a fork
 *  loop too; the second is for good measure), then deletes that uid's files where processes
 *  can write, and its SysV IPC objects. A bot that made its directories unreadable gets them
 *  made readable first. */
const cleanUp = (uid: number) => {
  const where = ['/tmp', '/dev/shm', '/dev/mqueue'];
  const del = `find ${where.join(' ')} -xdev -mindepth 1 -user ${uid} -delete 2>/dev/null`;
  const files = `find ${where.join(' ')} -xdev -mindepth 1 -maxdepth 1 -user ${uid} -type d -exec chmod -R u+rwx {} + 2>/dev/null; ${del}`;
  // Shell built-ins only in the usual case (nothing in those places at all, no SysV object),
  // so a well-behaved bot's clean-up starts no process and its sim ends no later.
  const globs = where.flatMap((d) => [`${d}/*`, `${d}/.[!.]*`, `${d}/..?*`]).join(' ');
  const anyFile = `any=; for f in ${globs}; do if [ -e "$f" ] || [ -L "$f" ]; then any=1; break; fi; done`;
  const anyIpc =
    'for f in /proc/sysvipc/shm /proc/sysvipc/sem /proc/sysvipc/msg; do { read -r h; read -r l && ipc=1; } <$f; done 2>/dev/null';
  return `kill -9 -1 2>/dev/null; kill -9 -1 2>/dev/null; ${anyFile}; [ -z "$any" ] || ${del} || { ${files}; }; ${anyIpc}; [ -z "$ipc" ] || ipcrm -a 2>/dev/null`;
};

/** An own-uid process with pipes: runs the command (argv "$@" in directory "$0") on its pipes,
 *  then cleans up after every process of its uid, and exits with the command's code. */
const ownUidOnPipes = (uid: number) =>
  `echo 1000 >/proc/self/oom_score_adj; cd "$0" || exit 126; "$@" <"$CODEARENA_IN" >"$CODEARENA_OUT" 2>"$CODEARENA_ERR"; rc=$?; ${cleanUp(uid)}; exit $rc`;

/** The variables that name a process's pipes for its wrapper. */
const pipeEnv = (fifo: FifoSet): Record<string, string> => ({
  CODEARENA_IN: fifo.inPath,
  CODEARENA_OUT: fifo.outPath,
  CODEARENA_ERR: fifo.errPath,
});

class DockerSandbox implements Sandbox {
  disposed = false;
  private nextUid = 0;
  /** What stopped the container, once the daemon reported it (or the connection broke). */
  private stopReason: string | null = null;
  private readonly stopped: Promise<void>;
  /** A sign of trouble was seen since the last health check (see SETTLE_MS). */
  suspect = false;

  constructor(
    private readonly container: Docker.Container,
    private readonly ioDir: string | null,
    private readonly processUsers: boolean,
    /** Starts own-uid processes with pipes (see the top of this file); null: `docker exec`. */
    private readonly supervisor: Supervisor | null,
  ) {
    // One long-poll per container: the daemon answers it the moment the container stops.
    const short = container.id.slice(0, 12);
    this.stopped = container.wait({ condition: 'not-running' }).then(
      (r: { StatusCode?: number }) => {
        this.stopReason = `container ${short} stopped (exit code ${r.StatusCode ?? '?'})`;
      },
      (e: Error) => {
        this.stopReason = `container ${short} unreachable: ${dockerProblem(e)}`;
      },
    );
  }

  get id(): string {
    return this.container.id;
  }

  /** A uid nothing else in this container has used. */
  private freshUid(): number {
    const uid = PROCESS_UID_BASE + (this.nextUid % PROCESS_UID_COUNT);
    this.nextUid++;
    return uid;
  }

  async spawn(
    cmd: string[],
    o: { cwd?: string; pipes?: boolean; asSandboxUser?: boolean } = {},
  ): Promise<ProcessHandle> {
    if (o.pipes && !this.ioDir) throw new Error('spawn({ pipes: true }) needs a sandbox created with pipes: true');
    const uid = this.processUsers && !o.asSandboxUser ? this.freshUid() : null;
    const user = uid === null ? sandboxUser() : `${uid}:${sandboxGid()}`;
    const fifo = o.pipes && this.ioDir ? await openFifoSet(this.ioDir, IO_DIR, user) : null;
    if (uid !== null && fifo && this.supervisor) return this.spawnSupervised(cmd, o.cwd ?? '/', uid, fifo);
    // The wrapper prints its PID (the exec is a session leader, so PID = process group id).
    // Own-uid processes: it then runs the command as a child and cleans up after it (see the
    // top of this file); with pipes it first lets go of the exec's stdio, so nothing in the
    // container holds the daemon's stream for a bot to flood. A raised oom_score_adj (which
    // children inherit) makes the OOM killer take bot processes before the container's init.
    let script: string;
    // Every process gets the raised oom_score_adj: an agent command that eats the workspace's
    // memory is killed, not the container's init (which would look like an outage).
    const oom = 'echo 1000 >/proc/self/oom_score_adj 2>/dev/null;';
    if (uid === null)
      script = fifo
        ? `echo $$; ${oom} cd "$0" && exec "$@" <"$CODEARENA_IN" >"$CODEARENA_OUT" 2>"$CODEARENA_ERR"`
        : `echo $$; ${oom} cd "$0" && exec "$@"`;
    else if (fifo) script = `echo $$; exec >/dev/null 2>&1 </dev/null; ${ownUidOnPipes(uid)}`;
    else
      script = `echo $$; echo 1000 >/proc/self/oom_score_adj; cd "$0" || exit 126; "$@"; rc=$?; { ${cleanUp(uid)}; } >/dev/null 2>&1; exit $rc`;
    try {
      const exec = await answered(
        this.container.exec({
          Cmd: ['/bin/sh', '-c', script, o.cwd ?? '/', ...cmd],
          User: user,
          Env: fifo ? Object.entries(pipeEnv(fifo)).map(([k, v]) => `${k}=${v}`) : [],
          AttachStdin: !fifo,
          AttachStdout: true,
          AttachStderr: true,
          Tty: false,
        }),
        'docker exec',
      );
      const stream = (await answered(exec.start({ hijack: true, stdin: !fifo }), 'docker exec')) as Duplex;
      return new ExecProcess(this, exec, stream, fifo, uid);
    } catch (e) {
      fifo?.close();
      this.suspect = true;
      // Whatever failed here was the daemon's (or the container's) doing, never the command's.
      throw infraError(`running a command in container ${this.id.slice(0, 12)}`, e);
    }
  }

  /** An own-uid process with pipes, started by the supervisor: the same wrapper as an exec'd
   *  one (clean-up included) but for the pid line, as the supervisor reports the pid itself. */
  private async spawnSupervised(cmd: string[], cwd: string, uid: number, fifo: FifoSet): Promise<ProcessHandle> {
    try {
      const run = await this.supervisor!.run({
        uid,
        gid: sandboxGid(),
        argv: ['/bin/sh', '-c', ownUidOnPipes(uid), cwd, ...cmd],
        env: pipeEnv(fifo),
      });
      return new SupervisedProcess(this, this.supervisor!, run, fifo, uid);
    } catch (e) {
      fifo.close();
      this.suspect = true;
      throw infraError(`running a command in container ${this.id.slice(0, 12)}`, e);
    }
  }

  async exec(cmd: string, o: ExecOptions = {}): Promise<ExecResult> {
    const t0 = performance.now();
    return collect(await this.spawn(['bash', '-c', cmd], { cwd: o.cwd }), o, t0);
  }

  /** The host's own reads and writes run as the sandbox user (not an own uid: what they write
   *  must outlive the command). */
  private async hostExec(cmd: string, o: ExecOptions): Promise<ExecResult> {
    return collect(await this.spawn(['bash', '-c', cmd], { asSandboxUser: true }), o);
  }

  async readFile(path: string): Promise<Buffer> {
    const r = await this.hostExec(`cat -- ${shellQuote(path)}`, { maxOutputBytes: 64 * 1024 * 1024 });
    if (r.exitCode !== 0) throw new Error(`readFile ${path}: ${r.stderr.trim()}`);
    return Buffer.from(r.stdout, 'utf8');
  }

  async writeFile(path: string, data: string | Buffer): Promise<void> {
    const r = await this.hostExec(`cat > ${shellQuote(path)}`, { stdin: data });
    if (r.exitCode !== 0) throw new Error(`writeFile ${path}: ${r.stderr.trim()}`);
  }

  async health(): Promise<string | null> {
    if (this.disposed) return 'the sandbox was disposed';
    if (this.suspect) await Promise.race([this.stopped, sleep(SETTLE_MS)]);
    if (this.stopReason) return this.stopReason;
    if (this.supervisor?.down) return this.supervisor.down;
    this.suspect = false;
    const short = this.id.slice(0, 12);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<string>(
      (r) =>
        (timer = setTimeout(
          () => r(`the Docker daemon did not answer within ${HEALTH_TIMEOUT_MS / 1000} s (container ${short})`),
          HEALTH_TIMEOUT_MS,
        )),
    );
    const check = this.container.inspect().then(
      (i) =>
        i.State.Running
          ? null
          : `container ${short} is not running (${i.State.Status}, exit code ${i.State.ExitCode}${i.State.OOMKilled ? ', OOM-killed' : ''})`,
      (e: Error) => `container ${short} unreachable: ${dockerProblem(e)}`,
    );
    try {
      return await Promise.race([check, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Runs one command to its end in the container, bounded in time; never throws. */
  private async run(cmd: string[], user: string): Promise<void> {
    if (this.disposed) return;
    let timer: NodeJS.Timeout | undefined;
    const work = (async () => {
      const exec = await answered(
        this.container.exec({ Cmd: cmd, User: user, AttachStdout: true, AttachStderr: true }),
        'docker exec',
        CLEANUP_TIMEOUT_MS,
      );
      const s = (await answered(
        exec.start({ hijack: true, stdin: false }),
        'docker exec',
        CLEANUP_TIMEOUT_MS,
      )) as Duplex;
      await new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          s.destroy();
          resolve();
        }, CLEANUP_TIMEOUT_MS);
        s.on('end', resolve);
        s.on('close', resolve);
        s.on('error', () => resolve());
        s.resume();
      });
    })();
    await work.catch(() => {}); // the container may be gone already
    clearTimeout(timer);
  }

  /** Kills every process of an own uid and deletes its files (see cleanUp). */
  cleanUpUid(uid: number): Promise<void> {
    const argv = ['/bin/sh', '-c', cleanUp(uid)];
    if (this.supervisor && !this.supervisor.down && !this.disposed)
      return this.supervisor.runToEnd({ uid, gid: sandboxGid(), argv }, CLEANUP_TIMEOUT_MS);
    return this.run(argv, `${uid}:${sandboxGid()}`);
  }

  /** Kills a process group inside the container (processes of the sandbox user). */
  killGroup(pid: number): Promise<void> {
    return this.run(['kill', '-KILL', '--', `-${pid}`], sandboxUser());
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.supervisor?.stop();
    await answered(this.container.remove({ force: true }), 'removing a container').catch(() => {});
    await Promise.race([this.stopped, sleep(5000)]); // its long-poll ends with the container
    if (this.ioDir) removeFifoDir(this.ioDir);
  }
}

class ExecProcess implements ProcessHandle {
  readonly exited: Promise<number | null>;
  private readonly out = new Listeners<Buffer>();
  private readonly err = new Listeners<Buffer>();
  private pid: Promise<number | null>;
  private alive = true;
  /** The own-uid clean-up run by the host (see the top of this file), once started. */
  private cleanup: Promise<void> | null = null;
  private source: Promise<CpuSource> | null = null;

  constructor(
    private readonly box: DockerSandbox,
    private readonly exec: Docker.Exec,
    private readonly stream: Duplex,
    private readonly fifo: FifoSet | null,
    private readonly uid: number | null,
  ) {
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
    if (fifo) relayFifo(fifo, this.out, this.err, () => void this.kill());
    this.exited = new Promise<number | null>((resolve) => {
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        this.alive = false;
        gotPid(null);
        // Let the last stdout bytes drain from the pipe before it is closed.
        setImmediate(() => this.fifo?.close());
        void (async () => {
          const code = await answered(exec.inspect(), 'docker exec', HEALTH_TIMEOUT_MS).then(
            (i) => i.ExitCode ?? null,
            () => null,
          );
          // The wrapper exits with its command's code after cleaning up; a signal's code (or
          // none) means it may not have got that far.
          if (code === null || code >= 128) {
            if (!this.cleanup) this.box.suspect = true; // not killed by the host
            if (this.uid !== null) await this.cleanUp(this.uid);
          }
          resolve(code);
        })();
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

  /** The wrapper's host pid (the bot is it or its child): the daemon reports it; it is checked
   *  against the pid the wrapper printed and the process's uid before any read trusts it. Read
   *  only: nothing here signals or writes to the process. */
  cpuSource(): Promise<CpuSource> {
    this.source ??= (async (): Promise<CpuSource> => {
      const nsPid = await this.pid;
      if (nsPid === null) return { unreadable: 'the process ended before it printed its pid' };
      return hostPidOfExec(this.exec, nsPid, this.uid, () => this.alive);
    })();
    return this.source;
  }

  private cleanUp(uid: number): Promise<void> {
    this.cleanup ??= this.box.cleanUpUid(uid);
    return this.cleanup;
  }

  async kill(): Promise<void> {
    if (!this.alive) {
      // Ended already; its exit (with any clean-up it needs) is settled through `exited`.
      await this.exited;
      return;
    }
    if (this.uid !== null) {
      // Everything of this uid dies, wherever it went; awaited, so a sim that ends with a kill
      // leaves nothing running into the next.
      await this.cleanUp(this.uid);
    } else {
      const pid = await Promise.race([this.pid, new Promise<null>((r) => setTimeout(() => r(null), 2000))]);
      // The group kill is one more exec (~40 ms); it runs on in the background so the next sim
      // need not wait for it. Whatever survives it dies with the container at dispose().
      if (pid) void this.box.killGroup(pid);
    }
    this.stream.destroy();
    this.fifo?.close();
  }
}

export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
