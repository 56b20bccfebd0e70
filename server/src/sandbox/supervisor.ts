// The host's side of a bot container's supervisor (supervisor.py): one process per container,
// started with one `docker exec` when the container starts, that starts each bot process with a
// fork instead of an exec of its own. A sim then costs the Docker daemon nothing (before: an exec
// create, start and two inspects per bot, ~40 ms of daemon CPU each, competing with the bots for
// the machine), and a bot's exit arrives as a line instead of an inspect.
//
// Trust: the supervisor runs as root in the container with CAP_SETUID and CAP_SETGID only (the
// container grants nothing else, see sandbox.ts), under no-new-privileges and the container's
// seccomp profile. Its only input is this host's orders over its exec stream; it refuses to run
// anything as root, and what it starts drops both caps with its ids before exec. Bots run as uids
// of their own as before, so they can neither signal nor trace it nor reach its stream.
import { readFileSync } from 'node:fs';
import type { Duplex } from 'node:stream';
import type Docker from 'dockerode';
import { SupervisorReply, type SupervisorOrder } from '@codearena/protocol';
import { lineReader } from '../compete/line-reader.ts';
import { Demuxer } from './demux.ts';
import { answered, InfraError, infraError } from './infra-error.ts';
import { type CpuSource, childHostPid, verifyHostPid } from './cpu-time.ts';

const SOURCE = readFileSync(new URL('./supervisor.py', import.meta.url), 'utf8');
/** How long the supervisor may take to say it is ready, and to answer an order: a fork on a busy
 *  machine takes milliseconds, so this only catches a supervisor that hung or a frozen container. */
const ANSWER_MS = 15_000;
/** The tail of the supervisor's stderr kept for the message when it ends unexpectedly. */
const STDERR_TAIL = 2000;

export interface SupervisedRun {
  /** The command's pid inside the container. */
  nsPid: number;
  /** Its exit status (128 + signal when killed), or null when the supervisor went away first. */
  exited: Promise<number | null>;
}

interface Pending {
  started: (r: { pid: number } | { error: string }) => void;
  ended: (code: number | null) => void;
}

export class Supervisor {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private hostPid: CpuSource = { unreadable: 'the supervisor has not started' };
  private stderr = '';
  /** Why the supervisor is gone, once it is (the container is then broken: see health()). */
  down: string | null = null;

  private constructor(private readonly stream: Duplex) {}

  /** Starts the supervisor in a running container; throws InfraError when it does not come up. */
  static async start(container: Docker.Container): Promise<Supervisor> {
    const exec = await answered(
      container.exec({
        Cmd: ['python3', '-I', '-S', '-c', SOURCE],
        User: '0:0',
        WorkingDir: '/',
        AttachStdin: true,
        AttachStdout: true,
        AttachStderr: true,
        Tty: false,
      }),
      'starting the container supervisor',
    );
    const stream = (await answered(
      exec.start({ hijack: true, stdin: true }),
      'starting the container supervisor',
    )) as Duplex;
    const sup = new Supervisor(stream);
    const nsPid = await sup.listen();
    sup.hostPid = await hostPidOfExec(exec, nsPid, 0, () => sup.down === null);
    return sup;
  }

  /** Reads replies; resolves with the supervisor's pid in the container once it is ready. */
  private listen(): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => fail(`it did not start within ${ANSWER_MS / 1000} s`), ANSWER_MS);
      const fail = (why: string) => {
        clearTimeout(timer);
        if (this.down) return;
        const tail = this.stderr.trim();
        this.down = `the container's supervisor ended: ${why}${tail ? ` (${tail.slice(-500)})` : ''}`;
        this.stream.destroy();
        reject(new InfraError(this.down));
        for (const p of this.pending.values()) {
          p.started({ error: this.down });
          p.ended(null);
        }
        this.pending.clear();
      };
      const onLine = (line: string) => {
        const r = SupervisorReply.safeParse(safeJson(line));
        if (!r.success) return fail(`it said something that is not a reply: ${line.slice(0, 200)}`);
        const m = r.data;
        if ('ready' in m) {
          clearTimeout(timer);
          return resolve(m.ready);
        }
        const p = m.id == null ? undefined : this.pending.get(m.id);
        if ('error' in m) {
          if (!p) return fail(m.error); // an order it could not read: a bug on this side
          this.pending.delete(m.id!);
          return p.started({ error: m.error });
        }
        if (!p) return;
        if ('pid' in m) return p.started({ pid: m.pid });
        this.pending.delete(m.id);
        p.ended(m.exit);
      };
      const lines = lineReader({ maxLineBytes: 64 * 1024, onLine, onOverflow: () => fail('a reply line too long') });
      const demux = new Demuxer(lines, (b) => (this.stderr = (this.stderr + b.toString('utf8')).slice(-STDERR_TAIL)));
      this.stream.on('data', (b: Buffer) => demux.push(b));
      this.stream.on('error', () => {});
      this.stream.on('end', () => fail('its stream closed'));
      this.stream.on('close', () => fail('its stream closed'));
    });
  }

  /** Runs argv as uid:gid (with `env` added to the container's variables); throws InfraError
   *  when it cannot start (the supervisor or the container is broken, never the command). */
  run(o: Omit<SupervisorOrder, 'id'>): Promise<SupervisedRun> {
    if (this.down) return Promise.reject(new InfraError(this.down));
    const id = this.nextId++;
    let ended: (code: number | null) => void = () => {};
    const exited = new Promise<number | null>((r) => (ended = r));
    return new Promise<SupervisedRun>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new InfraError(`the container's supervisor did not start a process within ${ANSWER_MS / 1000} s`)),
        ANSWER_MS,
      );
      this.pending.set(id, {
        started: (r) => {
          clearTimeout(timer);
          if ('pid' in r) resolve({ nsPid: r.pid, exited });
          else reject(infraError("the container's supervisor could not start a process", new Error(r.error)));
        },
        ended,
      });
      const order: SupervisorOrder = { id, ...o };
      this.stream.write(`${JSON.stringify(order)}\n`);
    });
  }

  /** Runs argv as uid:gid to its end, bounded in time; never throws. */
  async runToEnd(o: Omit<SupervisorOrder, 'id' | 'env'>, ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const r = await this.run({ ...o, env: {} });
      await Promise.race([r.exited, new Promise((res) => (timer = setTimeout(res, ms)))]);
    } catch {
      // The supervisor is gone: the caller's container is then replaced or removed anyway.
    } finally {
      clearTimeout(timer);
    }
  }

  /** The host pid of a process the supervisor started (checked against its pid in the container
   *  and its uid), for CPU-time budgets. Reads /proc only. */
  cpuSourceOf(nsPid: number, uid: number): CpuSource {
    if ('unreadable' in this.hostPid) return this.hostPid;
    return childHostPid(this.hostPid.pid, nsPid, uid);
  }

  stop(): void {
    this.down ??= 'the container was disposed';
    this.stream.destroy();
  }
}

const safeJson = (line: string): unknown => {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
};

/** The host pid of an exec's process, checked (see verifyHostPid). The daemon may report the exec
 *  before it has recorded its pid (Pid 0) for a moment after the process started: asked again a
 *  few times while `alive()`. */
export async function hostPidOfExec(
  exec: Docker.Exec,
  nsPid: number,
  uid: number | null,
  alive: () => boolean,
): Promise<CpuSource> {
  for (const pause of [0, 10, 50, 200, 1000]) {
    if (pause) await new Promise((r) => setTimeout(r, pause).unref());
    if (!alive()) break;
    const hostPid = await answered(exec.inspect(), 'docker exec', ANSWER_MS).then(
      (i) => i.Pid,
      () => 0,
    );
    if (hostPid) return verifyHostPid(hostPid, nsPid, uid);
  }
  return { unreadable: 'the Docker daemon did not report the host pid of the exec' };
}
