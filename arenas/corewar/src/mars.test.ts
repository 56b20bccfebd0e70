// The MARS on hand-worked cases: one warrior (or a few) in a 100-cell core, a few instructions
// run, then the core and the process queues are read back. Every expectation below is worked out
// from the ICWS'94 draft as pMARS implements it (pmars.test.ts checks the same engine against
// pMARS itself on whole battles).
import { describe, expect, it } from 'vitest';
import { type Battle, createBattle, cycleOf, processCount, runBattle } from './mars.ts';
import { pointersOf } from './frame.ts';
import { instructionOf } from './redcode.ts';
import { DEFAULT_SETTINGS } from './settings.ts';
import { asm, battle, small } from './test-support.ts';

const S = small();
/** One warrior at address 0 of a 100-cell core. */
const solo = (source: string, over = {}) => battle([source], [0], small(over));
const cell = (b: Battle, addr: number) => {
  const i = instructionOf(b.code[addr]!, b.aField[addr]!, b.bField[addr]!);
  const signed = (v: number) => (v > b.coreSize / 2 ? v - b.coreSize : v);
  return `${i.op}.${i.mod} ${i.aMode}${signed(i.a)}, ${i.bMode}${signed(i.b)}`;
};
/** The queue of warrior w, next process first. */
const queue = (b: Battle, w = 0) =>
  Array.from(
    { length: processCount(b, w) },
    (_, k) => b.queue[w * (b.maxProcesses + 1) + ((b.qHead[w]! + k) % (b.maxProcesses + 1))]!,
  );
const run = (b: Battle, instructions: number) => (runBattle(b, instructions), b);

describe('addressing modes', () => {
  const target = 'DAT.F #5, #6';
  it.each([
    // mode, pointer cell (cell 1), → where the copy of cell 2 lands, and cell 1 afterwards
    ['$', 'DAT #0, #3', 1, 'DAT.F #5, #6'], // direct: cell 1 itself
    ['@', 'DAT #0, #3', 4, 'DAT.F #0, #3'], // B-indirect: 1 + B
    ['<', 'DAT #0, #3', 3, 'DAT.F #0, #2'], // B-predecrement: B-- first, then 1 + B
    ['>', 'DAT #0, #3', 4, 'DAT.F #0, #4'], // B-postincrement: 1 + B, then B++
    ['*', 'DAT #3, #0', 4, 'DAT.F #3, #0'], // A-indirect: 1 + A
    ['{', 'DAT #3, #0', 3, 'DAT.F #2, #0'], // A-predecrement
    ['}', 'DAT #3, #0', 4, 'DAT.F #4, #0'], // A-postincrement
  ])('MOV.I 2, %s1 with %s writes cell %i', (mode, pointer, dest, pointerAfter) => {
    const b = run(solo(`MOV.I 2, ${mode}1\n${pointer}\n${target}`), 1);
    expect(cell(b, dest)).toBe(target);
    if (dest !== 1) expect(cell(b, 1)).toBe(pointerAfter);
  });

  it('immediate: the operand is the instruction itself', () => {
    const b = run(solo('MOV.AB #5, 1'), 1);
    expect(cell(b, 1)).toBe('DAT.F $0, $5');
    // An immediate B-operand points at the instruction: MOV.I writes over itself.
    expect(cell(run(solo('MOV.I 1, #0\nNOP.F $7, $8'), 1), 0)).toBe('NOP.F $7, $8');
  });

  it('evaluates the A-operand first: its increment moves the B-operand', () => {
    // A: >1 reads through cell 1 (B=3 → cell 4), then B becomes 4; B: @1 now points at cell 5.
    const b = run(solo('MOV.I >1, @1\nDAT #0, #3\nDAT 0\nDAT 0\nDAT #9, #9'), 1);
    expect(cell(b, 5)).toBe('DAT.F #9, #9');
    expect(cell(b, 1)).toBe('DAT.F #0, #4');
  });

  it('keeps the A-operand as read: MOV.I writes its copy over the B-operand increment', () => {
    // A reads cell 1 (A=0, B=0); B: }1 points at cell 1 and then bumps its A-field to 1; the
    // move writes the A-field it read (0) back over that.
    expect(cell(run(solo('MOV.I 1, }1\nDAT #0, #0'), 1), 1)).toBe('DAT.F #0, #0');
    // Without the overlap the increment stays.
    expect(cell(run(solo('MOV.I 2, }1\nDAT #0, #0\nDAT #7, #7'), 1), 1)).toBe('DAT.F #7, #7');
  });

  it('decrements wrap below 0 and increments wrap at the core size', () => {
    const b = run(solo('MOV.I 2, <1\nDAT #0, #0\nDAT #1, #1\nDAT 0', {}), 1);
    expect(cell(b, 1)).toBe('DAT.F #0, #-1');
    expect(cell(b, 0)).toBe('DAT.F #1, #1'); // 1 + 99 = address 0
    // }1 through cell 1 (A = 99) points at cell 0, then A wraps to 0; MOV.AB writes 7 into B of cell 0.
    const c = run(solo('MOV.AB #7, }1\nDAT #99, #0'), 1);
    expect([cell(c, 0), cell(c, 1)]).toEqual(['MOV.AB #7, }7', 'DAT.F #0, #0']);
  });
});

describe('arithmetic', () => {
  it.each([
    ['ADD.AB #60, 1', 'DAT #0, #50', 'DAT.F #0, #10'], // (50 + 60) mod 100
    ['SUB.AB #60, 1', 'DAT #0, #50', 'DAT.F #0, #-10'], // 50 - 60 → 90
    ['MUL.AB #30, 1', 'DAT #0, #7', 'DAT.F #0, #10'], // 210 mod 100
    ['DIV.AB #2, 1', 'DAT #0, #9', 'DAT.F #0, #4'], // integer division
    ['MOD.AB #4, 1', 'DAT #0, #9', 'DAT.F #0, #1'],
    ['ADD.F 2, 1', 'DAT #1, #2\nDAT #10, #20', 'DAT.F #11, #22'],
    ['ADD.X 2, 1', 'DAT #1, #2\nDAT #10, #20', 'DAT.F #21, #12'],
    ['SUB.BA 2, 1', 'DAT #1, #2\nDAT #10, #20', 'DAT.F #-19, #2'],
    ['MOV.X 2, 1', 'DAT #1, #2\nDAT #10, #20', 'DAT.F #20, #10'],
    ['MOV.BA 2, 1', 'DAT #1, #2\nDAT #10, #20', 'DAT.F #20, #2'],
  ])('%s on %s', (op, rest, after) => {
    const b = run(solo(`${op}\n${rest}`), 1);
    expect(cell(b, 1)).toBe(after);
    expect(queue(b)).toEqual([1]);
  });

  it('DIV and MOD by zero kill the process; .F writes the half it can first', () => {
    const b = run(solo('DIV.AB #0, 1\nDAT #0, #9'), 1);
    expect(b.over).toBe(true);
    expect(b.deaths).toEqual([{ warrior: 0, cycle: 1 }]);
    const f = run(solo('SPL 0\nDIV.F 1, 2\nDAT #2, #0\nDAT #8, #9'), 2); // a second process stays
    expect(cell(f, 3)).toBe('DAT.F #4, #9');
    expect(queue(f)).toEqual([0]);
    const m = run(solo('SPL 0\nMOD.X 1, 2\nDAT #0, #2\nDAT #8, #9'), 2);
    expect(cell(m, 3)).toBe('DAT.F #0, #9'); // A: 8 mod 2 written, then B by A=0 kills
    expect(queue(m)).toEqual([0]);
  });
});

describe('control', () => {
  it('DAT kills the process; the last process takes the warrior with it', () => {
    const b = run(solo('SPL 2\nDAT 0\nJMP 0'), 2);
    expect(queue(b)).toEqual([2]);
    expect(b.alive).toBe(1);
    const c = run(solo('DAT 0'), 1);
    expect([c.alive, c.over, c.deaths]).toEqual([0, true, [{ warrior: 0, cycle: 1 }]]);
  });

  it('SPL queues the next instruction first, then the new process', () => {
    expect(queue(run(solo('SPL 5\nJMP 0'), 1))).toEqual([1, 5]);
  });

  it('SPL adds no process beyond the limit', () => {
    // SPL 0 / JMP -1 with at most 3 processes: 1 → [1, 0] → [0, 0] → [0, 1, 0] → [1, 0, 1].
    const b = solo('SPL 0\nJMP -1', { maxProcesses: 3 });
    expect([1, 2, 3, 4].map(() => (run(b, 1), queue(b)))).toEqual([
      [1, 0],
      [0, 0],
      [0, 1, 0],
      [1, 0, 1],
    ]);
    run(b, 100);
    expect(processCount(b, 0)).toBe(3);
  });

  it.each([
    ['JMZ.B 5, 1', 'DAT #1, #0', 5],
    ['JMZ.B 5, 1', 'DAT #0, #1', 1],
    ['JMZ.A 5, 1', 'DAT #0, #1', 5],
    ['JMZ.F 5, 1', 'DAT #0, #1', 1],
    ['JMZ.F 5, 1', 'DAT #0, #0', 5],
    ['JMN.B 5, 1', 'DAT #1, #0', 1],
    ['JMN.BA 5, 1', 'DAT #1, #0', 5],
    ['JMN.F 5, 1', 'DAT #0, #1', 5],
    ['JMN.F 5, 1', 'DAT #0, #0', 1],
    ['JMP 5, 1', 'DAT 0', 5],
    ['JMP @1', 'DAT #0, #7', 8],
    ['DJN.B 5, 1', 'DAT #0, #2', 5],
    ['DJN.B 5, 1', 'DAT #0, #1', 1],
    ['DJN.B 5, 1', 'DAT #0, #0', 5],
    ['DJN.F 5, 1', 'DAT #1, #2', 5],
    ['DJN.F 5, 1', 'DAT #1, #1', 1],
    ['DJN.A 5, 1', 'DAT #1, #7', 1],
    ['SEQ.I 1, 2', 'DAT #1, #2\nDAT #1, #2', 2],
    ['SEQ.I 1, 2', 'DAT #1, #2\nDAT.A #1, #2', 1], // the modifier counts
    ['SEQ.I 1, 2', 'DAT #1, #2\nDAT $1, #2', 1],
    ['CMP.F 1, 2', 'DAT #1, #2\nNOP $1, @2', 2],
    ['SEQ.X 1, 2', 'DAT #1, #2\nDAT #2, #1', 2],
    ['SEQ.AB 1, 2', 'DAT #1, #2\nDAT #2, #1', 2],
    ['SEQ.B 1, 2', 'DAT #1, #2\nDAT #2, #1', 1],
    ['SNE.I 1, 2', 'DAT #1, #2\nDAT #1, #2', 1],
    ['SNE.A 1, 2', 'DAT #1, #2\nDAT #2, #2', 2],
    ['SLT #3, 1', 'DAT #0, #4', 2],
    ['SLT #3, 1', 'DAT #0, #3', 1],
    ['SLT.F 1, 2', 'DAT #1, #2\nDAT #2, #3', 2],
    ['SLT #3, 1', 'DAT #0, #-1', 2], // -1 is 99: fields compare as 0 … coreSize-1
    ['NOP 5, 7', 'DAT 0', 1],
  ])('%s with %s goes on at %i', (op, rest, next) => {
    expect(queue(run(solo(`${op}\n${rest}`), 1))).toEqual([next]);
  });

  it('DJN decrements in core but tests the value its operand read', () => {
    const b = run(solo('DJN.B 5, 1\nDAT #0, #1'), 1);
    expect(cell(b, 1)).toBe('DAT.F #0, #0');
    const i = run(solo('DJN 5, #1'), 1); // an immediate B decrements the DJN itself
    expect([cell(i, 0), queue(i)]).toEqual(['DJN.B $5, #0', [1]]);
  });
});

describe('P-space', () => {
  it('stores and loads; cell 0 holds -1 (no previous battle) and the index wraps', () => {
    // STP.AB #42, #3 stores 42 in cell 3; LDP.AB #13 reads cell 13 mod 10 = 3; cell 0 is -1.
    const b = run(solo('STP.AB #42, #3\nLDP.AB #13, 2\nLDP.AB #0, 2', { pspaceSize: 10 }), 3);
    expect([cell(b, 3), cell(b, 4)]).toEqual(['DAT.F $0, $42', 'DAT.F $0, $-1']);
    // A warrior may overwrite its result cell.
    const r = run(solo('STP.AB #5, #0\nLDP.AB #0, 1', { pspaceSize: 10 }), 2);
    expect(cell(r, 2)).toBe('DAT.F $0, $5');
  });

  it('is private unless two warriors share a PIN', () => {
    const writer = 'STP.AB #7, #4\nJMP 0';
    const reader = 'JMP 1\nLDP.AB #4, 1\nJMP 0';
    const shared = battle([`PIN 9\n${writer}`, `PIN 9\n${reader}`], [0, 50], S);
    run(shared, 4);
    expect(cell(shared, 52)).toBe('JMP.B $0, $7');
    const apart = battle([writer, reader], [0, 50], S);
    run(apart, 4);
    expect(cell(apart, 52)).toBe('JMP.B $0, $0');
  });
});

describe('battles', () => {
  it('two imps tie after exactly maxCycles cycles each', () => {
    const b = battle(['MOV 0, 1', 'MOV 0, 1'], [0, 4000], DEFAULT_SETTINGS);
    runBattle(b, 1e9);
    expect([b.over, b.alive, b.executed, b.counter, cycleOf(b)]).toEqual([true, 2, 160000, 0, 80000]);
  });

  it('the Dwarf kills a stationary target on its 25th bomb, at cycle 74', () => {
    // Dwarf at 0 bombs 3 + 4k on its k-th loop (3 instructions: ADD, MOV, JMP). The target at
    // 103 = 3 + 4·25 is hit by the MOV of loop 25, the Dwarf's 74th instruction (global 147,
    // the Dwarf moving first); the target then executes the bomb (global 148).
    const dwarf = 'ADD #4, 3\nMOV 2, @2\nJMP -2\nDAT #0, #0';
    const b = battle([dwarf, 'JMP 0'], [0, 103], DEFAULT_SETTINGS);
    runBattle(b, 1e9);
    expect(b.deaths).toEqual([{ warrior: 1, cycle: 74 }]);
    expect(b.executed).toBe(148);
    expect(cell(b, 103)).toBe('DAT.F #0, #100');
    // pMARS's counter: 160000 - 147, then a death takes 1 + (counter-1)/2 at once.
    expect(b.counter).toBe(159853 - 1 - Math.floor(159852 / 2));
  });

  it('an imp turns a stationary target into an imp: a tie', () => {
    const b = battle(['MOV 0, 1', 'JMP 0'], [0, 200], DEFAULT_SETTINGS);
    runBattle(b, 1e9);
    expect([b.alive, cycleOf(b)]).toEqual([2, 80000]);
    expect(pointersOf(b, 1).length).toBe(1);
  });

  it('runs three or more warriors in turn and records who died when', () => {
    // w1 dies on its first instruction, w2 after its third; w0 and w3 loop until time runs out.
    const b = battle(['JMP 0', 'DAT 0', 'NOP 0\nNOP 0\nDAT 0', 'JMP 0'], [0, 25, 50, 75], S);
    runBattle(b, 1e9);
    expect(b.deaths).toEqual([
      { warrior: 1, cycle: 1 },
      { warrior: 2, cycle: 3 },
    ]);
    expect([b.alive, b.over, cycleOf(b)]).toEqual([2, true, 1000]);
  });

  it('stops after the budget and goes on from there', () => {
    const whole = battle(['MOV 0, 1', 'SPL 0\nJMP -1'], [0, 50], S);
    runBattle(whole, 1e9);
    const sliced = battle(['MOV 0, 1', 'SPL 0\nJMP -1'], [0, 50], S);
    let steps = 0;
    while (!sliced.over) {
      runBattle(sliced, 37);
      steps++;
    }
    expect(steps).toBe(Math.ceil(2000 / 37));
    expect([...sliced.code, ...sliced.aField, ...sliced.bField]).toEqual([
      ...whole.code,
      ...whole.aField,
      ...whole.bField,
    ]);
  });

  it('loads each warrior at its place with its process at its start', () => {
    const b = createBattle([asm('DAT 0\nstart JMP 0\nEND start')], S, { positions: [98], order: [0] });
    expect([cell(b, 98), cell(b, 99), queue(b)]).toEqual(['DAT.F #0, $0', 'JMP.B $0, $0', [99]]);
  });
});
