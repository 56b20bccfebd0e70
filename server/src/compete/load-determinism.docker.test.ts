// Same seed ⇒ same results, however busy the host: every process arena plays the same sims
// (starter vs a reference bot, sandboxed as in a tournament) on a quiet host and again beside 4
// CPU burners per core, and every sim ends the same (ranks, turns, faults). Turn budgets are CPU
// time (bot-client.ts); with wall-clock deadlines, load turned into timeouts and changed outcomes.
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { LimitsConfig } from '@codearena/protocol';
import { getArena } from '../arenas.ts';
import { arenaDir } from '../paths.ts';
import { removeContainers } from '../sandbox/cleanup.ts';
import { sandboxLimitsFrom } from '../sandbox/limits.ts';
import { type PlayerRuntime, openRuntime } from './runtime.ts';
import { playSeries } from './series.ts';
import type { createBotClient } from './bot-client.ts';

type BotClientOf = ReturnType<typeof createBotClient>;
const runId = `test-load-determinism-${process.pid}`;
const limits = sandboxLimitsFrom(LimitsConfig.parse({}));
/** Sims per arena and load, seeded as `codearena match --seed 5`: each test stays well under two
 *  minutes on 2 busy cores. */
const SIMS = 10;

let burners: ChildProcess[] = [];
/** Spins `availableParallelism() * 4` processes until stopBurners(); resolves once all run. */
async function startBurners(): Promise<void> {
  burners = Array.from({ length: availableParallelism() * 4 }, () =>
    spawn(process.execPath, ['-e', 'process.stdout.write("go\\n"); for (;;) {}'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  );
  await Promise.all(burners.map((b) => new Promise((started) => b.stdout?.once('data', started))));
}
async function stopBurners(): Promise<void> {
  await Promise.all(
    burners.splice(0).map((b) => {
      const gone = new Promise((r) => b.once('exit', r));
      if (b.exitCode === null && b.signalCode === null) b.kill('SIGKILL');
      else return;
      return gone;
    }),
  );
}
afterEach(stopBurners);
afterAll(() => removeContainers(runId));

/** Each sim's result as far as scoring goes: ranks, turns, and fault kinds and counts (details
 *  hold CPU and wall figures, which vary). */
async function play(arenaId: string, dirs: [string, string][], o: { sims?: number; deadlineMs?: number } = {}) {
  const { arena } = getArena(arenaId);
  const players: PlayerRuntime[] = [];
  try {
    const sources: unknown[] = [];
    for (const [name, dir] of dirs) {
      const rt = await openRuntime(name, dir, { mode: 'docker', arena, runId, limits, role: 'test' });
      const start = rt.startBot.bind(rt);
      // Every bot must be timed by its CPU time: a fall-back to the wall clock would pass on luck.
      rt.startBot = async () => {
        const c = (await start()) as BotClientOf;
        sources.push(await c.cpuSource());
        return c;
      };
      players.push(rt);
    }
    const { results } = await playSeries({
      arena,
      args: arena.parseArgs({}),
      players,
      sims: o.sims ?? SIMS,
      concurrency: 2,
      seedParts: ['match', 5],
      deadlineMs: o.deadlineMs ?? arena.manifest.turnDeadlineMs,
    });
    expect(sources.filter((src) => !(typeof src === 'object' && src && 'pid' in src))).toEqual([]);
    return results
      .sort((a, b) => a.sim - b.sim)
      .map(({ sim, result: r }) => ({
        sim,
        ranks: r.ranks,
        turns: r.turns,
        faults: r.faults.map((f) => `${f.player} ${f.kind} ×${f.count}`).sort(),
      }));
  } finally {
    await Promise.all(players.map((p) => p.dispose()));
  }
}

const PAIRS: [string, string][] = [
  ['battlesnake', 'reference-js'],
  ['poker', 'reference-js'],
  ['halite', 'overkill'],
  ['robotrumble', 'hunter'],
];

describe('results under load', () => {
  it.each(PAIRS)(
    '%s: starter vs %s, the same seeds give the same sims beside 4 busy processes per core',
    async (arenaId, reference) => {
      const dirs: [string, string][] = [
        ['starter', join(arenaDir(arenaId), 'starter')],
        [reference, join(arenaDir(arenaId), 'bots', reference)],
      ];
      const quiet = await play(arenaId, dirs);
      await startBurners();
      const busy = await play(arenaId, dirs);
      await stopBurners();
      expect(quiet.length).toBe(SIMS);
      expect(busy).toEqual(quiet);
    },
    600_000,
  );
});

describe('a bot that spends a third of its budget', () => {
  it('plays the same sims beside 4 busy processes per core (a wall-clock deadline made it late)', async () => {
    // The BattleSnake starter, spinning 30 ms of CPU before each move, against itself at a 100 ms
    // budget: beside the burners it gets about a fifth of a core, so 30 ms of CPU takes ~150 ms.
    const dir = mkdtempSync(join(tmpdir(), 'codearena-heavy-'));
    try {
      cpSync(join(arenaDir('battlesnake'), 'starter'), dir, { recursive: true });
      writeFileSync(
        join(dir, 'heavy.py'),
        [
          'import runpy, sys, time',
          'class Heavy:',
          '    def __init__(self, f): self.f = f',
          '    def __iter__(self): return self',
          '    def __next__(self):',
          '        line = self.f.readline()',
          '        if not line: raise StopIteration',
          '        t = time.process_time()',
          '        while time.process_time() - t < 0.03: pass',
          '        return line',
          'sys.stdin = Heavy(sys.stdin)',
          'sys.path.insert(0, sys.argv[1])',
          "runpy.run_path(sys.argv[1] + '/main.py', run_name='__main__')",
          '',
        ].join('\n'),
      );
      writeFileSync(
        join(dir, 'run'),
        '#!/bin/sh\nexport PYTHONDONTWRITEBYTECODE=1\nexec python3 -u "$(dirname "$0")/heavy.py" "$(dirname "$0")/bot"\n',
      );
      chmodSync(join(dir, 'run'), 0o755);
      chmodSync(dir, 0o755); // bots run as uids of their own in the container
      const dirs: [string, string][] = [
        ['heavy-a', dir],
        ['heavy-b', dir],
      ];
      const quiet = await play('battlesnake', dirs, { sims: 3, deadlineMs: 100 });
      await startBurners();
      const busy = await play('battlesnake', dirs, { sims: 3, deadlineMs: 100 });
      await stopBurners();
      expect(quiet.flatMap((r) => r.faults)).toEqual([]);
      expect(quiet.every((r) => r.turns > 1)).toBe(true);
      expect(busy).toEqual(quiet);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});

describe('a sandboxed bot', () => {
  it('is timed by the CPU time of its processes in the container, found through its host pid', async () => {
    // Replies at once to the first request; spins 2 s of CPU in a child process on the second.
    const dir = mkdtempSync(join(tmpdir(), 'codearena-cpu-'));
    const bot = join(dir, 'run');
    writeFileSync(
      bot,
      `#!/bin/sh\nread -r line; echo '{}'\nread -r line; python3 -c 'import time\nt = time.process_time()\nwhile time.process_time() - t < 2: pass'; echo '{}'\nread -r line\n`,
    );
    chmodSync(bot, 0o755);
    chmodSync(dir, 0o755); // bots run as uids of their own in the container
    const { arena } = getArena('battlesnake');
    const rt = await openRuntime('spinner', dir, { mode: 'docker', arena, runId, limits, role: 'test' });
    try {
      const c = (await rt.startBot()) as BotClientOf;
      expect(await c.cpuSource()).toEqual({ pid: expect.any(Number) });
      expect(await c.request({}, 60_000)).toMatchObject({ ok: true });
      expect(await c.request({}, 300)).toMatchObject({
        ok: false,
        fault: { kind: 'timeout', detail: expect.stringMatching(/^used \d+ ms of CPU, budget 300 ms$/) },
      });
      await c.close();
    } finally {
      await rt.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
