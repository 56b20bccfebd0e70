// JSON lines over a process's stdio with a deadline per request. Never throws: every failure
// of the bot (late, silent, crashed, garbage, flooding) comes back as a Fault.
//
// A request's deadline is a budget of CPU time: what the bot's processes use while the request
// is pending, read from the kernel (cpu-time.ts), so a busy host does not change outcomes. The
// first request's budget also covers the bot's start-up: its CPU is counted from the process's
// start (the turn loop adds the arena's startupGraceMs to that request), whether the bot was
// started just now or ahead of time. A wall-clock cap (wallCapMs) only catches a bot that waits
// on nothing. A bot whose CPU time cannot be read is timed by the wall clock at its budget, and
// its timeout faults say why.
import {
  type BotClient,
  type BotReply,
  type Fault,
  MAX_FAULT_DETAIL,
  clipStart,
  escapeControls,
  parseReplyLine,
} from '@codearena/protocol';
import { cpus } from 'node:os';
import type { ProcessHandle } from '../sandbox/process-handle.ts';
import { type CpuSource, treeCpuMs } from '../sandbox/cpu-time.ts';
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

/** The wall-clock cap of a request with a CPU budget. Beside 4 busy processes per core a bot
 *  gets about a fifth of a core, so spending its whole budget takes ~5× the budget in wall time;
 *  the cap sits there, with a floor of a second for short budgets (a start-up's page faults and
 *  disk reads are waits, not CPU). A bot that blocks costs every turn this much, no more. */
export const wallCapMs = (budgetMs: number): number => Math.max(5 * budgetMs, budgetMs + 1000);
/** Most CPU time a process tree can use per ms of wall time: how long a check can wait and still
 *  not miss an overrun by more than that. */
const PARALLELISM = Math.max(1, cpus().length);
/** Least wall time between two reads of a busy bot's CPU time (the kernel's tick is 10 ms). */
const CHECK_MIN_MS = 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());

export function createBotClient(
  proc: ProcessHandle,
  o: BotClientOptions = {},
): BotClient & { readonly dead: Fault | null; cpuSource(): Promise<CpuSource> } {
  const maxLine = o.maxLineBytes ?? 64 * 1024;
  const tailCap = o.stderrTailBytes ?? 4096;
  const maxUnsolicited = o.maxUnsolicitedLines ?? 100;

  let stderrTail = '';
  /** Replies still owed to requests that already timed out: dropped when they arrive. */
  let stale = 0;
  /** The last request ran into the wall-clock cap and the bot has written nothing since: it waits
   *  on nothing, so later requests get only their budget of wall time until it writes again (a
   *  silent bot costs one cap per sim, not one per turn). Never set by load: a bot within its CPU
   *  budget reaches the cap only when it waits. */
  let silent = false;
  let unsolicited = 0;
  let waiter: ((line: string) => void) | null = null;
  let dead: Fault | null = null;
  let onDeath: ((f: Fault) => void) | null = null;
  let pending = false;
  let requests = 0;
  const source: Promise<CpuSource> = proc.cpuSource
    ? proc.cpuSource()
    : Promise.resolve({ unreadable: 'its runtime gives no host pid' });

  const die = (fault: Fault) => {
    if (dead) return;
    dead = fault;
    onDeath?.(fault);
    void proc.kill();
  };

  const onLine = (line: string) => {
    silent = false;
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

  const pend = (msg: unknown, budgetMs: number, src: CpuSource, first: boolean): Promise<BotReply> => {
    if (dead) return Promise.resolve({ ok: false, fault: dead });
    const pid = 'pid' in src ? src.pid : null;
    // The first request counts from the process's start (see the top of this file).
    const cpu0 = pid === null ? null : first ? 0 : treeCpuMs(pid);
    /** CPU ms since the request began; null when not read by CPU or the bot is gone. */
    const cpuUsed = (): number | null => {
      const now = pid === null || cpu0 === null ? null : treeCpuMs(pid);
      return now === null || cpu0 === null ? null : now - cpu0;
    };
    const overBudget = (used: number | null): Fault | null =>
      used !== null && used > budgetMs
        ? { kind: 'timeout', detail: `used ${used} ms of CPU, budget ${budgetMs} ms` }
        : null;
    const byCpu = cpu0 !== null;
    const wasSilent = byCpu && silent;
    const capMs = byCpu && !wasSilent ? wallCapMs(budgetMs) : budgetMs;
    const t0 = performance.now();
    return new Promise<BotReply>((resolve) => {
      let check: NodeJS.Timeout | undefined;
      const settle = (r: BotReply) => {
        clearTimeout(cap);
        clearTimeout(check);
        waiter = null;
        onDeath = null;
        resolve(r);
      };
      // A reply is still owed: it is dropped when it arrives.
      const giveUp = (fault: Fault) => {
        stale++;
        settle({ ok: false, fault });
      };
      const cap = setTimeout(() => {
        const used = cpuUsed();
        const over = overBudget(used);
        if (!over) silent = true;
        giveUp(
          over ??
            (wasSilent
              ? {
                  kind: 'timeout',
                  detail: `no reply within ${budgetMs} ms of wall clock (silent since an earlier wall-clock cap)`,
                }
              : byCpu
                ? {
                    kind: 'timeout',
                    detail: `no reply within the ${capMs} ms wall-clock cap (used ${used ?? '?'} ms of CPU, budget ${budgetMs} ms)`,
                  }
                : {
                    kind: 'timeout',
                    detail: `no reply within ${budgetMs} ms of wall clock (CPU time not readable: ${'unreadable' in src ? src.unreadable : 'the bot is gone'})`,
                  }),
        );
      }, capMs);
      // Until the reply, the bot's CPU time is read whenever it could have run out: a busy bot is
      // stopped close to its budget, an idle one costs no reads.
      const arm = (used: number) => {
        check = setTimeout(
          () => {
            const now = cpuUsed();
            if (now === null) return; // gone: its exit settles the request
            const over = overBudget(now);
            if (over) giveUp(over);
            else arm(now);
          },
          Math.max(CHECK_MIN_MS, (budgetMs - used) / PARALLELISM),
        );
      };
      if (byCpu) arm(first ? (cpuUsed() ?? 0) : 0);
      onDeath = (fault) => settle({ ok: false, fault });
      waiter = (line) => {
        const ms = performance.now() - t0;
        // A reply this soon cannot have used the budget, even on every core: no read needed.
        const over = byCpu && (first || ms * PARALLELISM >= budgetMs) ? overBudget(cpuUsed()) : null;
        if (over) return settle({ ok: false, fault: over });
        // Nesting too deep for recursive code downstream is refused here, before any arena,
        // matcher or logger touches the value.
        const parsed = parseReplyLine(line);
        settle(
          parsed.ok
            ? { ok: true, value: parsed.value, ms }
            : { ok: false, fault: { kind: 'bad_output', detail: parsed.detail } },
        );
      };
      // A failed write means the bot is exiting: its exit (with the stderr tail) settles this
      // request, or the deadline does if it lingers.
      send(msg);
    });
  };

  return {
    get dead() {
      return dead;
    },
    notify(msg) {
      if (!dead) send(msg);
    },
    cpuSource: () => source,
    async request(msg, budgetMs): Promise<BotReply> {
      if (dead) return { ok: false, fault: dead };
      if (pending) return { ok: false, fault: { kind: 'bad_output', detail: 'request while another is pending' } };
      pending = true;
      try {
        return await pend(msg, budgetMs, await source, requests++ === 0);
      } finally {
        pending = false;
      }
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
