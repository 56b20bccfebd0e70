// The viewer frame's schema and the renderer's guard: a frame comes from a JVM that runs the
// players' robots (hostile), so anything off-shape is refused (the web view then shows JSON).
import { describe, expect, it } from 'vitest';
import { asFrame } from '../renderer/frame-guard.ts';
import { MAX_BULLETS, RobocodeEngineFrame, RobocodeFrame } from './frame.ts';

/** The plug-in, loaded by URL: its canvas types are the web build's (DOM), not this program's. */
interface RendererLike {
  aspect(frame: unknown): number;
  draw(ctx: unknown, frame: unknown, view: { width: number; height: number; colors: Record<string, string> }): boolean;
  stats(frame: unknown): unknown;
}
const { renderer } = (await import(new URL('../renderer/index.ts', import.meta.url).href)) as {
  renderer: RendererLike;
};

const good = () => ({
  players: ['alice', 'bob'],
  round: 2,
  rounds: 10,
  turn: 412,
  w: 800,
  h: 600,
  robots: [
    [210.4, 180.2, 0.524, 1.047, 1.309, 120, 312, 1],
    [590.7, 430.1, 3.491, 4.189, 4.154, 0, 198, 0],
  ],
  bullets: [
    [300.1, 232.5, 3, 0, 0],
    [575, 415, 0.1, 1, 1],
  ],
});
type Mutable = ReturnType<typeof good> & Record<string, unknown>;
const bad = (change: (f: Mutable) => void): unknown => {
  const f = good() as Mutable;
  change(f);
  return f;
};

describe('RobocodeFrame', () => {
  it('accepts a frame as the host builds it, and the engine part alone', () => {
    expect(RobocodeFrame.parse(good())).toEqual(good());
    const { players: _p, rounds: _r, ...engine } = good();
    expect(RobocodeEngineFrame.safeParse(engine).success).toBe(true);
    expect(asFrame(good())).toEqual(good());
  });

  const rejected: [string, unknown][] = [
    ['not an object', 'frame'],
    ['null', null],
    ['an array', [good()]],
    ['fewer robots than players', bad((f) => f.robots.pop())],
    ['more players than robots', bad((f) => f.players.push('carol'))],
    ['a robot tuple one short', bad((f) => f.robots[0]!.pop())],
    ['a robot tuple one long', bad((f) => f.robots[0]!.push(1))],
    ['a bullet tuple one short', bad((f) => f.bullets[0]!.pop())],
    ['NaN energy', bad((f) => (f.robots[0]![5] = NaN))],
    ['an infinite x', bad((f) => (f.bullets[1]![0] = Infinity))],
    ['a huge heading', bad((f) => (f.robots[1]![2] = 1e300))],
    ['a number as a string', bad((f) => ((f.robots[0] as unknown[])[0] = '210.4'))],
    ['a string width', bad((f) => (f.w = '800' as unknown as number))],
    ['alive 2', bad((f) => (f.robots[0]![7] = 2))],
    ['a bullet owner that is no seat', bad((f) => (f.bullets[0]![3] = 2))],
    ['a fractional owner', bad((f) => (f.bullets[0]![3] = 0.5))],
    ['a negative power', bad((f) => (f.bullets[0]![2] = -1))],
    ['a player id that is not a string', bad((f) => ((f.players as unknown[])[0] = 7))],
    ['an empty player id', bad((f) => (f.players[0] = ''))],
    ['a field too small', bad((f) => (f.w = 399))],
    ['a field too big', bad((f) => (f.h = 5001))],
    ['a round past the last', bad((f) => (f.round = 10))],
    ['a negative turn', bad((f) => (f.turn = -1))],
    ['no robots field', bad((f) => delete (f as Partial<Mutable>).robots)],
    ['too many bullets', bad((f) => (f.bullets = Array.from({ length: MAX_BULLETS + 1 }, () => [1, 1, 1, 0, 0])))],
    [
      '17 players',
      bad((f) => {
        f.players = Array.from({ length: 17 }, (_, i) => `p${i}`);
        f.robots = Array.from({ length: 17 }, () => [100, 100, 0, 0, 0, 100, 0, 1]);
      }),
    ],
  ];
  it.each(rejected)('refuses %s', (_name, frame) => {
    expect(RobocodeFrame.safeParse(frame).success).toBe(false);
    expect(asFrame(frame)).toBeNull();
    expect(renderer.draw(recordingContext().ctx, frame, { width: 390, height: 293, colors: {} })).toBe(false);
    expect(renderer.stats(frame)).toBeNull();
  });

  it('accepts 16 players and 500 bullets, the limits', () => {
    const f = bad((f) => {
      f.players = Array.from({ length: 16 }, (_, i) => `p${i}`);
      f.robots = Array.from({ length: 16 }, () => [100, 100, 0, 0, 0, 100, 0, 1]);
      f.bullets = Array.from({ length: MAX_BULLETS }, (_, i) => [i, i, 3, i % 16, i % 2]);
    });
    expect(asFrame(f)).not.toBeNull();
  });
});

describe('renderer', () => {
  it('draws a frame with finite canvas arguments and reports energy, score and the destroyed', () => {
    const frame = good();
    expect(renderer.aspect(frame)).toBeCloseTo(800 / 600);
    for (const width of [390, 1400]) {
      const { ctx, calls } = recordingContext();
      const colors = { alice: '#5b8cff', bob: '#ff9f43' };
      expect(renderer.draw(ctx, frame, { width, height: width / renderer.aspect(frame), colors })).toBe(true);
      expect(calls.length).toBeGreaterThan(50);
      expect(calls.filter((c) => c.args.some((a) => typeof a === 'number' && !Number.isFinite(a)))).toEqual([]);
      // Each tank is drawn at its place with y flipped (Robocode's y points up).
      const s = width / 800;
      const at = calls.filter((c) => c.name === 'translate').map((c) => c.args.map((v) => Math.round(Number(v))));
      for (const [x, y] of frame.robots) expect(at).toContainEqual([Math.round(x! * s), Math.round((600 - y!) * s)]);
    }
    expect(renderer.stats(frame)).toEqual([
      {
        id: 'alice',
        alive: true,
        metrics: [
          { label: 'energy', value: 120, max: 100 },
          { label: 'score', value: 312 },
        ],
      },
      {
        id: 'bob',
        alive: false,
        note: 'destroyed',
        metrics: [
          { label: 'energy', value: 0, max: 100 },
          { label: 'score', value: 198 },
        ],
      },
    ]);
  });
});

/** A 2D context that records every method call and its arguments (gradients record too). */
function recordingContext() {
  const calls: { name: string; args: unknown[] }[] = [];
  const recorder = (): object =>
    new Proxy(
      {},
      {
        get:
          (_t, name) =>
          (...args: unknown[]) => {
            calls.push({ name: String(name), args });
            return name === 'measureText' ? { width: 80 } : recorder();
          },
        set: () => true,
      },
    );
  return { ctx: recorder(), calls };
}
