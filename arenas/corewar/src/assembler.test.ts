// The assembler on hand-worked sources. Expected listings were checked against pMARS 0.9.4's
// `pmars -A` (and the assembler agrees with it on 2,200 hill warriors; see the issue note).
import { describe, expect, it } from 'vitest';
import { type AssembleResult, assemble } from './assembler.ts';
import { MODES, MODIFIERS, OPCODES, type Instruction, defaultModifier } from './redcode.ts';
import { CorewarArgs, DEFAULT_SETTINGS, type Settings, settingsOf } from './settings.ts';

const signed = (v: number, cs = 8000) => (v > cs / 2 ? v - cs : v);
const show = (i: Instruction, cs = 8000) =>
  `${i.op}.${i.mod} ${i.aMode}${signed(i.a, cs)}, ${i.bMode}${signed(i.b, cs)}`;

function ok(source: string, settings: Settings = DEFAULT_SETTINGS, warriors = 2) {
  const r = assemble(source, settings, { warriors });
  if (!r.ok) throw new Error(`expected to assemble: ${JSON.stringify(r.errors)}`);
  return r;
}
const listing = (source: string, settings?: Settings) => {
  const r = ok(source, settings);
  return r.warrior.code.map((i) => show(i, settings?.coreSize));
};
function errors(source: string, settings: Settings = DEFAULT_SETTINGS) {
  const r: AssembleResult = assemble(source, settings);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

describe('instructions', () => {
  it('parses every opcode with every modifier and every addressing mode', () => {
    for (const op of OPCODES) {
      for (const [k, mod] of MODIFIERS.entries()) {
        const a = MODES[k]!;
        const b = MODES[(k + 3) % MODES.length]!;
        const [i] = ok(`${op.toLowerCase()}.${mod.toLowerCase()} ${a}5, ${b}-7`).warrior.code;
        expect(i).toEqual({ op, mod, aMode: a, a: 5, bMode: b, b: 7993 });
      }
    }
    // The eighth mode, in both places.
    expect(listing('MOV } 1, } 2')).toEqual(['MOV.I }1, }2']);
  });

  it('packs instructions for the MARS', () => {
    const w = ok('ADD.AB #4, $3\nMOV.I $2, @2').warrior;
    expect([...w.aValues, ...w.bValues]).toEqual([4, 2, 3, 2]);
    expect(w.words[0]! >>> 6).toBe(1 * 8 + 2); // ADD.AB
    expect(w.words[1]! & 63).toBe((1 << 3) | 2); // $, @
  });

  it.each([
    // opcode, A-mode, B-mode → the '94 default modifier
    ['DAT', '#', '#', 'F'],
    ['NOP', '$', '$', 'F'],
    ['MOV', '#', '$', 'AB'],
    ['MOV', '$', '#', 'B'],
    ['MOV', '@', '<', 'I'],
    ['CMP', '#', '$', 'AB'],
    ['SEQ', '$', '#', 'B'],
    ['SNE', '*', '{', 'I'],
    ['ADD', '#', '@', 'AB'],
    ['SUB', '$', '#', 'B'],
    ['MUL', '$', '$', 'F'],
    ['DIV', '>', '}', 'F'],
    ['MOD', '#', '#', 'AB'],
    ['SLT', '#', '$', 'AB'],
    ['SLT', '$', '#', 'B'],
    ['LDP', '#', '$', 'AB'],
    ['STP', '$', '$', 'B'],
    ['JMP', '#', '$', 'B'],
    ['JMZ', '$', '$', 'B'],
    ['JMN', '@', '#', 'B'],
    ['DJN', '{', '$', 'B'],
    ['SPL', '#', '#', 'B'],
  ] as const)('%s %s, %s defaults to .%s', (op, a, b, mod) => {
    expect(ok(`${op} ${a}1, ${b}2`).warrior.code[0]!.mod).toBe(mod);
    expect(defaultModifier(op, a, b)).toBe(mod);
  });

  it('fills in a missing operand as pMARS does', () => {
    expect(listing('DAT 5\nDAT <3\nJMP 2\nSPL @1\nNOP #4')).toEqual([
      'DAT.F #0, $5',
      'DAT.F #0, <3',
      'JMP.B $2, $0',
      'SPL.B @1, $0',
      'NOP.F #4, $0',
    ]);
    expect(errors('MOV 1')).toEqual([{ line: 1, message: 'MOV needs two operands' }]);
  });

  it('normalises values into the core (negative offsets count back)', () => {
    expect(ok('DAT #-1, #8001').warrior.code[0]).toMatchObject({ a: 7999, b: 1 });
    expect(
      ok('DAT #-1, #0', settingsOf(CorewarArgs.parse({ core_size: 800, max_length: 20 }))).warrior.code[0]!.a,
    ).toBe(799);
  });
});

describe('labels, expressions and constants', () => {
  it('turns a label into its distance from the instruction, backwards and forwards', () => {
    expect(listing('top  add.ab #4, bomb\n     mov.i bomb, @bomb\n     jmp top\nbomb dat #0, #0')).toEqual([
      'ADD.AB #4, $3',
      'MOV.I $2, @2',
      'JMP.B $-2, $0',
      'DAT.F #0, #0',
    ]);
  });

  it('accepts several labels, a colon, a label on its own line; labels are case-sensitive', () => {
    expect(listing('a b: c\n  jmp a\n  jmp b\n  jmp c\nA jmp A')).toEqual([
      'JMP.B $0, $0',
      'JMP.B $-1, $0',
      'JMP.B $-2, $0',
      'JMP.B $0, $0',
    ]);
  });

  it('evaluates expressions as pMARS: precedence, C division, comparisons, logic, registers', () => {
    const src = [
      'x   equ 1+2',
      '    dat #x*3, #(x)*3', // EQU is text: 1+2*3
      '    dat 10/3, -10/3',
      '    dat 10%3, -10%3',
      '    dat 2+3*4-1, (2+3)*4',
      '    dat 1<2, 2<1',
      '    dat 3==3 && 2!=2, 3==3 || 2!=2',
      '    dat !0, !5',
      '    dat 5>=5, 4<=3',
      '    dat a=7, a*2',
      '    dat --3, -(-3+1)',
    ].join('\n');
    expect(listing(src)).toEqual([
      'DAT.F #7, #9',
      'DAT.F $3, $-3',
      'DAT.F $1, $-1',
      'DAT.F $13, $20',
      'DAT.F $1, $0',
      'DAT.F $0, $1',
      'DAT.F $1, $0',
      'DAT.F $1, $0',
      'DAT.F $7, $14',
      'DAT.F $3, $2',
    ]);
  });

  it('knows the predefined constants of the settings in force, and CURLINE', () => {
    const s = settingsOf(
      CorewarArgs.parse({
        core_size: 800,
        max_cycles: 8000,
        max_processes: 80,
        max_length: 20,
        min_distance: 25,
        pspace_size: 50,
      }),
    );
    expect(
      listing(
        'dat CORESIZE, MAXCYCLES\ndat MAXPROCESSES, MAXLENGTH\ndat MINDISTANCE, PSPACESIZE\ndat WARRIORS, ROUNDS\ndat VERSION, CURLINE',
        s,
      ),
    ).toEqual(['DAT.F $0, $0', 'DAT.F $80, $20', 'DAT.F $25, $50', 'DAT.F $2, $1', 'DAT.F $94, $4']);
    expect(ok('dat WARRIORS, 0', DEFAULT_SETTINGS, 5).warrior).toMatchObject({ code: [{ a: 5 }], usesWarriors: true });
    expect(ok('dat 0, 0').warrior.usesWarriors).toBe(false);
  });

  it('reports an undefined symbol and division by zero with their line', () => {
    expect(errors(';assert 1\n  mov 0, 1\n  jmp nowhere')).toEqual([
      { line: 3, message: 'A-operand "nowhere": undefined symbol "nowhere"' },
    ]);
    expect(errors('dat 1, 5/(2-2)')).toEqual([{ line: 1, message: 'B-operand "5/(2-2)": division by zero' }]);
  });
});

describe('pseudo-ops', () => {
  it('substitutes EQU text, including modes, whole operands and forward definitions', () => {
    expect(
      listing(
        'ptr  equ @target\nboth equ 1, 2\n     mov 0, ptr\n     dat both\n     dat late, 0\nlate equ 42\ntarget dat 0',
      ),
    ).toEqual(['MOV.I $0, @3', 'DAT.F $1, $2', 'DAT.F $42, $0', 'DAT.F #0, $0']);
  });

  it('expands a multi-line EQU where its name starts a line', () => {
    expect(listing('twice equ dat 1, 1\n      equ dat 2, 2\n      twice\n      dat 3, 3')).toEqual([
      'DAT.F $1, $1',
      'DAT.F $2, $2',
      'DAT.F $3, $3',
    ]);
  });

  it('repeats FOR blocks with a counter, pastes counters with &, nests, and skips FOR 0', () => {
    const src = [
      'i     for 3',
      'x&i   dat i, x&i',
      '      rof',
      'j     for 2',
      'k     for j',
      '      dat j, k',
      '      rof',
      '      rof',
      '      for 0',
      'prose, with a "for" and a ROF-like word inside: ignored',
      '      rof',
    ].join('\n');
    expect(listing(src)).toEqual([
      'DAT.F $1, $0',
      'DAT.F $2, $0',
      'DAT.F $3, $0', // x01 x02 x03 label their own line
      'DAT.F $1, $1',
      'DAT.F $2, $1',
      'DAT.F $2, $2',
    ]);
  });

  it('leaves a modifier alone when a counter has its name (mov.i inside "i for")', () => {
    expect(listing('i for 2\n  mov.i i, 0\n  rof')).toEqual(['MOV.I $1, $0', 'MOV.I $2, $0']);
  });

  it('takes the start from ORG, or END, and stops at END', () => {
    expect(ok('dat 0\nstart jmp 0\n org start').warrior.start).toBe(1);
    expect(ok('dat 0\nstart jmp 0\n end start\n this is not read').warrior.start).toBe(1);
    const r = ok('org 1\ndat 0\njmp 0\njmp 0\nend 2');
    expect(r.warrior.start).toBe(1);
    expect(r.warnings).toContainEqual({ line: 5, message: 'END start ignored: ORG already set the start' });
    expect(errors('org 5\ndat 0')).toEqual([{ line: 0, message: 'the start (ORG/END) is 5, outside the code (0…0)' }]);
  });

  it('reads PIN, ;name, ;author and ignores everything before ;redcode', () => {
    const r = ok(
      'garbage ### here\n;redcode-94\n;name  Little One\n;author Someone\n;assert 1\n pin 7\n jmp 0\n;redcode\nnot read',
    );
    expect(r.warrior).toMatchObject({ name: 'Little One', author: 'Someone', pin: 7, code: [{ op: 'JMP' }] });
    expect(r.warnings).toEqual([]);
  });
});

describe(';assert and errors', () => {
  it('fails a false ;assert with its line, warns when there is none or it cannot be read', () => {
    expect(errors(';redcode\n;assert CORESIZE == 55440\njmp 0')).toEqual([
      { line: 2, message: 'assertion failed: CORESIZE == 55440' },
    ]);
    expect(
      ok(';assert CORESIZE == 800\njmp 0', settingsOf(CorewarArgs.parse({ core_size: 800, max_length: 20 }))).warnings,
    ).toEqual([]);
    expect(ok('jmp 0').warnings).toEqual([
      { line: 0, message: 'no ;assert: the warrior does not check the settings it expects' },
    ]);
    expect(ok(';assert nonsense + \njmp 0').warnings[0]!.message).toMatch(/;assert cannot be evaluated/);
  });

  it('reports every error with its line number', () => {
    const src = [
      ';assert 1',
      'start mov.q 0, 1',
      '  add #1',
      '  jmp 0, 1, 2',
      '  mov 0, ~1',
      'start dat 0',
      '  rof',
      '  dat $',
    ].join('\n');
    expect(errors(src)).toEqual([
      { line: 2, message: 'bad modifier "q" (A B AB BA F X I)' },
      { line: 3, message: 'ADD needs two operands' },
      { line: 4, message: 'too many operands (at most two)' },
      { line: 5, message: 'unexpected character "~"' },
      { line: 6, message: 'label "start" is already defined on line 2' },
      { line: 7, message: 'ROF without a FOR' },
      { line: 8, message: 'missing B-operand after "$"' },
    ]);
  });

  it('refuses more than MAXLENGTH instructions and an empty warrior', () => {
    expect(errors('for 101\ndat 0\nrof')).toEqual([
      { line: 2, message: 'too many instructions: more than MAXLENGTH (100)' },
    ]);
    expect(ok('for 100\ndat 0\nrof').warrior.code).toHaveLength(100);
    expect(errors(';assert 1\n; nothing else')).toEqual([{ line: 0, message: 'no instructions' }]);
  });

  // Bounded means refused with the right message; a hang would hit the test timeout (a wall-clock
  // assertion here would test the machine, not the assembler).
  it('stays bounded on hostile sources', () => {
    expect(errors('for 100000\nfor 100000\nrof\nrof')[0]!.message).toMatch(/too many lines/);
    const bomb = ['a0 equ 1']
      .concat(
        Array.from({ length: 40 }, (_, i) => `a${i + 1} equ a${i}+a${i}`),
        ['dat a40, 0'],
      )
      .join('\n');
    expect(errors(bomb)[0]!.message).toMatch(/grows too large/);
    expect(errors('x equ y\ny equ x\ndat x, 0')[0]!.message).toMatch(/nest too deep/);
  });
});
