// The Redcode assembler: ICWS'94 draft syntax with pMARS's preprocessor. Pure (no I/O) and
// bounded in time and memory, because it reads untrusted source on the host.
//
//   ;redcode  first occurrence drops everything above it, a second one ends the source
//   ;name ;author ;assert <expr>   (a false assertion is an error; none at all is a warning)
//   labels    one or more before an instruction (optionally with a colon), case-sensitive;
//             an operand's label means its distance from the current instruction
//   x EQU t   text substitution, as pMARS (so `EQU 1+2` times 3 is 7: add parentheses);
//             lines right after that start with EQU continue it (a multi-line EQU)
//   [c] FOR n … ROF   the block n times; the counter c runs 1…n, `name&c` pastes it (x01, x02…)
//   ORG / END [start]  start address; END ends the source; PIN n shares P-space
//   predefined: CORESIZE MAXPROCESSES MAXCYCLES MAXLENGTH MINDISTANCE WARRIORS ROUNDS VERSION
//               PSPACESIZE READLIMIT WRITELIMIT, and CURLINE (instructions so far)
// Departures from pMARS, all cases it only warns about and then plays oddly: a label defined
// twice, a start outside the code, and an empty warrior are errors here.
import { evaluate, type ExprContext } from './expr.ts';
import {
  type Instruction,
  type Mode,
  type Modifier,
  MODES,
  MODIFIERS,
  OPCODES,
  type Opcode,
  defaultModifier,
  wordOf,
} from './redcode.ts';
import type { Settings } from './settings.ts';
import { AsmError, type Token, show, tokenize } from './tokens.ts';

export interface Diagnostic {
  /** 1-based source line; 0 when the problem concerns the whole warrior. */
  line: number;
  message: string;
}

export interface Warrior {
  name: string;
  author: string;
  code: Instruction[];
  /** Offset of the first instruction to run (ORG / END). */
  start: number;
  /** PIN: warriors with the same number share their P-space; null when absent. */
  pin: number | null;
  /** Packed for the MARS (see redcode.ts). */
  words: Int32Array;
  aValues: Int32Array;
  bValues: Int32Array;
  /** The source uses WARRIORS, so it must be assembled again for another number of warriors. */
  usesWarriors: boolean;
}

export type AssembleResult =
  { ok: true; warrior: Warrior; warnings: Diagnostic[] } | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

export interface AssembleOptions {
  /** Value of WARRIORS (default 2). */
  warriors?: number;
}

/** pMARS's VERSION constant (0.9.4). */
export const PMARS_VERSION = 94;
/** Bounds on work for hostile sources: lines processed (FOR loops count every pass) and
 *  tokens one operand may expand to through EQU. */
const MAX_LINES_PROCESSED = 200_000;
const MAX_EXPANDED_TOKENS = 10_000;
const MAX_ERRORS = 20;

interface SourceLine {
  no: number;
  text: string;
  /** Lines that come from a multi-line EQU arrive tokenized. */
  tokens?: Token[];
  /** `;assert` lines keep their expression. */
  assert?: string;
}

interface Statement {
  line: number;
  addr: number;
  kind: 'instr' | 'org' | 'end' | 'pin';
  op: string;
  rest: Token[];
}

const PSEUDO = new Set(['ORG', 'END', 'PIN']);
const OPCODE_SET = new Set<string>(OPCODES);
const MODE_SET = new Set<string>(MODES);

class Stop extends Error {}
const NO_COUNTERS: ReadonlyMap<string, number> = new Map();

export function assemble(source: string, settings: Settings, o: AssembleOptions = {}): AssembleResult {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const fail = (line: number, message: string) => {
    errors.push({ line, message });
    if (errors.length >= MAX_ERRORS) throw new Stop();
  };
  const warn = (line: number, message: string) => warnings.push({ line, message });

  const meta = { name: 'Unknown', author: 'Anonymous' };
  const lines = readLines(source, meta);

  const predefined = new Map<string, number>([
    ['CORESIZE', settings.coreSize],
    ['MAXPROCESSES', settings.maxProcesses],
    ['MAXCYCLES', settings.maxCycles],
    ['MAXLENGTH', settings.maxLength],
    ['MINDISTANCE', settings.minDistance],
    ['VERSION', PMARS_VERSION],
    ['WARRIORS', o.warriors ?? 2],
    ['ROUNDS', 1],
    ['PSPACESIZE', settings.pspaceSize],
    ['READLIMIT', settings.coreSize],
    ['WRITELIMIT', settings.coreSize],
  ]);
  /** EQU texts, raw; more than one line when continued by lines that start with EQU. */
  const equs = new Map<string, { lines: Token[][]; line: number }>();
  const labels = new Map<string, { addr: number; line: number }>();
  const statements: Statement[] = [];
  const registers: number[] = new Array(26).fill(0);
  let usesWarriors = false;
  let sawAssert = false;
  let addr = 0;
  let pending: { name: string; line: number }[] = [];
  let ended = false;
  let processed = 0;

  const defineLabels = (line: number, at: number) => {
    for (const p of pending) {
      const known = labels.get(p.name);
      if (known) fail(line, `label "${p.name}" is already defined on line ${known.line}`);
      else labels.set(p.name, { addr: at, line });
    }
    pending = [];
  };

  /** Replaces EQU names (and CURLINE) by their text, recursively, within a bound. An EQU's
   *  text is kept raw and its FOR counters are those where it is used, as in pMARS. */
  const expand = (
    tokens: readonly Token[],
    at: number,
    skipModifier: boolean,
    counters: ReadonlyMap<string, number>,
  ): Token[] => {
    const out: Token[] = [];
    let budget = MAX_EXPANDED_TOKENS;
    const walk = (ts: readonly Token[], depth: number, first: Token | null) => {
      if (depth > 64) throw new AsmError('EQU definitions nest too deep (is one defined through itself?)');
      ts.forEach((t, i) => {
        if (--budget < 0) throw new AsmError('EQU substitution grows too large');
        const tok = i === 0 && first ? { ...t, sp: first.sp } : t;
        if (t.kind === 'id' && !(skipModifier && depth === 0 && i === 1 && ts[0]?.text === '.')) {
          if (t.text === 'WARRIORS') usesWarriors = true;
          if (t.text === 'CURLINE') return void out.push({ kind: 'num', text: String(at), sp: tok.sp });
          const pre = predefined.get(t.text);
          if (pre !== undefined) return void out.push({ kind: 'num', text: String(pre), sp: tok.sp });
          const e = equs.get(t.text);
          if (e && e.lines.length > 1) throw new AsmError(`"${t.text}" is a multi-line EQU: it can only start a line`);
          if (e) return walk(substituteCounters(e.lines[0]!, counters), depth + 1, tok);
        }
        out.push(tok);
      });
    };
    walk(tokens, 0, null);
    return out;
  };

  const exprContext = (at: number, absolute: boolean): ExprContext => ({
    registers,
    resolve: (name) => {
      const l = labels.get(name);
      if (l) return absolute ? l.addr : l.addr - at;
      return undefined;
    },
  });

  /** Counter substitution inside FOR blocks, textual as in pMARS: `c` → 01, 02 …, `name&c` →
   *  name01, and digits right before a counter take it on (`7c` → 701). A modifier after an
   *  opcode (`mov.i` with a counter i) is left alone. */
  const substituteCounters = (tokens: Token[], counters: ReadonlyMap<string, number>): Token[] => {
    if (counters.size === 0 && !tokens.some((t) => t.text === '&')) return tokens;
    const pad = (n: number) => String(n).padStart(2, '0');
    const out: Token[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.kind === 'id') {
        let text = t.text;
        while (
          tokens[i + 1]?.text === '&' &&
          !tokens[i + 1]!.sp &&
          tokens[i + 2]?.kind === 'id' &&
          !tokens[i + 2]!.sp
        ) {
          const c = counters.get(tokens[i + 2]!.text);
          if (c === undefined) throw new AsmError(`"&${tokens[i + 2]!.text}" is not a FOR counter`);
          text += pad(c);
          i += 2;
        }
        const prev = out[out.length - 1];
        const isModifier = !t.sp && prev?.text === '.' && !prev.sp && out[out.length - 2]?.kind === 'id';
        const c = text === t.text && !isModifier ? counters.get(text) : undefined;
        if (c === undefined) out.push({ ...t, text });
        else if (!t.sp && prev?.kind === 'num') out[out.length - 1] = { ...prev, text: prev.text + pad(c) };
        else out.push({ kind: 'num', text: pad(c), sp: t.sp });
      } else if (t.text === '&') {
        throw new AsmError('"&" pastes a FOR counter onto a name, as in x&i');
      } else out.push(t);
    }
    return out;
  };

  /** Index of the ROF closing the FOR on line `from` (nested blocks counted), or -1. */
  const matchingRof = (lines: readonly SourceLine[], from: number, end: number): number => {
    let depth = 1;
    for (let j = from + 1; j < end; j++) {
      const word = blockWord(lines[j]!.text);
      if (word === 'FOR') depth++;
      else if (word === 'ROF' && --depth === 0) return j;
    }
    return -1;
  };

  let nesting = 0;
  const processLines = (
    lines: readonly SourceLine[],
    start: number,
    end: number,
    counters: ReadonlyMap<string, number>,
  ): void => {
    if (++nesting > 64) throw new AsmError('FOR blocks and multi-line EQUs nest too deep');
    try {
      processBlock(lines, start, end, counters);
    } finally {
      nesting--;
    }
  };
  const processBlock = (
    lines: readonly SourceLine[],
    start: number,
    end: number,
    counters: ReadonlyMap<string, number>,
  ): void => {
    for (let i = start; i < end && !ended; i++) {
      if (++processed > MAX_LINES_PROCESSED) throw new AsmError('FOR blocks expand to too many lines');
      const line = lines[i]!;
      try {
        if (line.assert !== undefined) {
          sawAssert = true;
          let ok: number;
          try {
            ok = evaluate(
              expand(substituteCounters(tokenize(line.assert), counters), addr, false, counters),
              exprContext(addr, false),
            );
          } catch (e) {
            if (!(e instanceof AsmError)) throw e;
            warn(line.no, `;assert cannot be evaluated: ${e.message}`);
            continue;
          }
          if (!ok) fail(line.no, `assertion failed: ${line.assert.trim()}`);
          continue;
        }
        // An EQU's text stays raw (its counters and & are resolved where it is used).
        const raw = line.tokens ?? tokenize(line.text);
        const equAt = raw.findIndex((t) => t.kind === 'id' && t.text.toUpperCase() === 'EQU');
        const toks = substituteCounters(equAt < 0 ? raw : raw.slice(0, equAt + 1), counters);
        const equText = equAt < 0 ? [] : raw.slice(equAt + 1);
        let k = 0;
        let expansions = 0;
        while (k < toks.length) {
          const t = toks[k]!;
          if (t.kind !== 'id') throw new AsmError(`expected a label or an opcode, found "${t.text}"`);
          const upper = t.text.toUpperCase();
          if (upper === 'ROF') throw new AsmError('ROF without a FOR');
          if (upper === 'FOR') {
            const close = matchingRof(lines, i, end);
            // Scanning for the ROF and every pass through the block count as work done.
            processed += (close < 0 ? end : close) - i;
            const counter = pending.pop()?.name;
            defineLabels(line.no, addr);
            const count = evaluate(expand(toks.slice(k + 1), addr, false, counters), exprContext(addr, false));
            if (close < 0) warn(line.no, 'FOR without a matching ROF: the block runs to the end');
            const stop = close < 0 ? end : close;
            for (let n = 1; n <= count && !ended; n++) {
              if (++processed > MAX_LINES_PROCESSED) throw new AsmError('FOR blocks expand to too many lines');
              const inner = new Map(counters);
              if (counter !== undefined) inner.set(counter, n);
              processLines(lines, i + 1, stop, inner);
            }
            i = stop;
            break;
          }
          if (upper === 'EQU') {
            if (pending.length === 0) throw new AsmError('EQU needs a name before it');
            const body = [equText];
            // pMARS: lines right after that start with EQU continue the text (a multi-line EQU).
            while (i + 1 < end && !lines[i + 1]!.assert) {
              const more = lines[i + 1]!.tokens ?? tokenize(lines[i + 1]!.text);
              if (more[0]?.kind !== 'id' || more[0].text.toUpperCase() !== 'EQU') break;
              body.push(more.slice(1));
              i++;
            }
            for (const p of pending) {
              if (equs.has(p.name) || labels.has(p.name) || predefined.has(p.name))
                throw new AsmError(`"${p.name}" is already defined`);
              equs.set(p.name, { lines: body, line: line.no });
            }
            pending = [];
            break;
          }
          if (OPCODE_SET.has(upper) || PSEUDO.has(upper)) {
            defineLabels(line.no, addr);
            const kind = OPCODE_SET.has(upper) ? 'instr' : (upper.toLowerCase() as Statement['kind']);
            statements.push({
              line: line.no,
              addr,
              kind,
              op: upper,
              rest: expand(toks.slice(k + 1), addr, kind === 'instr', counters),
            });
            if (kind === 'instr' && ++addr > settings.maxLength) {
              fail(line.no, `too many instructions: more than MAXLENGTH (${settings.maxLength})`);
              throw new Stop();
            }
            if (kind === 'end') ended = true;
            break;
          }
          const e = equs.get(t.text);
          const pre = predefined.get(t.text);
          if (e && e.lines.length > 1) {
            // A multi-line EQU: its lines take this one's place (what precedes the name joins
            // the first, what follows joins the last), FOR blocks in them included.
            const body = e.lines.map((l) => [...l]);
            body[0]!.unshift(...toks.slice(0, k));
            body[body.length - 1]!.push(...toks.slice(k + 1));
            if (++expansions > 64) throw new AsmError('EQU definitions nest too deep');
            processLines(
              body.map((tokens) => ({ no: line.no, text: show(tokens), tokens })),
              0,
              body.length,
              counters,
            );
            break;
          }
          if (e || pre !== undefined) {
            if (++expansions > 64) throw new AsmError('EQU definitions nest too deep');
            toks.splice(
              k,
              1,
              ...(e
                ? substituteCounters(e.lines[0]!, counters)
                : [{ kind: 'num', text: String(pre), sp: t.sp } satisfies Token]),
            );
            continue;
          }
          const known = labels.get(t.text);
          if (known) throw new AsmError(`label "${t.text}" is already defined on line ${known.line}`);
          if (pending.length >= 32) throw new AsmError('too many labels on one instruction');
          pending.push({ name: t.text, line: line.no });
          k++;
          if (toks[k]?.text === ':') k++;
        }
      } catch (e) {
        if (!(e instanceof AsmError)) throw e;
        fail(line.no, e.message);
      }
    }
  };

  const code: Instruction[] = [];
  let start = 0;
  let pin: number | null = null;
  try {
    processLines(lines, 0, lines.length, NO_COUNTERS);
    if (pending.length)
      warn(
        pending[0]!.line,
        `label${pending.length > 1 ? 's' : ''} ${pending.map((p) => `"${p.name}"`).join(', ')} with no instruction after them`,
      );
    if (!sawAssert) warn(0, 'no ;assert: the warrior does not check the settings it expects');

    for (const s of statements) {
      try {
        if (s.kind === 'instr') {
          code.push(
            parseInstruction(
              s,
              expand(s.rest, s.addr, true, NO_COUNTERS),
              exprContext(s.addr, false),
              settings.coreSize,
            ),
          );
          continue;
        }
        const rest = expand(s.rest, s.addr, false, NO_COUNTERS);
        if (rest.length === 0) {
          if (s.kind === 'org') start = 0;
          continue;
        }
        const v = evaluate(rest, exprContext(s.addr, true));
        if (s.kind === 'org') start = normalize(v, settings.coreSize);
        else if (s.kind === 'pin') pin = v;
        else if (v !== 0) {
          if (start !== 0) warn(s.line, 'END start ignored: ORG already set the start');
          else start = normalize(v, settings.coreSize);
        }
      } catch (e) {
        if (!(e instanceof AsmError)) throw e;
        fail(s.line, e.message);
      }
    }
    if (errors.length === 0 && code.length === 0) fail(0, 'no instructions');
    if (errors.length === 0 && start >= code.length)
      fail(0, `the start (ORG/END) is ${start}, outside the code (0…${code.length - 1})`);
  } catch (e) {
    if (e instanceof AsmError) fail(0, e.message);
    else if (!(e instanceof Stop)) throw e;
  }

  // Line order, whole-warrior problems last (the sort is stable).
  const byLine = (a: Diagnostic, b: Diagnostic) => (a.line || Infinity) - (b.line || Infinity);
  errors.sort(byLine);
  warnings.sort(byLine);
  if (errors.length) return { ok: false, errors, warnings };
  return {
    ok: true,
    warnings,
    warrior: {
      name: meta.name,
      author: meta.author,
      code,
      start,
      pin,
      words: Int32Array.from(code, wordOf),
      aValues: Int32Array.from(code, (i) => i.a),
      bValues: Int32Array.from(code, (i) => i.b),
      usesWarriors,
    },
  };
}

/** FOR or ROF when a line opens or closes a block: pMARS looks past leading names (labels) to
 *  the first keyword, and stops at anything else, so prose in a `FOR 0` comment block is safe. */
function blockWord(text: string): 'FOR' | 'ROF' | null {
  const re = /\s*([A-Za-z_][A-Za-z0-9_]*)/y;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const w = m[1]!.toUpperCase();
    if (w === 'FOR' || w === 'ROF') return w;
    if (OPCODE_SET.has(w) || PSEUDO.has(w) || w === 'EQU' || w === 'CURLINE') return null;
  }
  return null;
}

const normalize = (v: number, coreSize: number): number => ((v % coreSize) + coreSize) % coreSize;

function parseInstruction(s: Statement, rest: Token[], ctx: ExprContext, coreSize: number): Instruction {
  const op = s.op as Opcode;
  let k = 0;
  let mod: Modifier | null = null;
  if (rest[0]?.text === '.') {
    const m = rest[1];
    const upper = m?.text.toUpperCase();
    if (!m || m.kind !== 'id' || !MODIFIERS.includes(upper as Modifier))
      throw new AsmError(`bad modifier "${m?.text ?? ''}" (A B AB BA F X I)`);
    mod = upper as Modifier;
    k = 2;
  }
  const operands: Token[][] = [[]];
  for (; k < rest.length; k++) {
    if (rest[k]!.text === ',') operands.push([]);
    else operands[operands.length - 1]!.push(rest[k]!);
  }
  if (operands.length > 2) throw new AsmError('too many operands (at most two)');
  if (operands.length === 1 && operands[0]!.length === 0) throw new AsmError(`${op} needs an operand`);
  let a: { mode: Mode; value: number };
  let b: { mode: Mode; value: number };
  if (operands.length === 2) {
    a = parseOperand(operands[0]!, 'A', ctx);
    b = parseOperand(operands[1]!, 'B', ctx);
  } else if (op === 'DAT') {
    // One operand: DAT x is DAT #0, x; JMP / SPL / NOP x take $0 as B; others need two.
    a = { mode: '#', value: 0 };
    b = parseOperand(operands[0]!, 'B', ctx);
  } else if (op === 'JMP' || op === 'SPL' || op === 'NOP') {
    a = parseOperand(operands[0]!, 'A', ctx);
    b = { mode: '$', value: 0 };
  } else throw new AsmError(`${op} needs two operands`);
  return {
    op,
    mod: mod ?? defaultModifier(op, a.mode, b.mode),
    aMode: a.mode,
    a: normalize(a.value, coreSize),
    bMode: b.mode,
    b: normalize(b.value, coreSize),
  };
}

function parseOperand(tokens: Token[], which: 'A' | 'B', ctx: ExprContext): { mode: Mode; value: number } {
  if (tokens.length === 0) throw new AsmError(`missing ${which}-operand`);
  let mode: Mode = '$';
  let expr = tokens;
  const first = tokens[0]!;
  if (first.kind === 'sym' && MODE_SET.has(first.text)) {
    mode = first.text as Mode;
    expr = tokens.slice(1);
    if (expr.length === 0) throw new AsmError(`missing ${which}-operand after "${first.text}"`);
  }
  try {
    return { mode, value: evaluate(expr, ctx) };
  } catch (e) {
    if (e instanceof AsmError) throw new AsmError(`${which}-operand "${show(expr)}": ${e.message}`);
    throw e;
  }
}

/** Physical lines → logical lines: `;redcode` framing, `\` continuations, metadata and
 *  `;assert` collected, comments and blank lines dropped. */
function readLines(source: string, meta: { name: string; author: string }): SourceLine[] {
  const physical = source.split(/\r\n|\n|\r/);
  let out: SourceLine[] = [];
  let redcodeSeen = false;
  for (let i = 0; i < physical.length; i++) {
    const no = i + 1;
    let text = physical[i]!;
    while (text.endsWith('\\') && !text.includes(';') && i + 1 < physical.length)
      text = text.slice(0, -1) + physical[++i]!;
    const trimmed = text.trimStart();
    if (trimmed.startsWith(';')) {
      const m = /^;(\s*)([A-Za-z_][A-Za-z0-9_]*)(.*)$/.exec(trimmed);
      if (!m) continue;
      const word = m[2]!.toUpperCase();
      const rest = m[3]!.trim();
      if (word === 'REDCODE' && m[1] === '') {
        if (redcodeSeen) break;
        redcodeSeen = true;
        out = [];
      } else if (word === 'NAME') meta.name = rest || 'Unknown';
      else if (word === 'AUTHOR') meta.author = rest || 'Anonymous';
      else if (word === 'ASSERT') out.push({ no, text: '', assert: m[3]!.split(';')[0]! });
      continue;
    }
    const code = text.split(';')[0]!;
    if (code.trim()) out.push({ no, text: code });
  }
  return out;
}
