// Whole games in-process through the one turn loop, and the renderer on their frames.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { playLocal, localStates } from '@codearena/server/compete/local-play.ts';
import { describe, expect, it } from 'vitest';
import { robotrumble } from './index.ts';
import type { State } from './state.ts';

const args = robotrumble.parseArgs({});

/** The renderer is typed against the DOM, which the server's tsconfig leaves out: load it by URL,
 *  as the conformance suite does. */
interface RendererLike {
  draw(ctx: unknown, frame: unknown, view: { width: number; height: number; colors: Record<string, string> }): boolean;
  stats(frame: unknown): { id: string }[] | null;
}
const RENDERER = join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer', 'index.ts');

describe('robotrumble arena', () => {
  it('plays 100 turns and ranks by units left; the same seed plays the same game', async () => {
    const a = await localStates(robotrumble, { players: ['p0', 'p1'], seed: 'rr-1', args });
    const b = await localStates(robotrumble, { players: ['p0', 'p1'], seed: 'rr-1', args });
    const last = a.at(-1)!;
    expect(last.turn).toBe(100);
    expect(JSON.stringify(a.map(robotrumble.frame))).toBe(JSON.stringify(b.map(robotrumble.frame)));
    const o = robotrumble.outcome(last)!;
    const n = { red: 0, blue: 0 };
    for (const u of last.units) n[u.team]++;
    expect(o.scores).toEqual({ p0: n.red, p1: n.blue });
    const c = await localStates(robotrumble, { players: ['p0', 'p1'], seed: 'rr-2', args });
    expect(JSON.stringify(c.map(robotrumble.frame))).not.toBe(JSON.stringify(a.map(robotrumble.frame)));
  });

  it('every request carries the whole board and the team ids; units keep ascending ids', async () => {
    const sent: string[] = [];
    const states: State[] = [];
    await playLocal(robotrumble, { players: ['p0', 'p1'], seed: 'rr-3', args, sent, onState: (s) => states.push(s) });
    const first = JSON.parse(sent[0]!) as {
      type: string;
      turn: number;
      team: string;
      ids: string[];
      units: unknown[];
      map: { walls: unknown[]; spawn: unknown[] };
    };
    expect(first).toMatchObject({ type: 'turn', turn: 1, team: 'red' });
    expect(first.ids).toHaveLength(4);
    expect(first.units).toHaveLength(8);
    expect(first.map.walls).toHaveLength(112);
    expect(first.map.spawn).toHaveLength(48);
    expect(sent).toHaveLength(200);
    for (const s of states) {
      const ids = s.units.map((u) => u.id);
      expect(ids).toEqual([...ids].sort((x, y) => x - y));
      expect(new Set(s.units.map((u) => `${u.x},${u.y}`)).size).toBe(s.units.length);
    }
  });

  it('a team that always faults does nothing and the game still ends', async () => {
    const played = await playLocal(robotrumble, {
      players: ['p0', 'p1'],
      seed: 'rr-4',
      args,
      policy: (p) => (p === 'p0' ? () => 'garbage' : (req, rng) => robotrumble.sampleMove(req, rng)),
    });
    expect(played.outcome).not.toBeNull();
    expect(played.faults).toMatchObject([{ player: 'p0', kind: 'bad_output', count: 100 }]);
  });

  it('the renderer draws every frame and names both players', async () => {
    const { renderer } = (await import(pathToFileURL(RENDERER).href)) as { renderer: RendererLike };
    const states = await localStates(robotrumble, { players: ['p0', 'p1'], seed: 'rr-5', args });
    const calls: string[] = [];
    const ctx = new Proxy({} as Record<string, unknown>, {
      get: (t, k) => (k in t ? t[k as string] : (...a: unknown[]) => void calls.push(`${String(k)}(${a.length})`)),
      set: (t, k, v) => ((t[k as string] = v), true),
    });
    for (const s of states.filter((_, i) => i % 10 === 0)) {
      const f = JSON.parse(JSON.stringify(robotrumble.frame(s))) as unknown;
      expect(renderer.draw(ctx, f, { width: 600, height: 600, colors: {} })).toBe(true);
      expect(renderer.stats(f)?.map((x) => x.id)).toEqual(['p0', 'p1']);
    }
    expect(calls.some((c) => c.startsWith('fillRect'))).toBe(true);
    expect(renderer.draw(ctx, { size: 19 }, { width: 600, height: 600, colors: {} })).toBe(false);
  });
});
