// The web view receives frames as unknown JSON: parse with the frame's one schema before
// drawing. aspect(), draw() and stats() each ask about the same frame object, so the answer
// is remembered per object.
import { RobocodeFrame } from '../src/frame.ts';

const seen = new WeakMap<object, RobocodeFrame | null>();

export function asFrame(x: unknown): RobocodeFrame | null {
  if (typeof x !== 'object' || x === null) return null;
  if (seen.has(x)) return seen.get(x)!;
  const parsed = RobocodeFrame.safeParse(x);
  const f = parsed.success ? parsed.data : null;
  seen.set(x, f);
  return f;
}
