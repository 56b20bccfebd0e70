// The pure tier of the conformance suite: every registered arena, whole sims in-process with
// scripted players. A new arena gets all of it by registering in server/src/arenas.ts.
//   same seed ⇒ same game; init/observe/parseMove/step/outcome/frame keep their contracts;
//   garbage replies are faults, never exceptions; every sim ends within maxTurns;
//   BRIEF.md, a starter, reference bots and a web renderer exist.
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ArenaManifest,
  type Arena,
  type CodebaseReader,
  Outcome,
  type PlayerId,
  createRng,
  isFault,
} from '@codearena/protocol';
import { describe, expect, it } from 'vitest';
import { arenaIds, getArena } from '../arenas.ts';
import { hostCodebaseReader } from '../compete/codebase-reader.ts';
import { MAX_DETAIL, hostileReplies, replyKey } from './hostile-replies.ts';
import { garbageReplies, playInProcess, type PlayOptions } from './play.ts';

const playersOf = (n: number): PlayerId[] => Array.from({ length: n }, (_, i) => `p${i}`);
const counts = (a: Arena): number[] => {
  const { min, max } = a.manifest.players;
  return Array.from({ length: max - Math.max(2, min) + 1 }, (_, i) => Math.max(2, min) + i);
};

describe.each(arenaIds())('arena %s', (id) => {
  const entry = getArena(id);
  const { arena } = entry;
  const args = arena.parseArgs({});

  /** Every player's codebase: a shipped one (starter, then the bots in turn). */
  const readersFor = (players: PlayerId[]): Map<PlayerId, CodebaseReader> => {
    const dirs = [entry.starter, ...Object.values(entry.bots)];
    return new Map(players.map((p, i) => [p, hostCodebaseReader(dirs[i % dirs.length]!)]));
  };
  /** What the arena loads of those codebases (data bots; nothing for process bots). */
  async function loadedFor(players: PlayerId[]): Promise<ReadonlyMap<PlayerId, unknown>> {
    const out = new Map<PlayerId, unknown>();
    if (arena.manifest.botKind !== 'data') return out;
    for (const [p, reader] of readersFor(players)) out.set(p, await arena.loadPlayer(reader, args));
    return out;
  }
  const play = (n: number, o: Partial<PlayOptions> = {}) => {
    const players = playersOf(n);
    return playInProcess(arena, { players, seed: `conformance/${id}/${n}`, args, readers: readersFor(players), ...o });
  };

  describe('package', () => {
    it('has a valid manifest that matches arena.json and its folder', () => {
      // The file as written, not arena.manifest (already parsed, defaults filled, unknown keys
      // dropped, when the arena was imported): a key the schema does not know, or one the
      // schema's defaults would fill, is a difference here.
      const raw: unknown = JSON.parse(readFileSync(join(entry.dir, 'arena.json'), 'utf8'));
      const parsed = ArenaManifest.safeParse(raw);
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(parsed.data).toEqual(raw);
      expect(raw).toEqual(arena.manifest);
      expect(arena.manifest.id).toBe(id);
      expect(arena.manifest.players.max).toBeGreaterThanOrEqual(Math.max(2, arena.manifest.players.min));
    });

    it('ships BRIEF.md, a starter and reference bots', () => {
      expect(statSync(entry.brief).size).toBeGreaterThan(500);
      expect(existsSync(entry.starter)).toBe(true);
      expect(Object.keys(entry.bots).length).toBeGreaterThan(0);
      if (arena.manifest.botKind === 'process') {
        for (const dir of [entry.starter, ...Object.values(entry.bots)])
          expect(() => accessSync(join(dir, 'run'), constants.X_OK), dir).not.toThrow();
      }
    });

    it('has a web renderer that draws every frame of a sim', async () => {
      const file = join(entry.dir, 'renderer', 'index.ts');
      expect(existsSync(file), `${file} (see web/src/theater/renderer-types.ts)`).toBe(true);
      const { renderer } = (await import(pathToFileURL(file).href)) as { renderer: RendererLike };
      expect(renderer.arena).toBe(id);
      const frames = arena.engine ? recordedFrames(entry.dir, arena) : (await play(arena.manifest.players.max)).frames;
      expect(frames.length).toBeGreaterThan(0);
      const ctx = fakeCanvas();
      for (const f of frames.filter((_, i) => i % 7 === 0 || i === frames.length - 1)) {
        const frame = JSON.parse(f) as unknown;
        expect(renderer.aspect(frame)).toBeGreaterThan(0);
        expect(
          renderer.draw(ctx, frame, { width: 800, height: 600, colors: {} }),
          'the renderer rejected a real frame',
        ).toBe(true);
        const stats = renderer.stats?.(frame);
        if (stats) expect(stats.map((s) => s.id).sort()).toEqual(playersOf(playersIn(arena, f)).sort());
      }
      expect(renderer.draw(ctx, { not: 'a frame' }, { width: 800, height: 600, colors: {} })).toBe(false);
    });

    it('parses its default args and rejects unknown ones', () => {
      expect(() => arena.parseArgs(undefined)).not.toThrow();
      expect(() => arena.parseArgs({ no_such_option_anywhere: 1 })).toThrow();
    });
  });

  // Engine arenas play whole sims in their engine (the Docker tier plays them); here, the host's
  // side of that engine: what it does with hostile lines.
  describe.runIf(arena.engine)('engine lines', () => {
    const engine = arena.engine!;
    it('frames the engine did not send as its frames are dropped, never thrown', () => {
      for (const g of [
        ...garbageReplies(),
        ...hostileReplies('frame').map((h) => ({ label: h.label, value: h.line })),
      ]) {
        for (const raw of [g.value, typeof g.value === 'string' ? safeParse(g.value) : g.value]) {
          let frame: unknown;
          expect(() => (frame = engine.frame(raw, ['p0', 'p1'], args)), g.label).not.toThrow();
          expect(frame, g.label).toBeNull();
        }
      }
    });

    it('a real engine frame (recorded) becomes a viewer frame; one with the wrong seat count is dropped', () => {
      const raw = recordedEngineFrames(entry.dir);
      expect(raw.length).toBeGreaterThan(0);
      const seats = (raw[0] as { robots: unknown[] }).robots.length;
      expect(engine.frame(raw[0], playersOf(seats), args)).not.toBeNull();
      expect(engine.frame(raw[0], playersOf(seats + 1), args)).toBeNull();
    });

    it('malformed results are refused with a reason, never thrown', () => {
      for (const g of garbageReplies()) {
        const line =
          typeof g.value === 'object' && g.value !== null ? (g.value as Record<string, unknown>) : { g: g.value };
        let outcome: unknown;
        expect(() => (outcome = engine.outcome(line, ['p0', 'p1'])), g.label).not.toThrow();
        expect(typeof outcome, g.label).toBe('string');
      }
    });
  });

  describe.runIf(!arena.engine)('whole sims', () => {
    it.each(counts(arena))(
      '%i players: reach an outcome within maxTurns, every message and frame serialisable, old states untouched',
      async (n) => {
        const sim = await play(n, { purityChecks: 40 });
        expect(sim.problems).toEqual([]);
        expect(sim.outcome, `no outcome after ${sim.turns} turns`).not.toBeNull();
        expect(sim.turns).toBeLessThanOrEqual(arena.manifest.maxTurns);
        const o = Outcome.parse(sim.outcome);
        expect(Object.keys(o.ranks).sort()).toEqual(playersOf(n).sort());
        for (const r of Object.values(o.ranks)) expect(r).toBeLessThanOrEqual(n);
        expect(Math.min(...Object.values(o.ranks))).toBe(1);
        if (arena.manifest.botKind === 'process') expect(sim.messages.length).toBeGreaterThan(0);
      },
    );

    it.each(counts(arena))('%i players: the same seed gives the same game; another seed, another game', async (n) => {
      const a = await play(n);
      const b = await play(n);
      expect(b.frames.length).toBe(a.frames.length);
      expect(b.frames.join('\n') === a.frames.join('\n')).toBe(true);
      expect(b.messages.join('\n') === a.messages.join('\n')).toBe(true);
      expect(b.outcome).toEqual(a.outcome);
      const c = await play(n, { seed: `another/${id}/${n}` });
      expect(c.frames.join('\n') === a.frames.join('\n')).toBe(false);
    });

    it('players that always fault still get a finished sim; so does one faulting player among good ones', async () => {
      const n = Math.max(2, arena.manifest.players.min);
      const all = await play(n, { script: () => 'timeout' });
      expect(all.problems).toEqual([]);
      expect(all.outcome).not.toBeNull();
      const one = await play(n, { script: (p) => (p === 'p0' ? 'timeout' : 'sample') });
      expect(one.problems).toEqual([]);
      expect(one.outcome).not.toBeNull();
    });
  });

  describe.runIf(!arena.engine)('bot output', () => {
    it('garbage, oversized and misdirected replies are faults, never exceptions', async () => {
      const players = playersOf(Math.max(2, arena.manifest.players.min));
      const loaded = await loadedFor(players);
      const state = arena.init(players, createRng(`garbage/${id}`).fork('init'), args, loaded);
      for (const p of players) {
        for (const g of garbageReplies()) {
          let result: unknown;
          expect(() => (result = arena.parseMove(g.value, state, p)), `${g.label} for ${p}`).not.toThrow();
          expect(isFault(result), `${g.label} for ${p} gave ${JSON.stringify(result)?.slice(0, 100)}`).toBe(true);
        }
      }
    });

    it('hostile reply lines (deep nesting, __proto__, huge values, escapes) are faults with short, printable details', async () => {
      const players = playersOf(Math.max(2, arena.manifest.players.min));
      const loaded = await loadedFor(players);
      const state = arena.init(players, createRng(`hostile/${id}`).fork('init'), args, loaded);
      const key = replyKey(arena, state, players);
      for (const p of players) {
        for (const h of hostileReplies(key)) {
          // As the raw line (parseMove accepts it) and as the value JSON.parse makes of it.
          for (const [form, raw] of [
            ['line', h.line],
            ['value', JSON.parse(h.line) as unknown],
          ] as const) {
            let result: unknown;
            expect(() => (result = arena.parseMove(raw, state, p)), `${h.label} (${form}) for ${p}`).not.toThrow();
            expect(isFault(result), `${h.label} (${form}) for ${p} was taken as a move`).toBe(true);
            const { detail } = result as { detail: string };
            expect(detail.length, `${h.label} (${form}): detail of ${detail.length} chars`).toBeLessThanOrEqual(
              MAX_DETAIL,
            );
            expect(detail, `${h.label} (${form})`).not.toMatch(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/u);
          }
        }
      }
    });
  });
});

/** Engine frame lines recorded from a real battle (arenas/<id>/src/fixtures/engine-frames.jsonl):
 *  engine arenas have no in-process sims to take frames from. */
function recordedEngineFrames(dir: string): unknown[] {
  const file = join(dir, 'src', 'fixtures', 'engine-frames.jsonl');
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { frame: unknown }).frame);
}

/** The viewer frames of those recordings, serialised as replays hold them. */
function recordedFrames(dir: string, arena: Arena): string[] {
  const raw = recordedEngineFrames(dir);
  const seats = (raw[0] as { robots?: unknown[] } | undefined)?.robots?.length ?? 2;
  return raw
    .map((f) => arena.engine!.frame(f, playersOf(seats), arena.parseArgs({})))
    .filter((f) => f !== null)
    .map((f) => JSON.stringify(f));
}

/** Players in a serialised frame: the recorded frames' seats, or the arena's maximum. */
function playersIn(arena: Arena, frame: string): number {
  if (!arena.engine) return arena.manifest.players.max;
  return (JSON.parse(frame) as { players: unknown[] }).players.length;
}

const safeParse = (s: string): unknown => {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return s;
  }
};

interface RendererLike {
  arena: string;
  aspect(frame: unknown): number;
  draw(ctx: unknown, frame: unknown, view: { width: number; height: number; colors: Record<string, string> }): boolean;
  stats?(frame: unknown): { id: string }[] | null;
}

/** A 2D context that accepts every call (no pixels): enough to run a renderer's drawing code. */
function fakeCanvas(): unknown {
  const handler: ProxyHandler<object> = {
    get: (_t, key) => {
      if (key === 'measureText') return (s: string) => ({ width: String(s).length * 7 });
      if (key === Symbol.toPrimitive) return () => 0;
      return callable;
    },
    set: () => true,
  };
  const callable: unknown = new Proxy(function () {}, { ...handler, apply: () => callable });
  return new Proxy({}, handler);
}
