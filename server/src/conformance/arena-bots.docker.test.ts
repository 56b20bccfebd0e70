// The Docker tier of the conformance suite: every registered arena with real bot programs in
// real sandboxes. The starter and every reference bot validate, and the starter plays every one
// with zero faults (two sims against the arena's reference bot, one against each other); bots
// that write garbage, flood or never answer become faults (never exceptions) and the sim still
// ends; `codearena match` prints its JSON. A new arena gets all of it by registering.
//
// Cost: as in a tournament round, each codebase gets one container per arena, validated and then
// played in (sims are independent: every bot process is fresh, under a uid of its own), so the
// suite does not pay a container start per test.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '@codearena/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arenaIds, getArena } from '../arenas.ts';
import { type PlayerRuntime, openRuntime } from '../compete/runtime.ts';
import { mapPool } from '../compete/pool.ts';
import { playSeries } from '../compete/series.ts';
import { validateCodebase } from '../compete/validate.ts';
import { FIXTURE_BOTS, ROOT } from '../paths.ts';
import { listContainers, removeContainers } from '../sandbox/cleanup.ts';
import { MAX_DETAIL, hostileReplies, replyKey } from './hostile-replies.ts';

const runId = `test-conformance-${process.pid}`;
const limits = { memoryMb: 256, cpus: 1, pids: 64 };
/**
 * Deadline for sims whose subject is not lateness: generous, so only a bot that does not answer
 * trips it (on a busy machine a Python bot can take seconds per reply). How fast bots answer is
 * `npm run bench`'s business.
 */
const PATIENT_MS = 30_000;
/** Short, so the bot that never answers costs little. The starter may then be late too on a busy
 * machine: those timeouts are the machine's, so its checks below ignore them. */
const HOSTILE_DEADLINE_MS = 150;
/** The bot that never answers costs one wall-clock cap, then this budget every turn of the game:
 *  a short one (a turn budget is CPU time, so it takes no more of a loaded host than of a quiet
 *  one). Its first request's cap is 5 × (budget + the arena's start-up grace) of waiting on
 *  nothing, up to 50 s: the silent sim plays with no grace, which its checks do not depend on. */
const SILENT_DEADLINE_MS = 20;
/**
 * A short game in each arena's own args (fewer turns, hands, rounds or a small map): enough for a
 * smoke sim against every bot and for the hostile sims, which show that faults are recorded and
 * the sim still ends, as a whole game would (a silent or faulting bot makes the game run its
 * full length). The full game is played against the reference bot; an arena missing here plays
 * its defaults everywhere.
 */
const SHORT_GAME: Record<string, unknown> = {
  battlesnake: { max_turns: 40 },
  halite: { width: 12, height: 12 },
  poker: { hands: 4 },
  robocode: { rounds: 2 },
  robotrumble: { max_turns: 20 },
};
/** Arenas without a `reference*` bot: the strong one the starter plays a full game against. */
const FULL_GAME_OPPONENT: Record<string, string> = { halite: 'overkill', robocode: 'surfer', robotrumble: 'hunter' };
/** What no stored fault detail may hold raw: controls, C1, bidi overrides. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

afterAll(async () => {
  await removeContainers(runId);
});

describe.each(arenaIds())('arena %s with real bots', (id) => {
  const entry = getArena(id);
  const { arena } = entry;
  const args = arena.parseArgs({});
  const short = arena.parseArgs(SHORT_GAME[id] ?? {});
  const isProcess = arena.manifest.botKind === 'process';

  async function withRuntimes<T>(dirs: [string, string][], fn: (rts: PlayerRuntime[]) => Promise<T>): Promise<T> {
    const rts: PlayerRuntime[] = [];
    try {
      for (const [name, dir] of dirs)
        rts.push(await openRuntime(name, dir, { mode: 'docker', arena, runId, limits, role: 'test' }));
      return await fn(rts);
    } finally {
      await Promise.all(rts.map((r) => r.dispose()));
    }
  }

  // The starter's and the reference bots' containers, shared by this arena's tests.
  const shared = new Map<string, PlayerRuntime>();
  const runtime = (name: string) => shared.get(name) ?? expect.fail(`no container for ${name} (did beforeAll fail?)`);
  beforeAll(async () => {
    for (const [name, dir] of [['starter', entry.starter], ...Object.entries(entry.bots)] as const)
      shared.set(name, await openRuntime(name, dir, { mode: 'docker', arena, runId, limits, role: 'test' }));
  }, 300_000);
  afterAll(async () => {
    await Promise.all([...shared.values()].map((r) => r.dispose()));
    shared.clear();
  });

  it('the starter and every reference bot validate', async () => {
    // Two at a time, as a tournament validates its players side by side (2 cores here).
    const checks = await mapPool([...shared.values()], 2, async (rt) => ({ rt, v: await validateCodebase(arena, rt) }));
    for (const { rt, v } of checks.map((c) => c!)) expect(v.ok, `${rt.name}: ${v.detail}`).toBe(true);
  });

  const bots = Object.keys(entry.bots);
  /** The bot `codearena match` plays below too: the arena's reference implementation, else the
   *  strong bot its bench plays (FULL_GAME_OPPONENT), so the full game is a long, hard one. */
  const reference = bots.find((name) => name.startsWith('reference')) ?? FULL_GAME_OPPONENT[id] ?? bots[0]!;
  it.each(bots)('the starter plays %s with zero faults', async (bot) => {
    const s = await playSeries({
      arena,
      // Two whole games against the reference bot; every other bot's protocol is shown by a short one.
      args: bot === reference ? args : short,
      players: [runtime('starter'), runtime(bot)],
      sims: bot === reference ? 2 : 1,
      concurrency: 1,
      seedParts: ['conformance', id, bot],
      deadlineMs: PATIENT_MS,
      engineHost: { runId, role: 'test', cpus: 1 },
    });
    expect(s.results).toHaveLength(bot === reference ? 2 : 1);
    expect(s.results.flatMap((r) => r.result.faults)).toEqual([]);
    for (const r of s.results) expect(r.result.turns).toBeGreaterThan(0);
  });

  describe.skipIf(!isProcess)('hostile bots (any JSON-lines arena)', () => {
    const graceless = { ...arena, manifest: { ...arena.manifest, startupGraceMs: 0 } };
    const versus = (hostile: string, deadlineMs: number) =>
      withRuntimes([['hostile', join(FIXTURE_BOTS, hostile)]], ([rt]) =>
        playSeries({
          arena: hostile === 'silent' ? graceless : arena,
          args: short,
          players: [rt!, runtime('starter')],
          sims: 1,
          concurrency: 1,
          seedParts: ['hostile', id, hostile],
          deadlineMs,
        }),
      );
    const kinds = (s: Awaited<ReturnType<typeof versus>>, player: string) =>
      new Set(
        s.results
          .flatMap((r) => r.result.faults)
          .filter((f) => f.player === player)
          .map((f) => f.kind),
      );

    it.each([
      [
        'babbler',
        'answers every line with garbage',
        ['bad_output', 'invalid_move', 'output_limit'],
        HOSTILE_DEADLINE_MS,
      ],
      ['bigline', 'answers with a 10 MB line', ['output_limit'], HOSTILE_DEADLINE_MS],
      ['silent', 'never answers', ['timeout'], SILENT_DEADLINE_MS],
    ] as const)(
      '%s (%s): faults, the sim still ends, the opponent is unharmed',
      async (hostile, _what, expected, ms) => {
        const s = await versus(hostile, ms);
        expect(s.results).toHaveLength(1);
        const r = s.results[0]!.result;
        expect(Object.keys(r.ranks).sort()).toEqual(['hostile', 'starter']);
        const got = kinds(s, 'hostile');
        expect(
          [...got].some((k) => (expected as readonly string[]).includes(k)),
          `fault kinds: ${[...got].join(', ')}`,
        ).toBe(true);
        expect([...kinds(s, 'starter')].filter((k) => k !== 'timeout')).toEqual([]);
      },
    );

    // One codebase per hostile reply line: it answers every line it reads with that line.
    const hostileDirs: string[] = [];
    afterAll(() => {
      for (const d of hostileDirs.splice(0)) rmSync(d, { recursive: true, force: true });
    });
    function hostileCodebase(line: string): string {
      const dir = mkdtempSync(join(tmpdir(), 'codearena-hostile-reply-'));
      hostileDirs.push(dir);
      writeFileSync(join(dir, 'reply.txt'), line);
      writeFileSync(
        join(dir, 'bot.py'),
        'import os, sys\nreply = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "reply.txt"), "rb").read() + b"\\n"\nfor _ in sys.stdin:\n    sys.stdout.buffer.write(reply); sys.stdout.flush()\n',
      );
      writeFileSync(join(dir, 'run'), '#!/bin/sh\nexec python3 -u "$(dirname "$0")/bot.py"\n');
      // The sandbox user is not root: it must be able to read (and run) the copy.
      chmodSync(join(dir, 'run'), 0o755);
      chmodSync(join(dir, 'bot.py'), 0o644);
      chmodSync(join(dir, 'reply.txt'), 0o644);
      chmodSync(dir, 0o755);
      return dir;
    }
    const key = isProcess
      ? replyKey(arena, arena.init(['p0', 'p1'], createRng(`hostile/${id}`).fork('init'), short, new Map()), [
          'p0',
          'p1',
        ])
      : 'move';

    it.each(hostileReplies(key).map((h) => [h.label, h.line] as const))(
      'a reply of %s fails validation and faults in a sim, with short details; the opponent is unharmed',
      async (_label, line) => {
        const starter = runtime('starter');
        await withRuntimes([['hostile', hostileCodebase(line)]], async ([hostile]) => {
          const v = await validateCodebase(arena, hostile!);
          expect(v.ok).toBe(false);
          // The message holds the fault detail and the bot's (empty) stderr tail.
          expect(v.detail.length, v.detail.slice(0, 200)).toBeLessThanOrEqual(MAX_DETAIL + 400);
          const s = await playSeries({
            arena,
            args: short,
            players: [hostile!, starter],
            sims: 1,
            concurrency: 1,
            seedParts: ['hostile-reply', id],
            deadlineMs: PATIENT_MS,
            keepFrames: true,
          });
          expect(s.results).toHaveLength(1);
          const r = s.results[0]!.result;
          // What the run folder and the events keep of it (replay with every frame, fault
          // tallies) serialises, and stays small.
          expect(JSON.stringify(r.faults).length).toBeLessThan(4 * MAX_DETAIL);
          expect(() => JSON.stringify(r)).not.toThrow();
          expect(Object.keys(r.ranks).sort()).toEqual(['hostile', 'starter']);
          const faults = r.faults.filter((f) => f.player === 'hostile');
          expect(faults.length).toBeGreaterThan(0);
          for (const f of faults) {
            expect(['bad_output', 'invalid_move']).toContain(f.kind);
            expect(f.detail.length).toBeLessThanOrEqual(MAX_DETAIL);
            expect(f.detail).not.toMatch(CONTROL);
          }
          expect(r.faults.filter((f) => f.player === 'starter')).toEqual([]);
        });
      },
    );
  });

  // The command runs at the arena's own turn deadline, so on a busy machine replies may be late:
  // fault counts are checked for shape only (zero faults is the PATIENT_MS series above).
  it('`codearena match` plays the starter against the reference bot and prints JSON', () => {
    const [bot, dir] = [reference, entry.bots[reference]!];
    const r = spawnSync(
      'node',
      [join(ROOT, 'server', 'bin', 'codearena.js'), 'match', id, entry.starter, dir, '--sims', '2', '--json'],
      {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
        timeout: 300_000,
      },
    );
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      sims: number;
      players: { name: string; wins: number; losses: number; ties: number; faults: number }[];
    };
    expect(out.sims).toBe(2);
    expect(out.players.map((p) => p.name)).toEqual(['starter', bot]);
    for (const p of out.players) {
      expect(Object.keys(p).sort()).toEqual(['faults', 'losses', 'name', 'ties', 'wins']);
      expect(p.wins + p.losses + p.ties).toBe(2);
      expect(Number.isInteger(p.faults) && p.faults >= 0).toBe(true);
    }
  });
});

describe('cleanup', () => {
  it('leaves no containers behind', async () => {
    expect(await listContainers(runId)).toEqual([]);
  });
});
