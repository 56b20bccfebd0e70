// The Docker tier of the conformance suite: every registered arena with real bot programs in
// real sandboxes. The starter validates and plays every reference bot with zero faults; bots
// that write garbage, flood or never answer become faults (never exceptions) and the sim still
// ends; `codearena match` prints its JSON. A new arena gets all of it by registering.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '@codearena/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { arenaIds, getArena } from '../arenas.ts';
import { type PlayerRuntime, openRuntime } from '../compete/runtime.ts';
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

  it('the starter and every reference bot validate', async () => {
    const dirs: [string, string][] = [['starter', entry.starter], ...Object.entries(entry.bots)];
    await withRuntimes(dirs, async (rts) => {
      for (const rt of rts) {
        const v = await validateCodebase(arena, rt);
        expect(v.ok, `${rt.name}: ${v.detail}`).toBe(true);
      }
    });
  });

  it.each(Object.keys(entry.bots))('the starter plays %s with zero faults', async (bot) => {
    const s = await withRuntimes(
      [
        ['starter', entry.starter],
        [bot, entry.bots[bot]!],
      ],
      (rts) =>
        playSeries({
          arena,
          args,
          players: rts,
          sims: 2,
          concurrency: 1,
          seedParts: ['conformance', id, bot],
          deadlineMs: PATIENT_MS,
          engineHost: { runId, role: 'test', cpus: 1 },
        }),
    );
    expect(s.results.flatMap((r) => r.result.faults)).toEqual([]);
    for (const r of s.results) expect(r.result.turns).toBeGreaterThan(0);
  });

  describe.skipIf(!isProcess)('hostile bots (any JSON-lines arena)', () => {
    const versus = (hostile: string) =>
      withRuntimes(
        [
          ['hostile', join(FIXTURE_BOTS, hostile)],
          ['starter', entry.starter],
        ],
        (rts) =>
          playSeries({
            arena,
            args,
            players: rts,
            sims: 1,
            concurrency: 1,
            seedParts: ['hostile', id, hostile],
            deadlineMs: HOSTILE_DEADLINE_MS,
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
      ['babbler', 'answers every line with garbage', ['bad_output', 'invalid_move', 'output_limit']],
      ['bigline', 'answers with a 10 MB line', ['output_limit']],
      ['silent', 'never answers', ['timeout']],
    ])('%s (%s): faults, the sim still ends, the opponent is unharmed', async (hostile, _what, expected) => {
      const s = await versus(hostile);
      expect(s.results).toHaveLength(1);
      const r = s.results[0]!.result;
      expect(Object.keys(r.ranks).sort()).toEqual(['hostile', 'starter']);
      const got = kinds(s, 'hostile');
      expect(
        [...got].some((k) => expected.includes(k)),
        `fault kinds: ${[...got].join(', ')}`,
      ).toBe(true);
      expect([...kinds(s, 'starter')].filter((k) => k !== 'timeout')).toEqual([]);
    });

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
      ? replyKey(arena, arena.init(['p0', 'p1'], createRng(`hostile/${id}`).fork('init'), args, new Map()), [
          'p0',
          'p1',
        ])
      : 'move';

    it.each(hostileReplies(key).map((h) => [h.label, h.line] as const))(
      'a reply of %s fails validation and faults in a sim, with short details; the opponent is unharmed',
      async (_label, line) => {
        await withRuntimes(
          [
            ['hostile', hostileCodebase(line)],
            ['starter', entry.starter],
          ],
          async ([hostile, starter]) => {
            const v = await validateCodebase(arena, hostile!);
            expect(v.ok).toBe(false);
            // The message holds the fault detail and the bot's (empty) stderr tail.
            expect(v.detail.length, v.detail.slice(0, 200)).toBeLessThanOrEqual(MAX_DETAIL + 400);
            const s = await playSeries({
              arena,
              args,
              players: [hostile!, starter!],
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
          },
        );
      },
    );
  });

  // The command runs at the arena's own turn deadline, so on a busy machine replies may be late:
  // fault counts are checked for shape only (zero faults is the PATIENT_MS series above).
  it('`codearena match` plays the starter against the reference bot and prints JSON', () => {
    const bots = Object.entries(entry.bots);
    const [bot, dir] = bots.find(([name]) => name.startsWith('reference')) ?? bots[0]!;
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
