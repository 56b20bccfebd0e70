// The RoboCode renderer plug-in for the web view (web/src/theater/renderers.ts finds every
// arenas/<id>/renderer/index.ts): the battlefield with its tanks and bullets, and per-player
// energy and score.
import { drawField, type FieldView } from './draw-field.ts';
import { asFrame } from './frame-guard.ts';

export const renderer = {
  arena: 'robocode',
  // A frame every 2nd turn, turns restarting each round (the board shows round and turn).
  stepLabel: 'frame',
  aspect(frame: unknown): number {
    const f = asFrame(frame);
    return f ? f.w / f.h : 4 / 3;
  },
  draw(ctx: CanvasRenderingContext2D, frame: unknown, view: FieldView): boolean {
    const f = asFrame(frame);
    if (!f) return false;
    drawField(ctx, f, view);
    return true;
  },
  stats(frame: unknown) {
    const f = asFrame(frame);
    if (!f) return null;
    return f.players.map((id, seat) => {
      const [, , , , , energy, score, alive] = f.robots[seat]!;
      return {
        id,
        alive: alive === 1,
        ...(alive === 1 ? {} : { note: 'destroyed' }),
        metrics: [
          { label: 'energy', value: Math.round(Math.max(0, energy) * 10) / 10, max: 100 },
          { label: 'score', value: Math.round(score) },
        ],
      };
    });
  },
};
