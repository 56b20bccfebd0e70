// What the web viewer draws: small, JSON-serialisable, official coordinates ((0,0) bottom-left).
import type { EliminationCause, Point, State } from './state.ts';

export interface FrameSnake {
  id: string;
  body: Point[];
  health: number;
  alive: boolean;
  cause?: EliminationCause;
}

export interface Frame {
  turn: number;
  width: number;
  height: number;
  food: Point[];
  snakes: FrameSnake[];
}

export function frame(state: State): Frame {
  return {
    turn: state.turn,
    width: state.width,
    height: state.height,
    food: state.food.map((p) => ({ x: p.x, y: p.y })),
    snakes: state.snakes.map((s) => {
      const f: FrameSnake = {
        id: s.id,
        body: s.body.map((p) => ({ x: p.x, y: p.y })),
        health: s.health,
        alive: s.eliminated === null,
      };
      if (s.eliminated) f.cause = s.eliminated.cause;
      return f;
    }),
  };
}
