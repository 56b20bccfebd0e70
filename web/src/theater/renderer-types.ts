// What an arena's renderer plug-in (arenas/<id>/renderer/index.ts, `export const renderer`)
// provides. Plug-ins do not import this: they match it structurally, and the registry checks.

export interface DrawView {
  /** CSS pixels; the context is already scaled for the device pixel ratio. */
  width: number;
  height: number;
  /** Player id → colour. */
  colors: Record<string, string>;
}

export interface PlayerStat {
  id: string;
  alive: boolean;
  /** Why it is out, e.g. "hit a wall". */
  note?: string;
  metrics: { label: string; value: number; max?: number }[];
}

export interface ArenaRenderer {
  arena: string;
  /** Width / height of the drawing of this frame. */
  aspect(frame: unknown): number;
  /** Draws the frame; false when it is not a frame this renderer understands (the JSON view is shown). */
  draw(ctx: CanvasRenderingContext2D, frame: unknown, view: DrawView): boolean;
  stats?(frame: unknown): PlayerStat[] | null;
  /** What one step of the scrubber is, when frames are not one per turn (RoboCode: a frame
   *  every 2nd turn, turns restarting each round); default "turn". */
  stepLabel?: string;
}
