// JSON lines over a process's stdio with a deadline per request. Never throws: every failure
// of the bot (late, silent, crashed, garbage, flooding) comes back as a Fault.
import {
  type BotClient,
  type BotReply,
  type Fault,
  MAX_FAULT_DETAIL,
  clipStart,
  escapeControls,
  parseReplyLine,
} from '@codearena/protocol';
import type { ProcessHandle } from '../sandbox/process-handle.ts';
import { lineReader } from './line-reader.ts';

export interface BotClientOptions {
  /** Longest reply line accepted; longer ⇒ output_limit fault and the bot is stopped. */
  maxLineBytes?: number;
  /** stderr bytes kept (the tail) for fault details and validation messages. */
  stderrTailBytes?: number;
  /** Lines nobody asked for that are tolerated (dropped) before the bot is stopped. */
  maxUnsolicitedLines?: number;
}

/** How long a bot has to exit after its stdin closes before it is killed. */
const EXIT_GRACE_MS = 200;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());

export function createBotClient(
  proc: ProcessHandle,
  o: BotClientOptions = {},
): BotClient & { readonly dead: Fault | null } {
  const maxLine = o.maxLineBytes ?? 64 * 1024;
  const tailCap = o.stderrTailBytes ?? 4096;
  const maxUnsolicited = o.maxUnsolicitedLines ?? 100;

  let stderrTail = '';
  /** Replies still owed to requests that already timed out: dropped when they arrive. */
  let stale = 0;
  let unsolicited = 0;
  let waiter: ((line: string) => void) | null = null;
  let dead: Fault | null = null;
  let onDeath: ((f: Fault) => void) | null = null;

  const die = (fault: Fault) => {
    if (dead) return;
    dead = fault;
    onDeath?.(fault);
    void proc.kill();
  };

  const onLine = (line: string) => {
    if (stale > 0) {
      stale--;
      return;
    }
    if (waiter) {
      const w = waiter;
      waiter = null;
      w(line);
      return;
    }
    if (++unsolicited > maxUnsolicited)
      die({ kind: 'output_limit', detail: `wrote more than ${maxUnsolicited} lines nobody asked for` });
  };

  proc.onStdout(
    lineReader({
      maxLineBytes: maxLine,
      onLine,
      onOverflow: () => die({ kind: 'output_limit', detail: `reply line longer than ${maxLine} bytes` }),
      stopped: () => dead !== null,
    }),
  );
  proc.onStderr((chunk) => {
    stderrTail = (stderrTail + chunk.toString('utf8')).slice(-tailCap);
  });
  void proc.exited.then((code) => {
    const head = `exited with code ${code ?? 'unknown (killed)'}`;
    // The bot wrote the tail: escaped, and only its end, so the detail stays one short line.
    const tail = clipStart(
      escapeControls(stderrTail.trim().split('\n').slice(-3).join(' | ')),
      MAX_FAULT_DETAIL - head.length - 2,
    );
    die({ kind: 'crash', detail: tail ? `${head}: ${tail}` : head });
  });

  const send = (msg: unknown): boolean => proc.write(`${JSON.stringify(msg)}\n`);

  return {
    get dead() {
      return dead;
    },
    notify(msg) {
      if (!dead) send(msg);
    },
    request(msg, deadlineMs): Promise<BotReply> {
      if (dead) return Promise.resolve({ ok: false, fault: dead });
      if (waiter)
        return Promise.resolve({
          ok: false,
          fault: { kind: 'bad_output', detail: 'request while another is pending' },
        });
      const t0 = performance.now();
      return new Promise<BotReply>((resolve) => {
        const timer = setTimeout(() => {
          waiter = null;
          onDeath = null;
          stale++;
          resolve({ ok: false, fault: { kind: 'timeout', detail: `no reply within ${deadlineMs} ms` } });
        }, deadlineMs);
        onDeath = (fault) => {
          clearTimeout(timer);
          waiter = null;
          onDeath = null;
          resolve({ ok: false, fault });
        };
        waiter = (line) => {
          clearTimeout(timer);
          onDeath = null;
          const ms = performance.now() - t0;
          // Nesting too deep for recursive code downstream is refused here, before any arena,
          // matcher or logger touches the value.
          const parsed = parseReplyLine(line);
          resolve(
            parsed.ok
              ? { ok: true, value: parsed.value, ms }
              : { ok: false, fault: { kind: 'bad_output', detail: parsed.detail } },
          );
        };
        // A failed write means the bot is exiting: its exit (with the stderr tail) settles
        // this request, or the deadline does if it lingers.
        send(msg);
      });
    },
    stderrTail: () => stderrTail,
    async close() {
      // Closing is not the bot's fault: mark dead first so the exit is not reported as a crash.
      const wasHealthy = !dead && stale === 0;
      dead ??= { kind: 'crash', detail: 'closed' };
      proc.endInput();
      // A healthy bot exits on EOF; a kill costs an extra exec in the container, so it is kept
      // for bots that misbehaved or linger.
      const exited =
        wasHealthy && (await Promise.race([proc.exited.then(() => true), sleep(EXIT_GRACE_MS).then(() => false)]));
      if (!exited) await proc.kill();
    },
  };
}
