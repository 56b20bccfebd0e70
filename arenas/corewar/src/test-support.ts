// Helpers for the CoreWar tests: assemble-or-throw, a core checksum matching the one our
// patched pMARS printed for the fixtures, and hand-built battles.
import type { Warrior } from './assembler.ts';
import { assemble } from './assembler.ts';
import { type Battle, createBattle, processCount } from './mars.ts';
import { DEFAULT_SETTINGS, type Settings } from './settings.ts';

export function asm(source: string, settings: Settings = DEFAULT_SETTINGS, warriors = 2): Warrior {
  const r = assemble(source, settings, { warriors });
  if (!r.ok) throw new Error(`does not assemble: ${JSON.stringify(r.errors)}`);
  return r.warrior;
}

/** h = h * 31 + v (mod 2^32) over every cell's opcode.modifier, A-mode, B-mode, A, B. */
export function coreHash(b: Battle): number {
  let h = 0;
  for (let i = 0; i < b.coreSize; i++) {
    const w = b.code[i]!;
    h = (Math.imul(h, 31) + (w >>> 6)) >>> 0;
    h = (Math.imul(h, 31) + ((w >>> 3) & 7)) >>> 0;
    h = (Math.imul(h, 31) + (w & 7)) >>> 0;
    h = (Math.imul(h, 31) + b.aField[i]!) >>> 0;
    h = (Math.imul(h, 31) + b.bField[i]!) >>> 0;
  }
  return h;
}

/** Processes per warrior (0 when dead). */
export const processes = (b: Battle): number[] => b.warriors.map((_, i) => processCount(b, i));

/** A battle of the given sources, loaded at the given addresses, the first moving first. */
export function battle(sources: string[], positions: number[], settings: Settings = DEFAULT_SETTINGS): Battle {
  const ws = sources.map((s) => asm(s, settings, sources.length));
  return createBattle(ws, settings, { positions, order: ws.map((_, i) => i) });
}

/** Settings for small hand-worked cores. */
export const small = (over: Partial<Settings> = {}): Settings => ({
  coreSize: 100,
  maxCycles: 1000,
  maxProcesses: 8,
  maxLength: 10,
  minDistance: 10,
  pspaceSize: 10,
  ...over,
});
