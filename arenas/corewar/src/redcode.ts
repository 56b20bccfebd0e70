// ICWS'94 draft Redcode as pMARS 0.9 runs it: opcodes (with pMARS's extensions SEQ/SNE/NOP and
// P-space LDP/STP), modifiers, addressing modes, the standard's default modifiers, and the packed
// form the MARS keeps in core. Numbering follows pMARS, so `SEQ.I` tells CMP from SEQ as it does.

export const OPCODES = [
  'MOV',
  'ADD',
  'SUB',
  'MUL',
  'DIV',
  'MOD',
  'JMZ',
  'JMN',
  'DJN',
  'CMP',
  'SLT',
  'SPL',
  'DAT',
  'JMP',
  'SEQ',
  'SNE',
  'NOP',
  'LDP',
  'STP',
] as const;
export type Opcode = (typeof OPCODES)[number];
export const MODIFIERS = ['A', 'B', 'AB', 'BA', 'F', 'X', 'I'] as const;
export type Modifier = (typeof MODIFIERS)[number];
/** Addressing modes in pMARS's order: immediate, direct, B-indirect, B-predecrement,
 *  B-postincrement, A-indirect, A-predecrement, A-postincrement. */
export const MODES = ['#', '$', '@', '<', '>', '*', '{', '}'] as const;
export type Mode = (typeof MODES)[number];

export const Op = Object.fromEntries(OPCODES.map((o, i) => [o, i])) as Record<Opcode, number>;
export const Mod = Object.fromEntries(MODIFIERS.map((m, i) => [m, i])) as Record<Modifier, number>;
export const AddrMode = {
  IMMEDIATE: 0,
  DIRECT: 1,
  B_INDIRECT: 2,
  B_PREDEC: 3,
  B_POSTINC: 4,
  A_INDIRECT: 5,
  A_PREDEC: 6,
  A_POSTINC: 7,
} as const;

export interface Instruction {
  op: Opcode;
  mod: Modifier;
  aMode: Mode;
  /** Field values are kept normalised to 0 … coreSize-1, as in core. */
  a: number;
  bMode: Mode;
  b: number;
}

/** The default modifier of the '94 standard (and pMARS) when none is written. */
export function defaultModifier(op: Opcode, aMode: Mode, bMode: Mode): Modifier {
  switch (op) {
    case 'DAT':
    case 'NOP':
      return 'F';
    case 'MOV':
    case 'CMP':
    case 'SEQ':
    case 'SNE':
      return aMode === '#' ? 'AB' : bMode === '#' ? 'B' : 'I';
    case 'ADD':
    case 'SUB':
    case 'MUL':
    case 'DIV':
    case 'MOD':
      return aMode === '#' ? 'AB' : bMode === '#' ? 'B' : 'F';
    case 'SLT':
    case 'LDP':
    case 'STP':
      return aMode === '#' ? 'AB' : 'B';
    default: // JMP JMZ JMN DJN SPL
      return 'B';
  }
}

/** One core cell's opcode, modifier and both modes in one int:
 *  ((opcode << 3 | modifier) << 6) | aMode << 3 | bMode. `word >>> 6` is what the MARS dispatches on. */
export const packWord = (op: number, mod: number, aMode: number, bMode: number): number =>
  (((op << 3) | mod) << 6) | (aMode << 3) | bMode;

export const wordOf = (i: Instruction): number =>
  packWord(Op[i.op], Mod[i.mod], MODES.indexOf(i.aMode), MODES.indexOf(i.bMode));

export function instructionOf(word: number, a: number, b: number): Instruction {
  return {
    op: OPCODES[word >>> 9]!,
    mod: MODIFIERS[(word >>> 6) & 7]!,
    aMode: MODES[(word >>> 3) & 7]!,
    a,
    bMode: MODES[word & 7]!,
    b,
  };
}

/** Empty core: DAT.F $0, $0. */
export const EMPTY_WORD = packWord(Op.DAT, Mod.F, AddrMode.DIRECT, AddrMode.DIRECT);

/** pMARS-style listing of one instruction, values shown signed (-1 rather than coreSize-1). */
export function formatInstruction(i: Instruction, coreSize: number): string {
  const signed = (v: number) => (v > coreSize / 2 ? v - coreSize : v);
  return `${`${i.op}.${i.mod}`.padEnd(6)} ${i.aMode}${String(signed(i.a)).padStart(6)}, ${i.bMode}${String(signed(i.b)).padStart(6)}`;
}
