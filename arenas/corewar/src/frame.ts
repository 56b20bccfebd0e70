// What the viewer draws: the core as a grid, each cell coloured by the warrior that last wrote
// it (brighter when written since the previous frame), and each warrior's process pointers.
// Every frame stands alone (a viewer may scrub to any one), so it carries the whole core map,
// run-length encoded to stay small:
//
//   core: runs of equal cells, each run two numbers: the cell value, owner * 2 + recent (owner
//         0 = never written, else the index + 1 of the warrior in `warriors`; recent 1 = written
//         since the previous frame), and the run length - 1. Each number is a little-endian
//         base-32 varint over the 64 characters of ALPHABET (a character from the upper half
//         means "more digits follow"). renderer/core-map.ts decodes it (one value per address).
import { type Battle, cycleOf, processCount } from './mars.ts';

export interface FrameWarrior {
  /** The player this warrior belongs to. */
  id: string;
  /** Its ;name. */
  name: string;
  alive: boolean;
  /** The cycle it died, when dead. */
  died?: number;
  processes: number;
  /** Distinct addresses of its next processes (the next 1024), the next to run first (at most 64). */
  pcs: number[];
  /** Where it was loaded (its first instruction). */
  position: number;
}

export interface Frame {
  /** Cycles elapsed (each cycle every living warrior executes one instruction). */
  cycle: number;
  maxCycles: number;
  coreSize: number;
  /** The battle's warriors in player order; players whose warrior did not assemble are absent. */
  warriors: FrameWarrior[];
  /** The core map, encoded (see above and decodeCore). */
  core: string;
}

export const MAX_POINTERS = 64;
/** The varint digits; the same string is in renderer/core-map.ts (a test checks they agree). */
export const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const DIGITS = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
const ascii = new TextDecoder('latin1');
let scratch = new Uint8Array(0);

/** The core map of a battle now; cells written in the current epoch are "recent". */
export function encodeCore(b: Battle): string {
  return encodeMarks(b.marks, b.epoch);
}

/** Encodes into ASCII codes in a reused buffer (at most 3 + 4 characters a run), then a string. */
export function encodeMarks(marks: Int32Array, epoch: number): string {
  if (scratch.length < marks.length * 7) scratch = new Uint8Array(marks.length * 7);
  const out = scratch;
  let n = 0;
  const put = (v: number) => {
    while (v >= 32) {
      out[n++] = DIGITS[32 + (v & 31)]!;
      v >>>= 5;
    }
    out[n++] = DIGITS[v]!;
  };
  const valueAt = (m: number) => ((m & 255) << 1) | (m !== 0 && m >>> 8 === epoch ? 1 : 0);
  let run = valueAt(marks[0]!);
  let start = 0;
  for (let i = 1; i <= marks.length; i++) {
    const v = i < marks.length ? valueAt(marks[i]!) : -1;
    if (v === run) continue;
    put(run);
    put(i - start - 1);
    run = v;
    start = i;
  }
  return ascii.decode(out.subarray(0, n));
}

/** Processes looked at for pointers: the next ones to run (a paper may have thousands). */
const POINTER_SCAN = 1024;

/** Distinct addresses of warrior w's next processes, in queue order, at most MAX_POINTERS. */
export function pointersOf(b: Battle, w: number): number[] {
  const seen = new Set<number>();
  const ring = b.maxProcesses + 1;
  const base = w * ring;
  const scan = Math.min(processCount(b, w), POINTER_SCAN);
  for (let k = 0, h = b.qHead[w]!; k < scan && seen.size < MAX_POINTERS; k++) {
    seen.add(b.queue[base + h]!);
    if (++h === ring) h = 0;
  }
  return [...seen];
}

/** The frame of a battle now, then a new epoch: the next frame's "recent" starts here. The core
 *  map is encoded when first read (a frame nobody keeps costs a 32 KB copy, not an encoding). */
export function takeFrame(b: Battle, ids: readonly string[]): Frame {
  const dead = new Map(b.deaths.map((d) => [d.warrior, d.cycle]));
  const frame = {
    cycle: cycleOf(b),
    maxCycles: b.maxCycles,
    coreSize: b.coreSize,
    warriors: b.warriors.map((w, i) => {
      const alive = !dead.has(i);
      const fw: FrameWarrior = {
        id: ids[i]!,
        name: w.name,
        alive,
        processes: alive ? processCount(b, i) : 0,
        pcs: alive ? pointersOf(b, i) : [],
        position: b.positions[i]!,
      };
      if (!alive) fw.died = dead.get(i)!;
      return fw;
    }),
  } as Frame;
  const marks = b.marks.slice();
  const epoch = b.epoch;
  let core: string | undefined;
  Object.defineProperty(frame, 'core', { enumerable: true, get: () => (core ??= encodeMarks(marks, epoch)) });
  b.epoch++;
  return frame;
}
