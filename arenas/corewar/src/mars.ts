// The MARS: executes Redcode exactly as pMARS 0.9 does (its sim.c is the reference for every
// corner: operand evaluation order, the in-register copies of both operands, DJN testing the
// value read before its decrement, DIV.F writing one half before dying, SPL queue order, the
// cycle counter shared by the warriors). The core and the process queues are typed arrays
// mutated in place and the cycle loop allocates nothing; a Battle has a single owner.
import type { Warrior } from './assembler.ts';
import { EMPTY_WORD } from './redcode.ts';
import type { Settings } from './settings.ts';

export interface Battle {
  readonly coreSize: number;
  readonly maxCycles: number;
  readonly maxProcesses: number;
  /** Warriors in the battle, by index; `positions[i]` is where warrior i was loaded. */
  readonly warriors: readonly Warrior[];
  readonly positions: readonly number[];
  /** Packed opcode / modifier / modes of every cell, and its two fields (0 … coreSize-1). */
  readonly code: Int32Array;
  readonly aField: Int32Array;
  readonly bField: Int32Array;
  /** Who last modified each cell and when: (epoch << 8) | (warrior index + 1); 0 = never.
   *  One store per write keeps tracking cheap; frames collect the cells of the current epoch. */
  readonly marks: Int32Array;
  epoch: number;
  /** Process queues: warrior w owns the ring queue[w*(maxProcesses+1) …] from qHead[w] (the
   *  next to run) up to qTail[w] (exclusive); one spare slot tells full from empty. */
  readonly queue: Int32Array;
  readonly qHead: Int32Array;
  readonly qTail: Int32Array;
  /** Ring of living warriors in execution order. */
  readonly next: Int32Array;
  current: number;
  previous: number;
  /** pMARS's cycle counter: instructions left for all living warriors together. */
  counter: number;
  alive: number;
  /** Warrior indices in the order they died, with the cycle they died in (1 = the first). */
  readonly deaths: { warrior: number; cycle: number }[];
  readonly pspaces: Int32Array[];
  readonly pspaceOf: Int32Array;
  /** P-space cell 0 of each warrior: the previous battle's result (-1, i.e. coreSize-1, at first). */
  readonly lastResult: Int32Array;
  readonly pspaceSize: number;
  over: boolean;
  /** Instructions executed so far. */
  executed: number;
}

export interface Placement {
  /** Load address of each warrior. */
  positions: readonly number[];
  /** Execution order: warrior indices, the first one moves first. */
  order: readonly number[];
}

export function createBattle(warriors: readonly Warrior[], settings: Settings, placement: Placement): Battle {
  const n = warriors.length;
  const cs = settings.coreSize;
  if (n < 1 || n > 255) throw new RangeError(`a battle needs 1 to 255 warriors, got ${n}`);
  const code = new Int32Array(cs).fill(EMPTY_WORD);
  const aField = new Int32Array(cs);
  const bField = new Int32Array(cs);
  const marks = new Int32Array(cs);
  const N = settings.maxProcesses;
  const R = N + 1;
  const queue = new Int32Array(n * R);
  const qHead = new Int32Array(n);
  const qTail = new Int32Array(n);
  warriors.forEach((w, i) => {
    const at = placement.positions[i]!;
    for (let k = 0; k < w.words.length; k++) {
      const c = (at + k) % cs;
      code[c] = w.words[k]!;
      aField[c] = w.aValues[k]! % cs;
      bField[c] = w.bValues[k]! % cs;
      marks[c] = (1 << 8) | (i + 1);
    }
    queue[i * R] = (at + w.start) % cs;
    qTail[i] = 1;
  });
  const order = placement.order;
  const next = new Int32Array(n);
  for (let k = 0; k < n; k++) next[order[k]!] = order[(k + 1) % n]!;

  // P-space: one per warrior, shared by warriors with the same PIN (pMARS).
  const pspaceOf = new Int32Array(n);
  const pspaces: Int32Array[] = [];
  const byPin = new Map<number, number>();
  warriors.forEach((w, i) => {
    const shared = w.pin !== null ? byPin.get(w.pin) : undefined;
    if (shared !== undefined) pspaceOf[i] = shared;
    else {
      pspaceOf[i] = pspaces.length;
      if (w.pin !== null) byPin.set(w.pin, pspaces.length);
      pspaces.push(new Int32Array(settings.pspaceSize));
    }
  });

  return {
    coreSize: cs,
    maxCycles: settings.maxCycles,
    maxProcesses: N,
    warriors,
    positions: placement.positions,
    code,
    aField,
    bField,
    marks,
    epoch: 1,
    queue,
    qHead,
    qTail,
    next,
    current: order[0]!,
    previous: order[n - 1]!,
    counter: n * settings.maxCycles,
    alive: n,
    deaths: [],
    pspaces,
    pspaceOf,
    lastResult: new Int32Array(n).fill(cs - 1),
    pspaceSize: settings.pspaceSize,
    over: false,
    executed: 0,
  };
}

/** Processes of warrior w (0 when it is dead). */
export function processCount(b: Battle, w: number): number {
  const d = b.qTail[w]! - b.qHead[w]!;
  return d < 0 ? d + b.maxProcesses + 1 : d;
}

/** Cycles elapsed: each cycle, every living warrior executes one instruction. */
export function cycleOf(b: Battle): number {
  return Math.max(0, b.maxCycles - Math.ceil(b.counter / Math.max(1, b.alive)));
}

/** Runs the battle on until pMARS's cycle counter has dropped by `budget` (one per instruction,
 *  all warriors together, and a death's share at once), or to its end. */
export function runBattle(bt: Battle, budget: number): void {
  if (bt.over) return;
  const cs = bt.coreSize;
  const cs1 = cs - 1;
  const code = bt.code;
  const aF = bt.aField;
  const bF = bt.bField;
  const marks = bt.marks;
  const epochTag = bt.epoch << 8;
  const queue = bt.queue;
  const qHead = bt.qHead;
  const qTail = bt.qTail;
  const next = bt.next;
  const N = bt.maxProcesses;
  const R = N + 1;
  let w = bt.current;
  let prev = bt.previous;
  let counter = bt.counter;
  const stop = counter > budget ? counter - budget : 0;
  let executed = 0;

  let pc = 0,
    word = 0,
    aPtr = 0,
    raA = 0,
    raB = 0,
    bPtr = 0,
    rbA = 0,
    rbB = 0,
    p = 0,
    t = 0,
    target = 0,
    me = 0;

  while (counter > stop) {
    executed++;
    const qb = w * R;
    const h = qHead[w]!;
    pc = queue[qb + h]!;
    qHead[w] = h + 1 === R ? 0 : h + 1;
    me = epochTag | (w + 1);
    word = code[pc]!;
    const irA = aF[pc]!;
    const irB = bF[pc]!;

    // A operand: pointer, and the A and B fields it reads (pMARS's AA_Value and IR.A_value).
    let mode = (word >>> 3) & 7;
    if (mode === 0) {
      aPtr = pc;
      raA = irA;
      raB = irB;
    } else {
      p = pc + irA;
      if (p >= cs) p -= cs;
      if (mode === 1) {
        aPtr = p;
        raA = aF[p]!;
        raB = bF[p]!;
      } else if (mode >= 5) {
        t = aF[p]!;
        if (mode === 6) {
          t = t === 0 ? cs1 : t - 1;
          aF[p] = t;
          marks[p] = me;
        }
        aPtr = p + t;
        if (aPtr >= cs) aPtr -= cs;
        raA = aF[aPtr]!;
        raB = bF[aPtr]!;
        if (mode === 7) {
          aF[p] = t === cs1 ? 0 : t + 1;
          marks[p] = me;
        }
      } else {
        t = bF[p]!;
        if (mode === 3) {
          t = t === 0 ? cs1 : t - 1;
          bF[p] = t;
          marks[p] = me;
        }
        aPtr = p + t;
        if (aPtr >= cs) aPtr -= cs;
        raA = aF[aPtr]!;
        raB = bF[aPtr]!;
        if (mode === 4) {
          bF[p] = t === cs1 ? 0 : t + 1;
          marks[p] = me;
        }
      }
    }

    // B operand, evaluated after the A operand's increments (an immediate B reads core now).
    mode = word & 7;
    if (mode === 0) {
      bPtr = pc;
      rbA = aF[pc]!;
      rbB = bF[pc]!;
    } else {
      p = pc + irB;
      if (p >= cs) p -= cs;
      if (mode === 1) {
        bPtr = p;
        rbA = aF[p]!;
        rbB = bF[p]!;
      } else if (mode >= 5) {
        t = aF[p]!;
        if (mode === 6) {
          t = t === 0 ? cs1 : t - 1;
          aF[p] = t;
          marks[p] = me;
        }
        bPtr = p + t;
        if (bPtr >= cs) bPtr -= cs;
        rbA = aF[bPtr]!;
        rbB = bF[bPtr]!;
        if (mode === 7) {
          aF[p] = t === cs1 ? 0 : t + 1;
          marks[p] = me;
        }
      } else {
        t = bF[p]!;
        if (mode === 3) {
          t = t === 0 ? cs1 : t - 1;
          bF[p] = t;
          marks[p] = me;
        }
        bPtr = p + t;
        if (bPtr >= cs) bPtr -= cs;
        rbA = aF[bPtr]!;
        rbB = bF[bPtr]!;
        if (mode === 4) {
          bF[p] = t === cs1 ? 0 : t + 1;
          marks[p] = me;
        }
      }
    }

    // Execute. `target`: the next address to queue; -1 kills the process; -2 queues nothing more.
    target = pc === cs1 ? 0 : pc + 1;
    switch (word >>> 6) {
      // MOV
      case 0:
        aF[bPtr] = raA;
        marks[bPtr] = me;
        break;
      case 1:
        bF[bPtr] = raB;
        marks[bPtr] = me;
        break;
      case 2:
        bF[bPtr] = raA;
        marks[bPtr] = me;
        break;
      case 3:
        aF[bPtr] = raB;
        marks[bPtr] = me;
        break;
      case 4:
        aF[bPtr] = raA;
        bF[bPtr] = raB;
        marks[bPtr] = me;
        break;
      case 5:
        bF[bPtr] = raA;
        aF[bPtr] = raB;
        marks[bPtr] = me;
        break;
      case 6:
        code[bPtr] = code[aPtr]!;
        aF[bPtr] = raA;
        bF[bPtr] = raB;
        marks[bPtr] = me;
        break;
      // ADD
      case 8:
        t = rbA + raA;
        aF[bPtr] = t >= cs ? t - cs : t;
        marks[bPtr] = me;
        break;
      case 9:
        t = rbB + raB;
        bF[bPtr] = t >= cs ? t - cs : t;
        marks[bPtr] = me;
        break;
      case 10:
        t = rbB + raA;
        bF[bPtr] = t >= cs ? t - cs : t;
        marks[bPtr] = me;
        break;
      case 11:
        t = rbA + raB;
        aF[bPtr] = t >= cs ? t - cs : t;
        marks[bPtr] = me;
        break;
      case 12:
      case 14:
        t = rbA + raA;
        aF[bPtr] = t >= cs ? t - cs : t;
        t = rbB + raB;
        bF[bPtr] = t >= cs ? t - cs : t;
        marks[bPtr] = me;
        break;
      case 13:
        t = rbB + raA;
        bF[bPtr] = t >= cs ? t - cs : t;
        t = rbA + raB;
        aF[bPtr] = t >= cs ? t - cs : t;
        marks[bPtr] = me;
        break;
      // SUB
      case 16:
        t = rbA - raA;
        aF[bPtr] = t < 0 ? t + cs : t;
        marks[bPtr] = me;
        break;
      case 17:
        t = rbB - raB;
        bF[bPtr] = t < 0 ? t + cs : t;
        marks[bPtr] = me;
        break;
      case 18:
        t = rbB - raA;
        bF[bPtr] = t < 0 ? t + cs : t;
        marks[bPtr] = me;
        break;
      case 19:
        t = rbA - raB;
        aF[bPtr] = t < 0 ? t + cs : t;
        marks[bPtr] = me;
        break;
      case 20:
      case 22:
        t = rbA - raA;
        aF[bPtr] = t < 0 ? t + cs : t;
        t = rbB - raB;
        bF[bPtr] = t < 0 ? t + cs : t;
        marks[bPtr] = me;
        break;
      case 21:
        t = rbB - raA;
        bF[bPtr] = t < 0 ? t + cs : t;
        t = rbA - raB;
        aF[bPtr] = t < 0 ? t + cs : t;
        marks[bPtr] = me;
        break;
      // MUL (products stay exact: doubles hold 65536² easily)
      case 24:
        aF[bPtr] = (rbA * raA) % cs;
        marks[bPtr] = me;
        break;
      case 25:
        bF[bPtr] = (rbB * raB) % cs;
        marks[bPtr] = me;
        break;
      case 26:
        bF[bPtr] = (rbB * raA) % cs;
        marks[bPtr] = me;
        break;
      case 27:
        aF[bPtr] = (rbA * raB) % cs;
        marks[bPtr] = me;
        break;
      case 28:
      case 30:
        aF[bPtr] = (rbA * raA) % cs;
        bF[bPtr] = (rbB * raB) % cs;
        marks[bPtr] = me;
        break;
      case 29:
        bF[bPtr] = (rbB * raA) % cs;
        aF[bPtr] = (rbA * raB) % cs;
        marks[bPtr] = me;
        break;
      // DIV: a zero divisor kills the process; .F/.I/.X write the other half first.
      case 32:
        if (raA === 0) target = -1;
        else {
          aF[bPtr] = (rbA / raA) | 0;
          marks[bPtr] = me;
        }
        break;
      case 33:
        if (raB === 0) target = -1;
        else {
          bF[bPtr] = (rbB / raB) | 0;
          marks[bPtr] = me;
        }
        break;
      case 34:
        if (raA === 0) target = -1;
        else {
          bF[bPtr] = (rbB / raA) | 0;
          marks[bPtr] = me;
        }
        break;
      case 35:
        if (raB === 0) target = -1;
        else {
          aF[bPtr] = (rbA / raB) | 0;
          marks[bPtr] = me;
        }
        break;
      case 36:
      case 38:
        if (raA !== 0) {
          aF[bPtr] = (rbA / raA) | 0;
          marks[bPtr] = me;
        } else target = -1;
        if (raB !== 0) {
          bF[bPtr] = (rbB / raB) | 0;
          marks[bPtr] = me;
        } else target = -1;
        break;
      case 37:
        if (raB !== 0) {
          aF[bPtr] = (rbA / raB) | 0;
          marks[bPtr] = me;
        } else target = -1;
        if (raA !== 0) {
          bF[bPtr] = (rbB / raA) | 0;
          marks[bPtr] = me;
        } else target = -1;
        break;
      // MOD
      case 40:
        if (raA === 0) target = -1;
        else {
          aF[bPtr] = rbA % raA;
          marks[bPtr] = me;
        }
        break;
      case 41:
        if (raB === 0) target = -1;
        else {
          bF[bPtr] = rbB % raB;
          marks[bPtr] = me;
        }
        break;
      case 42:
        if (raA === 0) target = -1;
        else {
          bF[bPtr] = rbB % raA;
          marks[bPtr] = me;
        }
        break;
      case 43:
        if (raB === 0) target = -1;
        else {
          aF[bPtr] = rbA % raB;
          marks[bPtr] = me;
        }
        break;
      case 44:
      case 46:
        if (raA !== 0) {
          aF[bPtr] = rbA % raA;
          marks[bPtr] = me;
        } else target = -1;
        if (raB !== 0) {
          bF[bPtr] = rbB % raB;
          marks[bPtr] = me;
        } else target = -1;
        break;
      case 45:
        if (raB !== 0) {
          aF[bPtr] = rbA % raB;
          marks[bPtr] = me;
        } else target = -1;
        if (raA !== 0) {
          bF[bPtr] = rbB % raA;
          marks[bPtr] = me;
        } else target = -1;
        break;
      // JMZ
      case 48:
      case 51:
        if (rbA === 0) target = aPtr;
        break;
      case 49:
      case 50:
        if (rbB === 0) target = aPtr;
        break;
      case 52:
      case 53:
      case 54:
        if (rbA === 0 && rbB === 0) target = aPtr;
        break;
      // JMN
      case 56:
      case 59:
        if (rbA !== 0) target = aPtr;
        break;
      case 57:
      case 58:
        if (rbB !== 0) target = aPtr;
        break;
      case 60:
      case 61:
      case 62:
        if (rbA !== 0 || rbB !== 0) target = aPtr;
        break;
      // DJN: decrements the cell in core, tests the value the B operand read.
      case 64:
      case 67:
        t = aF[bPtr]!;
        aF[bPtr] = t === 0 ? cs1 : t - 1;
        marks[bPtr] = me;
        if (rbA !== 1) target = aPtr;
        break;
      case 65:
      case 66:
        t = bF[bPtr]!;
        bF[bPtr] = t === 0 ? cs1 : t - 1;
        marks[bPtr] = me;
        if (rbB !== 1) target = aPtr;
        break;
      case 68:
      case 69:
      case 70:
        t = bF[bPtr]!;
        bF[bPtr] = t === 0 ? cs1 : t - 1;
        t = aF[bPtr]!;
        aF[bPtr] = t === 0 ? cs1 : t - 1;
        marks[bPtr] = me;
        if (rbA !== 1 || rbB !== 1) target = aPtr;
        break;
      // CMP and SEQ: skip the next instruction when equal.
      case 72:
      case 112:
        if (rbA === raA) target = pc + 2 >= cs ? pc + 2 - cs : pc + 2;
        break;
      case 73:
      case 113:
        if (rbB === raB) target = pc + 2 >= cs ? pc + 2 - cs : pc + 2;
        break;
      case 74:
      case 114:
        if (rbB === raA) target = pc + 2 >= cs ? pc + 2 - cs : pc + 2;
        break;
      case 75:
      case 115:
        if (rbA === raB) target = pc + 2 >= cs ? pc + 2 - cs : pc + 2;
        break;
      case 76:
      case 116:
        if (rbA === raA && rbB === raB) target = pc + 2 >= cs ? pc + 2 - cs : pc + 2;
        break;
      case 77:
      case 117:
        if (rbB === raA && rbA === raB) target = pc + 2 >= cs ? pc + 2 - cs : pc + 2;
        break;
      case 78:
      case 118:
        if (code[bPtr] === code[aPtr] && rbA === raA && rbB === raB) target = pc + 2 >= cs ? pc + 2 - cs : pc + 2;
        break;
      // SLT: skip when B > A.
      case 80:
        if (rbA > raA) target = pc + 2 >= cs ? pc + 2 - cs : pc + 2;
        break;
      case 81:
        if (rbB > raB) target = pc + 2 >= cs ? pc + 2 - cs : pc + 2;
        break;
      case 82:
        if (rbB > raA) target = pc + 2 >= cs ? pc + 2 - cs : pc + 2;
        break;
      case 83:
        if (rbA > raB) target = pc + 2 >= cs ? pc + 2 - cs : pc + 2;
        break;
      case 84:
      case 86:
        if (rbA > raA && rbB > raB) target = pc + 2 >= cs ? pc + 2 - cs : pc + 2;
        break;
      case 85:
        if (rbB > raA && rbA > raB) target = pc + 2 >= cs ? pc + 2 - cs : pc + 2;
        break;
      // SPL: the next instruction first, then the new process if there is room.
      case 88:
      case 89:
      case 90:
      case 91:
      case 92:
      case 93:
      case 94: {
        let e = qTail[w]!;
        queue[qb + e] = target;
        if (++e === R) e = 0;
        // Processes now (the next one queued included): tail - head around the ring.
        const count = e - qHead[w]!;
        if ((count < 0 ? count + R : count) < N) {
          queue[qb + e] = aPtr;
          if (++e === R) e = 0;
        }
        qTail[w] = e;
        target = -2;
        break;
      }
      // DAT
      case 96:
      case 97:
      case 98:
      case 99:
      case 100:
      case 101:
      case 102:
        target = -1;
        break;
      // JMP
      case 104:
      case 105:
      case 106:
      case 107:
      case 108:
      case 109:
      case 110:
        target = aPtr;
        break;
      // SNE: skip when different.
      case 120:
        if (rbA !== raA) target = pc + 2 >= cs ? pc + 2 - cs : pc + 2;
        break;
      case 121:
        if (rbB !== raB) target = pc + 2 >= cs ? pc + 2 - cs : pc + 2;
        break;
      case 122:
        if (rbB !== raA) target = pc + 2 >= cs ? pc + 2 - cs : pc + 2;
        break;
      case 123:
        if (rbA !== raB) target = pc + 2 >= cs ? pc + 2 - cs : pc + 2;
        break;
      case 124:
        if (rbA !== raA || rbB !== raB) target = pc + 2 >= cs ? pc + 2 - cs : pc + 2;
        break;
      case 125:
        if (rbB !== raA || rbA !== raB) target = pc + 2 >= cs ? pc + 2 - cs : pc + 2;
        break;
      case 126:
        if (code[bPtr] !== code[aPtr] || rbA !== raA || rbB !== raB) target = pc + 2 >= cs ? pc + 2 - cs : pc + 2;
        break;
      // NOP
      case 128:
      case 129:
      case 130:
      case 131:
      case 132:
      case 133:
      case 134:
        break;
      // LDP / STP: P-space cell 0 is the previous result.
      case 136:
        aF[bPtr] = pspaceGet(bt, w, raA);
        marks[bPtr] = me;
        break;
      case 137:
      case 140:
      case 141:
      case 142:
        bF[bPtr] = pspaceGet(bt, w, raB);
        marks[bPtr] = me;
        break;
      case 138:
        bF[bPtr] = pspaceGet(bt, w, raA);
        marks[bPtr] = me;
        break;
      case 139:
        aF[bPtr] = pspaceGet(bt, w, raB);
        marks[bPtr] = me;
        break;
      case 144:
        pspaceSet(bt, w, rbA, raA);
        break;
      case 145:
      case 148:
      case 149:
      case 150:
        pspaceSet(bt, w, rbB, raB);
        break;
      case 146:
        pspaceSet(bt, w, rbB, raA);
        break;
      case 147:
        pspaceSet(bt, w, rbA, raB);
        break;
      default:
        throw new Error(`corrupt core word ${word} at ${pc}`);
    }
    if (target >= 0) {
      const e = qTail[w]!;
      queue[qb + e] = target;
      qTail[w] = e + 1 === R ? 0 : e + 1;
    } else if (target === -1 && qHead[w] === qTail[w]) {
      // The warrior's last process died (pMARS: the cycle counter keeps the survivors' share).
      const left = bt.alive;
      bt.deaths.push({ warrior: w, cycle: bt.maxCycles - Math.ceil(counter / left) + 1 });
      counter = counter - 1 - Math.floor((counter - 1) / left);
      bt.alive = left - 1;
      if (left - 1 < 2) {
        bt.over = true;
        break;
      }
      w = next[w]!;
      next[prev] = w;
      if (--counter === 0) {
        bt.over = true;
        break;
      }
      continue;
    }
    prev = w;
    w = next[w]!;
    if (--counter === 0) {
      bt.over = true;
      break;
    }
  }
  bt.executed += executed;
  bt.current = w;
  bt.previous = prev;
  bt.counter = counter;
}

function pspaceGet(bt: Battle, w: number, index: number): number {
  const k = index % bt.pspaceSize;
  return k === 0 ? bt.lastResult[w]! : bt.pspaces[bt.pspaceOf[w]!]![k]!;
}

function pspaceSet(bt: Battle, w: number, index: number, value: number): void {
  const k = index % bt.pspaceSize;
  if (k === 0) bt.lastResult[w] = value;
  else bt.pspaces[bt.pspaceOf[w]!]![k] = value;
}

let warmedUp = false;

/** Gives the JIT type feedback for every opcode, modifier, mode and outcome before real battles
 *  run: a cold runBattle is optimised early with branches it has not seen yet and then
 *  deoptimises each time a warrior reaches one, which costs the first battles of a process
 *  up to half their speed. About 20 ms, once per process; deterministic and pure. */
export function warmUp(): void {
  if (warmedUp) return;
  warmedUp = true;
  let seed = 12345;
  const rand = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const settings: Settings = {
    coreSize: 400,
    maxCycles: 2000,
    maxProcesses: 16,
    maxLength: 20,
    minDistance: 20,
    pspaceSize: 25,
  };
  const small = [0, 1, 2, 3, 399, 398, 5, 7];
  for (let round = 0; round < 400; round++) {
    const warriors = [0, 1, 2].slice(0, 2 + (round % 2)).map((): Warrior => {
      const len = 1 + rand(12);
      const words = new Int32Array(len);
      const aValues = new Int32Array(len);
      const bValues = new Int32Array(len);
      for (let k = 0; k < len; k++) {
        // Mostly survivable code (moves, splits, jumps) so battles last; sometimes anything.
        const op = rand(3) === 0 ? rand(19) : [0, 1, 2, 11, 13, 8, 14, 15, 10, 6, 7, 16, 3, 17, 18, 0, 11][rand(17)]!;
        words[k] = (((op << 3) | rand(7)) << 6) | (rand(8) << 3) | rand(8);
        aValues[k] = small[rand(8)]!;
        bValues[k] = small[rand(8)]!;
      }
      return {
        name: '',
        author: '',
        code: [],
        start: rand(len),
        pin: rand(4) === 0 ? 1 : null,
        words,
        aValues,
        bValues,
        usesWarriors: false,
      };
    });
    const positions = warriors.map((_, i) => i * 130 + rand(20));
    const b = createBattle(warriors, settings, { positions, order: warriors.map((_, i) => i) });
    runBattle(b, 500 + rand(3000));
  }
}
