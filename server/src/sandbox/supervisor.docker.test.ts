// The in-container supervisor (supervisor.ts) against real containers: sims cost the Docker
// daemon no exec, the supervisor's privileges never reach a bot (the prober shows that it would
// notice if they did), it runs nothing as root, and its death is the infrastructure's failure,
// recovered from like a dead container.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import type { Readable } from 'node:stream';
import { join } from 'node:path';
import { getArena } from '../arenas.ts';
import { createBotClient } from '../compete/bot-client.ts';
import { openRuntime } from '../compete/runtime.ts';
import { playSeries } from '../compete/series.ts';
import { FIXTURE_BOTS } from '../paths.ts';
import { removeContainers } from './cleanup.ts';
import { docker } from './docker-client.ts';
import { isInfraError } from './infra-error.ts';
import { PROCESS_UID_BASE, sandboxGid } from './limits.ts';
import { createSandbox } from './sandbox.ts';
import { Supervisor } from './supervisor.ts';

const { arena, starter } = getArena('battlesnake');
const runId = `test-supervisor-${process.pid}`;
const limits = { memoryMb: 256, cpus: 1, pids: 64 };
const prober = join(FIXTURE_BOTS, 'prober');
const PATIENT_MS = 30_000;

afterAll(async () => {
  await removeContainers(runId);
});

const botBox = (codeDir: string) =>
  createSandbox({
    image: arena.manifest.image,
    runId,
    role: 'test',
    limits,
    mounts: [{ host: codeDir, container: '/code', readOnly: true }],
    workdir: '/code',
    pipes: true,
    processUsers: true,
  });

/** Docker's exec_create events for one container, as they arrive. */
async function execEvents(containerId: string) {
  const stream = (await docker().getEvents({
    filters: { type: ['container'], event: ['exec_create'], container: [containerId] },
  })) as Readable;
  const seen: string[] = [];
  const waiters: (() => void)[] = [];
  let buf = '';
  stream.on('data', (chunk: Buffer) => {
    buf += chunk.toString();
    for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
      const ev = JSON.parse(buf.slice(0, nl)) as { Action: string };
      buf = buf.slice(nl + 1);
      seen.push(ev.Action);
      for (const w of waiters.splice(0)) w();
    }
  });
  return {
    seen,
    /** Resolves once an event whose action contains `text` has arrived. */
    until: (text: string) =>
      new Promise<void>((resolve) => {
        const check = () => (seen.some((a) => a.includes(text)) ? resolve() : waiters.push(check));
        check();
      }),
    stop: () => stream.destroy(),
  };
}

describe('the in-container supervisor', () => {
  it('starts and ends every bot process of a series without a docker exec', async () => {
    const a = await openRuntime('a', starter, { mode: 'docker', arena, runId, limits, role: 'test' });
    const b = await openRuntime('b', starter, { mode: 'docker', arena, runId, limits, role: 'test' });
    const events = await Promise.all([a, b].map((r) => execEvents(r.sandbox!.id)));
    try {
      const s = await playSeries({
        arena,
        args: arena.parseArgs({}),
        players: [a, b],
        sims: 3,
        concurrency: 1,
        seedParts: ['supervisor', 'no-exec'],
        deadlineMs: PATIENT_MS,
      });
      expect(s.results).toHaveLength(3);
      expect(s.results.flatMap((r) => r.result.faults)).toEqual([]);
      // A marker exec after the series: once its event is in, every earlier one is too.
      for (const [i, r] of [a, b].entries()) {
        await r.sandbox!.exec('echo codearena-marker');
        await events[i]!.until('codearena-marker');
        expect(events[i]!.seen.filter((x) => !x.includes('codearena-marker'))).toEqual([]);
      }
    } finally {
      for (const e of events) e.stop();
      await Promise.all([a.dispose(), b.dispose()]);
    }
  });

  it('a bot it starts holds no capability, cannot take another uid, signal or reach another process', async () => {
    const sb = await botBox(prober);
    try {
      const c = createBotClient(await sb.spawn(['./run'], { cwd: '/code', pipes: true }));
      const r = await c.request({ type: 'move' }, PATIENT_MS);
      expect(r).toMatchObject({ ok: true, value: { move: 'up' } });
      await c.close();
    } finally {
      await sb.dispose();
    }
  });

  it("the prober notices the supervisor's privileges and a leaked descriptor (as root, beside it)", async () => {
    const sb = await botBox(prober);
    try {
      // The same probes run as the supervisor runs (root with its two capabilities: what a bot
      // would be if they reached it) with a descriptor left open: each breach is reported. (The
      // signal and stdio probes need CAP_KILL or CAP_SYS_PTRACE to fire, which no process of
      // this container can hold: `docker exec --privileged` is refused under no-new-privileges.)
      const r = spawnSync(
        'docker',
        [
          ...['exec', '-u', '0:0', '-w', '/code', sb.id],
          ...['sh', '-c', 'exec 7</dev/null; exec python3 bot.py </dev/null'],
        ],
        { encoding: 'utf8' },
      );
      expect(r.status).toBe(3);
      for (const breach of ['root user', 'capabilities', 'switch uid', 'inherited descriptors'])
        expect(r.stderr).toContain(breach);
    } finally {
      await sb.dispose();
    }
  });

  it('refuses to run anything as root', async () => {
    const sb = await botBox(starter);
    try {
      const sup = await Supervisor.start(docker().getContainer(sb.id));
      try {
        const err = await sup.run({ uid: 0, gid: 0, argv: ['/bin/true'], env: {} }).catch((e: unknown) => e);
        expect(isInfraError(err)).toBe(true);
        expect(String(err)).toMatch(/other than root/);
        const ok = await sup.run({ uid: PROCESS_UID_BASE + 77, gid: sandboxGid(), argv: ['/bin/true'], env: {} });
        expect(await ok.exited).toBe(0);
      } finally {
        sup.stop();
      }
    } finally {
      await sb.dispose();
    }
  });

  it('a supervisor that dies is an infrastructure failure: health says so, the runtime replaces the container', async () => {
    const rt = await openRuntime('a', starter, { mode: 'docker', arena, runId, limits, role: 'test' });
    try {
      const first = await rt.startBot();
      expect(await first.request({ type: 'move' }, PATIENT_MS)).toMatchObject({ ok: true });
      await first.close();
      execFileSync('docker', ['exec', '-u', '0:0', rt.sandbox!.id, 'pkill', '-KILL', '-u', '0', 'python3']);
      // The end of its stream is what the host sees; health() reports it from then on.
      let problem: string | null = null;
      while (!problem) problem = await rt.checkInfra();
      expect(problem).toMatch(/supervisor ended/);
      // (A spare started before the kill may still serve one more sim: it runs on unharmed.)
      const err = await rt.sandbox!.spawn(['./run'], { cwd: '/code', pipes: true }).catch((e: unknown) => e);
      expect(isInfraError(err)).toBe(true);
      await rt.recover();
      expect(rt.generation).toBe(1);
      expect(await rt.checkInfra()).toBeNull();
      const again = await rt.startBot();
      expect(await again.request({ type: 'move' }, PATIENT_MS)).toMatchObject({ ok: true });
      await again.close();
    } finally {
      await rt.dispose();
    }
  });
});
