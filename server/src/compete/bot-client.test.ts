// The bot client against real host processes: every way a bot can misbehave comes back as
// a fault, and the client keeps working (or reports the bot dead) afterwards.
import { afterEach, describe, expect, it } from 'vitest';
import type { BotClient } from '@codearena/protocol';
import { spawnHostProcess } from '../sandbox/host-process.ts';
import { createBotClient } from './bot-client.ts';

/**
 * Deadline for replies the test expects to arrive: generous, because Python may take seconds to
 * start on a busy machine; only a real fault (no reply at all) should reach it.
 */
const PATIENT_MS = 60_000;

const clients: BotClient[] = [];
function spawnPy(code: string, o?: Parameters<typeof createBotClient>[1]) {
  const proc = spawnHostProcess(['python3', '-u', '-c', code], '/tmp');
  const c = createBotClient(proc, o);
  clients.push(c);
  return { c, proc };
}
const py = (code: string, o?: Parameters<typeof createBotClient>[1]) => spawnPy(code, o).c;
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

/** Python lines that spin for `s` seconds of CPU time (not wall time), indented `pad`. */
const SPIN = (s: number, pad = '        ') =>
  `${pad}import time\n${pad}t = time.process_time()\n${pad}while time.process_time() - t < ${s}: pass`;

const ECHO = 'import sys\nfor l in sys.stdin:\n    sys.stdout.write(l); sys.stdout.flush()\n';

describe('bot client', () => {
  it('round-trips JSON lines', async () => {
    const c = py(ECHO);
    const r = await c.request({ move: 'up', n: 1 }, PATIENT_MS);
    expect(r).toMatchObject({ ok: true, value: { move: 'up', n: 1 } });
  });

  it('times out a slow reply and drops it when it arrives late', async () => {
    const c = py(
      `import sys,time,json\nfor l in sys.stdin:\n    m=json.loads(l)\n    if m["slow"]:\n${SPIN(0.4)}\n    print(json.dumps(m), flush=True)\n`,
    );
    await c.request({ slow: false, i: 0 }, PATIENT_MS); // start-up is the first request's
    // The bot cannot answer i=1 within 100 ms of CPU (it spins 400 ms first). It reads i=2 only
    // after writing the reply to i=1, so that stale reply always arrives first and must be dropped.
    const late = await c.request({ slow: true, i: 1 }, 100);
    expect(late).toMatchObject({ ok: false, fault: { kind: 'timeout' } });
    const next = await c.request({ slow: false, i: 2 }, PATIENT_MS);
    expect(next).toMatchObject({ ok: true, value: { i: 2 } }); // not the stale reply to i=1
  });

  it('charges the CPU time a bot uses, not the wall time it waits', async () => {
    // Same budget, same 300 ms: one spins, one sleeps. Only the spinner overdraws its budget; the
    // sleeper is within its wall-clock cap (max(5 × 200, 200 + 1000) ms).
    const spinner = py(
      `import sys\nfor i, l in enumerate(sys.stdin):\n    if i == 1:\n${SPIN(0.3)}\n    print("{}", flush=True)\n`,
    );
    const sleeper = py(
      'import sys,time\nfor i, l in enumerate(sys.stdin):\n    if i == 1: time.sleep(0.3)\n    print("{}", flush=True)\n',
    );
    for (const c of [spinner, sleeper]) expect(await c.request({}, PATIENT_MS)).toMatchObject({ ok: true });
    const [spun, slept] = await Promise.all([spinner.request({}, 200), sleeper.request({}, 200)]);
    expect(spun).toMatchObject({
      ok: false,
      fault: { kind: 'timeout', detail: expect.stringMatching(/^used \d+ ms of CPU, budget 200 ms$/) },
    });
    expect(slept).toMatchObject({ ok: true });
  });

  it('stops a bot that waits on nothing at the wall-clock cap, then gives it only its budget', async () => {
    const c = py(
      'import sys,time\nfor i, l in enumerate(sys.stdin):\n    if i == 1: time.sleep(30)\n    print("{}", flush=True)\n',
    );
    expect(await c.request({}, PATIENT_MS)).toMatchObject({ ok: true });
    expect(await c.request({}, 100)).toMatchObject({
      ok: false,
      fault: {
        kind: 'timeout',
        detail: expect.stringMatching(
          /^no reply within the 1100 ms wall-clock cap \(used \d+ ms of CPU, budget 100 ms\)$/,
        ),
      },
    });
    // Still silent: one cap a sim, not one a turn.
    expect(await c.request({}, 100)).toMatchObject({
      ok: false,
      fault: {
        kind: 'timeout',
        detail: 'no reply within 100 ms of wall clock (silent since an earlier wall-clock cap)',
      },
    });
  });

  it('counts start-up CPU against the first request, even when it is sent after start-up', async () => {
    const { c, proc } = spawnPy(
      `import sys\n${SPIN(0.3, '')}\nsys.stderr.write("ready\\n"); sys.stderr.flush()\nfor l in sys.stdin: print("{}", flush=True)\n`,
    );
    await new Promise<void>((ready) => proc.onStderr((b) => b.toString().includes('ready') && ready()));
    expect(await c.request({}, 200)).toMatchObject({
      ok: false,
      fault: { kind: 'timeout', detail: expect.stringMatching(/^used \d+ ms of CPU/) },
    });
  });

  it('falls back to the wall clock, and says so, when the CPU time cannot be read', async () => {
    const proc = {
      ...spawnHostProcess(['python3', '-c', 'import time; time.sleep(30)'], '/tmp'),
      cpuSource: undefined,
    };
    const c = createBotClient(proc);
    clients.push(c);
    expect(await c.request({}, 100)).toMatchObject({
      ok: false,
      fault: {
        kind: 'timeout',
        detail: expect.stringMatching(/^no reply within 100 ms of wall clock \(CPU time not readable: /),
      },
    });
  });

  it('reports a reply that is not JSON as bad_output and carries on', async () => {
    const c = py(
      'import sys\nfor i, l in enumerate(sys.stdin):\n    print("hello" if i == 0 else l.strip(), flush=True)\n',
    );
    expect(await c.request({ a: 1 }, PATIENT_MS)).toMatchObject({ ok: false, fault: { kind: 'bad_output' } });
    expect(await c.request({ a: 2 }, PATIENT_MS)).toMatchObject({ ok: true, value: { a: 2 } });
  });

  it('reports a crash with the tail of stderr, then fails fast', async () => {
    const c = py('import sys\nsys.stdin.readline()\nsys.stderr.write("boom: bad strategy\\n")\nsys.exit(3)\n');
    const r = await c.request({}, PATIENT_MS);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.fault.kind).toBe('crash');
      expect(r.fault.detail).toContain('code 3');
      expect(r.fault.detail).toContain('boom: bad strategy');
    }
    expect(await c.request({}, PATIENT_MS)).toMatchObject({ ok: false, fault: { kind: 'crash' } });
  });

  it('stops a bot that floods one endless line', async () => {
    const c = py('import sys\nsys.stdin.readline()\nwhile True: sys.stdout.write("x" * 65536)\n', {
      maxLineBytes: 100_000,
    });
    expect(await c.request({}, PATIENT_MS)).toMatchObject({ ok: false, fault: { kind: 'output_limit' } });
  });

  it('stops a bot that floods lines nobody asked for', async () => {
    const { c, proc } = spawnPy('import sys\nwhile True: print("{}", flush=True)\n', { maxUnsolicitedLines: 50 });
    // The client kills the bot once it has dropped 50 lines: wait for that exit, however long
    // Python takes to start, before asking (a request sent earlier would take a "{}" as its reply).
    await proc.exited;
    expect(await c.request({}, PATIENT_MS)).toMatchObject({ ok: false, fault: { kind: 'output_limit' } });
  });

  it('turns a reply nested too deep to describe into bad_output with a short detail, and carries on', async () => {
    // 32,000 nested arrays: valid JSON under the 64 KB line cap; describing it recursively
    // overflowed the stack. The client refuses it before anything downstream sees it.
    const c = py(
      `import sys\nfor i, l in enumerate(sys.stdin):\n    print("[" * 32000 + "]" * 32000 if i == 0 else l.strip(), flush=True)\n`,
    );
    const r = await c.request({ a: 1 }, PATIENT_MS);
    expect(r).toMatchObject({ ok: false, fault: { kind: 'bad_output' } });
    if (!r.ok) {
      expect(r.fault.detail).toMatch(/nest/);
      expect(r.fault.detail.length).toBeLessThanOrEqual(300);
    }
    expect(await c.request({ a: 2 }, PATIENT_MS)).toMatchObject({ ok: true, value: { a: 2 } });
  });

  it('keeps fault details short and free of terminal escapes, whatever the bot wrote', async () => {
    const esc = '\\x1b]0;pwned\\x07\\x1b[2J\\r\\u009b31m';
    const c = py(
      `import sys\nsys.stdin.readline()\nprint("${esc}" + "x" * 60000, flush=True)\nsys.stdin.readline()\nsys.stderr.write(("${esc}" + "y" * 3000 + "\\n") * 3)\nsys.exit(4)\n`,
    );
    const garbage = await c.request({}, PATIENT_MS);
    const crash = await c.request({}, PATIENT_MS);
    for (const r of [garbage, crash]) {
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.fault.detail.length).toBeLessThanOrEqual(1000);
      // eslint-disable-next-line no-control-regex
      expect(r.fault.detail).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    }
    expect(garbage).toMatchObject({ fault: { kind: 'bad_output' } });
    expect(crash).toMatchObject({ fault: { kind: 'crash' } });
  });

  it('keeps only the tail of stderr', async () => {
    const c = py(
      'import sys\nsys.stderr.write("a" * 100000 + "END")\nsys.stderr.flush()\nfor l in sys.stdin: print(l.strip(), flush=True)\n',
      { stderrTailBytes: 1000 },
    );
    await c.request({}, PATIENT_MS);
    expect(c.stderrTail().length).toBeLessThanOrEqual(1000);
    expect(c.stderrTail().endsWith('END')).toBe(true);
  });
});
