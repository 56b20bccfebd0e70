// The gateway as its own failure domain. `codearena run --serve` (so `npm start`) and
// `codearena serve` run the gateway in a child process: whatever a client makes it do — a throw
// in a deferred callback no handler can guard, memory exhaustion, an endless loop — ends that
// process, never the tournament beside it. This side forwards the live tournaments' events over
// IPC, restarts a gateway that died (on the same port, replaying every live event, so viewers
// just reconnect and resume), kills one that stopped answering pings, and never throws into
// the bus: sending is fire-and-forget, frames are dropped while the child lags behind.
import { type ChildProcess, fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { type Event, escapeControls } from '@codearena/protocol';
import type { Listener } from '../bus/event-bus.ts';

import { type ChildOptions, FromChild, type ToChild } from './ipc.ts';
import { LiveBacklog } from './live-backlog.ts';
import { GatewayConfigError, type GatewayOptions } from './server.ts';

const ENTRY = fileURLToPath(new URL('./child-entry.mjs', import.meta.url));
/** Messages queued to the child beyond which frames (live-only, replaceable) are dropped. */
const MAX_QUEUED = 2000;

export interface GatewayProcessOptions extends Omit<GatewayOptions, 'store'> {
  /** The index: a SQLite file or a postgres:// URL (the gateway opens its own connection). */
  index: string;
  /** How often the child is pinged, and how long it may leave pings unanswered before it is killed. */
  pingMs?: number;
  hangMs?: number;
  /** First delay before a restart; it doubles with each failure in a row, up to maxRestartDelayMs. */
  restartDelayMs?: number;
  maxRestartDelayMs?: number;
  /** Where restarts are reported (stderr by default). */
  log?: (line: string) => void;
}

export interface GatewayProcessEvents {
  /** A gateway process serves (the first one and every restart). */
  ready: [pid: number];
  /** A gateway process ended (before a restart, or for good after close()). */
  exit: [code: number | null, signal: NodeJS.Signals | null];
}

export class GatewayProcess extends EventEmitter<GatewayProcessEvents> {
  url = '';
  port = 0;
  /** Gateway processes started after the first one. */
  restarts = 0;
  /** Frames not forwarded because the child lagged (it still gets them all on a restart). */
  droppedFrames = 0;
  private child: ChildProcess | null = null;
  /** Why the first gateway process could not serve (start() rejects with it). */
  private firstFailure: Error | null = null;
  /** When the current child was started or last answered a ping. */
  private lastSign = 0;
  private lastTick = Date.now();
  private serving = false;
  private closing = false;
  private failuresInARow = 0;
  private queued = 0;
  private pingN = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  private readonly pinger: NodeJS.Timeout;
  private readonly backlogs = new Map<string, LiveBacklog>();
  private readonly o: Required<
    Pick<GatewayProcessOptions, 'pingMs' | 'hangMs' | 'restartDelayMs' | 'maxRestartDelayMs' | 'log'>
  >;

  private constructor(private readonly options: GatewayProcessOptions) {
    super();
    this.o = {
      pingMs: options.pingMs ?? 5_000,
      hangMs: options.hangMs ?? 60_000,
      restartDelayMs: options.restartDelayMs ?? 250,
      maxRestartDelayMs: options.maxRestartDelayMs ?? 30_000,
      log: options.log ?? ((line) => process.stderr.write(`${line}\n`)),
    };
    this.pinger = setInterval(() => this.ping(), this.o.pingMs);
    this.pinger.unref();
  }

  /** Starts the gateway process; rejects (GatewayConfigError for a bad host, port or token) when the first one cannot serve. */
  static async start(o: GatewayProcessOptions): Promise<GatewayProcess> {
    const g = new GatewayProcess(o);
    try {
      await new Promise<void>((ok, fail) => {
        const onReady = () => (g.off('exit', onExit), ok());
        const onExit = () => (
          g.off('ready', onReady),
          fail(g.firstFailure ?? new Error('the gateway process exited before serving'))
        );
        g.once('ready', onReady);
        g.once('exit', onExit);
        g.spawn(o.port ?? 0, o.portFallback ?? false);
      });
    } catch (e) {
      g.closing = true;
      clearInterval(g.pinger);
      throw e;
    }
    return g;
  }

  /** pid of the gateway process serving now, or null while one (re)starts. */
  get pid(): number | null {
    return this.serving ? (this.child?.pid ?? null) : null;
  }

  /** Bus listener of a tournament running in this process (register it before it starts). Never throws. */
  live(tournamentId: string): Listener {
    const backlog = new LiveBacklog();
    this.backlogs.set(tournamentId, backlog);
    if (this.serving) this.send({ type: 'live', tournamentId });
    return (e: Event) => {
      try {
        backlog.accept(e);
        if (this.serving) this.send({ type: 'event', event: e }, e.type === 'match.frame');
      } catch (err) {
        this.o.log(`web view: could not forward ${e.type}: ${escapeControls(String(err))}`);
      }
    };
  }

  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.pinger);
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    // A gateway that does not close in time is stopped: closing must not hang the CLI.
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    if (child.connected) this.send({ type: 'close' });
    else child.kill('SIGTERM');
    await exited;
    clearTimeout(force);
  }

  private spawn(port: number, portFallback: boolean): void {
    const options: ChildOptions = {
      index: this.options.index,
      host: this.options.host ?? '127.0.0.1',
      port,
      portFallback,
      token: this.options.token ?? null,
      ...(this.options.webDist ? { webDist: this.options.webDist } : {}),
      ...(this.options.pollMs ? { pollMs: this.options.pollMs } : {}),
      ...(this.options.hub ? { hub: this.options.hub } : {}),
      ...(this.options.ladders ? { ladders: this.options.ladders } : {}),
    };
    // execArgv: [] so a parent's loader or inspector flags are not inherited; the entry loads tsx itself.
    const child = fork(ENTRY, [], {
      execArgv: [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'json',
    });
    this.child = child;
    this.serving = false;
    this.queued = 0;
    this.lastSign = Date.now();
    child.on('error', (e) => this.o.log(`web view: gateway process error: ${escapeControls(e.message)}`));
    child.on('message', (raw) => this.onMessage(child, raw));
    child.on('exit', (code, signal) => this.onExit(child, code, signal));
    this.send({ type: 'start', options });
  }

  private onMessage(child: ChildProcess, raw: unknown): void {
    if (child !== this.child) return;
    const m = FromChild.safeParse(raw);
    if (!m.success) return;
    switch (m.data.type) {
      case 'ready':
        this.port = m.data.port;
        this.url ||= m.data.url;
        this.serving = true;
        this.lastSign = Date.now();
        // Everything live so far, in order, before any new event (this runs before the bus emits again).
        for (const [tournamentId, backlog] of this.backlogs) {
          this.send({ type: 'live', tournamentId });
          for (const event of backlog.replay()) this.send({ type: 'event', event });
        }
        this.emit('ready', child.pid!);
        return;
      case 'failed':
        this.firstFailure ??= m.data.config ? new GatewayConfigError(m.data.message) : new Error(m.data.message);
        if (this.url) this.o.log(`web view: the gateway could not restart: ${escapeControls(m.data.message)}`);
        return;
      case 'pong':
        this.lastSign = Date.now();
        this.failuresInARow = 0; // it has been serving for a while: the next failure restarts at once
        return;
    }
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (child !== this.child) return;
    const wasServing = this.serving;
    this.child = null;
    this.serving = false;
    this.emit('exit', code, signal);
    // Never served: start() reports it. Closing: that was the point.
    if (this.closing || !this.url) return;
    const delay = Math.min(this.o.maxRestartDelayMs, this.o.restartDelayMs * 2 ** this.failuresInARow);
    this.failuresInARow++;
    this.o.log(
      `web view: the gateway process ${wasServing ? 'died' : 'failed to start'} (${signal ?? `exit ${code}`}); ` +
        `restarting it on port ${this.port} in ${delay} ms — the tournament goes on`,
    );
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.closing) return;
      this.restarts++;
      this.spawn(this.port, false);
    }, delay);
  }

  private ping(): void {
    const now = Date.now();
    // This process was busy (the tournament's own work): the child's silence is not its fault.
    if (now - this.lastTick > 2 * this.o.pingMs) this.lastSign = Math.max(this.lastSign, now - this.o.pingMs);
    this.lastTick = now;
    const child = this.child;
    if (!child) return;
    if (now - this.lastSign > this.o.hangMs) {
      this.o.log(
        `web view: the gateway process gave no sign of life for ${Math.round(this.o.hangMs / 1000)} s; killing it`,
      );
      child.kill('SIGKILL');
      return;
    }
    if (this.serving) this.send({ type: 'ping', n: ++this.pingN });
  }

  /** Fire-and-forget: a dead or lagging child loses messages, the caller never sees an error. */
  private send(m: ToChild, droppable = false): void {
    const child = this.child;
    if (!child?.connected) return;
    if (droppable && this.queued > MAX_QUEUED) {
      this.droppedFrames++;
      return;
    }
    this.queued++;
    try {
      child.send(m, (err) => {
        if (child === this.child) this.queued--;
        void err; // the channel closed: the exit handler restarts the child
      });
    } catch {
      if (child === this.child) this.queued--;
    }
  }
}
