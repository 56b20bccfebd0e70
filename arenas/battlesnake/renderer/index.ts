// The BattleSnake renderer plug-in for the web view (web/src/theater/renderers.ts finds every
// arenas/<id>/renderer/index.ts): a canvas board and per-snake stats.
import { drawBoard, type BoardView } from './draw-board.ts';
import { asFrame } from './frame-guard.ts';

const CAUSES: Record<string, string> = {
  'wall-collision': 'hit a wall',
  'out-of-health': 'starved',
  'snake-self-collision': 'ran into itself',
  'snake-collision': 'ran into a snake',
  'head-collision': 'lost a head-on',
};

export const renderer = {
  arena: 'battlesnake',
  aspect(frame: unknown): number {
    const f = asFrame(frame);
    return f ? f.width / f.height : 1;
  },
  draw(ctx: CanvasRenderingContext2D, frame: unknown, view: BoardView): boolean {
    const f = asFrame(frame);
    if (!f) return false;
    drawBoard(ctx, f, view);
    return true;
  },
  stats(frame: unknown) {
    const f = asFrame(frame);
    if (!f) return null;
    return f.snakes.map((s) => ({
      id: s.id,
      alive: s.alive,
      ...(s.cause ? { note: CAUSES[s.cause] ?? s.cause } : {}),
      metrics: [
        { label: 'length', value: s.body.length },
        { label: 'health', value: s.health, max: 100 },
      ],
    }));
  },
};
