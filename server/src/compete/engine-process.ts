// One engine process of an `engine` arena: started in a hardened container that holds every
// player's codebase read-only, it builds them, says `ready`, then plays one sim at a time. Its
// lines are checked (engine.ts's schemas), never trusted: a robot runs in that process.
import {
  type EnginePlayer,
  EngineLine,
  type EngineSimRequest,
  MAX_FAULT_DETAIL,
  clipStart,
  escapeControls,
  parseReplyLine,
} from '@codearena/protocol';
import type { Sandbox } from '../sandbox/sandbox.ts';
import type { ProcessHandle } from '../sandbox/process-handle.ts';
import { lineReader } from './line-reader.ts';

/** Longest line the engine may write (a frame of a big melee); longer ⇒ the engine is replaced. */
const MAX_LINE_BYTES = 512 * 1024;
/** Lines that are not protocol (or not for the sim in play) tolerated per sim. */
const MAX_STRAY_LINES = 1000;
/** stderr bytes kept for the messages of a failed start. */
const STDERR_TAIL = 4096;

export type ReadyLine = Extract<EngineLine, { type: 'ready' }>;
export type SimLine = Exclude<EngineLine, { type: 'ready' }>;

/** How a sim's exchange ended: a result line, an error line, or the process gone or late. */
export type SimEnd =
  | { kind: 'result'; line: Extract<EngineLine, { type: 'result' }> }
  | { kind: 'error'; detail: string }
  | { kind: 'died'; detail: string }
  | { kind: 'timeout' };

export class EngineProcess {
  private onLine: ((line: SimLine) => void) | null = null;
  private onEnd: ((end: SimEnd) => void) | null = null;
  private stray = 0;
  private stderrTail = '';
  private gone: string | null = null;
  private readyLine: ReadyLine | null = null;
  private readyWaiter: (() => void) | null = null;

  private constructor(private readonly proc: ProcessHandle) {
    proc.onStdout(
      lineReader({
        maxLineBytes: MAX_LINE_BYTES,
        onLine: (l) => this.line(l),
        onOverflow: () => this.fail(`wrote a line longer than ${MAX_LINE_BYTES} bytes`),
        stopped: () => this.gone !== null,
      }),
    );
    proc.onStderr((chunk) => {
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL);
    });
    void proc.exited.then((code) => this.fail(`exited with code ${code ?? 'unknown (killed)'}`));
  }

  /** Starts the engine for `players` and waits for its `ready` (at most `startMs`); throws with
   *  the engine's own last words when it does not get there. */
  static async start(sandbox: Sandbox, argv: string[], startMs: number): Promise<EngineProcess> {
    const engine = new EngineProcess(await sandbox.spawn(argv, { pipes: true }));
    const ready = await engine.waitReady(startMs);
    if (!ready) {
      const why = engine.gone ?? `no ready line within ${Math.round(startMs / 1000)} s`;
      await engine.kill();
      throw new Error(`the engine did not start: ${why}${engine.lastWords()}`);
    }
    return engine;
  }

  get ready(): ReadyLine {
    return this.readyLine!;
  }

  /** Why the process is unusable, or null while it works. */
  get problem(): string | null {
    return this.gone;
  }

  /** Plays one sim: `onLine` gets its frames and faults; resolves with how it ended. */
  play(request: EngineSimRequest, onLine: (line: SimLine) => void, timeoutMs: number): Promise<SimEnd> {
    if (this.gone) return Promise.resolve({ kind: 'died', detail: this.gone });
    this.stray = 0;
    return new Promise<SimEnd>((resolve) => {
      const timer = setTimeout(() => finish({ kind: 'timeout' }), timeoutMs);
      const finish = (end: SimEnd) => {
        clearTimeout(timer);
        this.onLine = null;
        this.onEnd = null;
        resolve(end);
      };
      this.onEnd = finish;
      this.onLine = (line) => {
        if ('sim' in line && line.sim !== request.sim) return this.strayLine();
        if (line.type === 'result') finish({ kind: 'result', line });
        else if (line.type === 'error') finish({ kind: 'error', detail: line.detail });
        else onLine(line);
      };
      if (!this.proc.write(`${JSON.stringify(request)}\n`)) finish({ kind: 'died', detail: 'its input is closed' });
    });
  }

  /** Asks the engine to quit, and kills it if it lingers. */
  async close(): Promise<void> {
    if (!this.gone) {
      this.proc.write(`${JSON.stringify({ op: 'quit' })}\n`);
      this.proc.endInput();
    }
    const quit = await Promise.race([
      this.proc.exited.then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), 2000).unref()),
    ]);
    if (!quit) await this.kill();
  }

  /** Stops the engine; a sim in play ends as `died`. */
  async kill(): Promise<void> {
    this.fail('stopped by the host');
    await this.proc.kill();
  }

  /** The engine's stderr tail, escaped, for messages about it. */
  lastWords(): string {
    const tail = clipStart(escapeControls(this.stderrTail.trim().split('\n').slice(-5).join(' | ')), MAX_FAULT_DETAIL);
    return tail ? ` (engine stderr: ${tail})` : '';
  }

  private line(raw: string): void {
    const parsed = parseReplyLine(raw);
    const line = parsed.ok ? EngineLine.safeParse(parsed.value) : null;
    if (!line?.success) return this.strayLine();
    const l = line.data;
    if (l.type === 'ready') {
      if (this.readyLine) return this.strayLine();
      this.readyLine = l;
      this.readyWaiter?.();
      return;
    }
    if (!this.onLine) return this.strayLine();
    this.onLine(l);
  }

  private strayLine(): void {
    if (++this.stray > MAX_STRAY_LINES) this.fail(`wrote more than ${MAX_STRAY_LINES} lines that are not its protocol`);
  }

  private fail(why: string): void {
    if (this.gone) return;
    this.gone = why;
    this.readyWaiter?.();
    this.onEnd?.({ kind: 'died', detail: why });
    void this.proc.kill();
  }

  private waitReady(ms: number): Promise<boolean> {
    if (this.readyLine) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      this.readyWaiter = () => {
        clearTimeout(timer);
        this.readyWaiter = null;
        resolve(this.readyLine !== null);
      };
    });
  }
}

/** The ids engine players get: one per distinct codebase, mounted at /players/<id>. */
export const enginePlayers = (count: number): EnginePlayer[] =>
  Array.from({ length: count }, (_, i) => ({ id: `p${i}`, dir: `/players/p${i}` }));
