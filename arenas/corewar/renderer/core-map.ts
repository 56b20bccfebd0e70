// Decodes a frame's core map (the format is described in arenas/corewar/src/frame.ts, which
// writes it): one value per address, owner * 2 + recent, where owner 0 = never written and
// otherwise the index + 1 of the warrior in frame.warriors, and recent = 1 when the cell was
// written since the previous frame. Runs of equal values, each as two little-endian base-32
// varints (value, length - 1) over ALPHABET; a character from its upper half means "more".
export const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function decodeCore(s: string, coreSize: number): Uint8Array {
  const cells = new Uint8Array(coreSize);
  let pos = 0;
  const next = (): number => {
    let v = 0;
    let scale = 1;
    for (;;) {
      const d = ALPHABET.indexOf(s[pos++] ?? '');
      if (d < 0) throw new Error('not an encoded core map');
      if (d < 32) return v + d * scale;
      v += (d - 32) * scale;
      scale *= 32;
    }
  };
  let at = 0;
  while (pos < s.length) {
    const value = next();
    const len = next() + 1;
    if (at + len > coreSize || value > 255) throw new Error('core map does not fit the core');
    cells.fill(value, at, at + len);
    at += len;
  }
  if (at !== coreSize) throw new Error('core map does not cover the core');
  return cells;
}
