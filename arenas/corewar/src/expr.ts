// Redcode expressions as pMARS evaluates them: integers, ( ), unary - + !, * / % (C
// truncation), + -, comparisons == != < > <= >=, && and || (results 1 or 0), and 26 registers
// a–z with assignment (`a=CORESIZE/4`), all left-associative with C's precedence.
import { AsmError, type Token } from './tokens.ts';

export interface ExprContext {
  /** A symbol's value, or undefined when it is unknown (single letters then act as registers). */
  resolve(name: string): number | undefined;
  registers: number[];
}

const PREC: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 3,
  '>': 3,
  '<=': 3,
  '>=': 3,
  '+': 4,
  '-': 4,
  '*': 5,
  '/': 5,
  '%': 5,
};

export function evaluate(tokens: readonly Token[], ctx: ExprContext): number {
  if (tokens.length === 0) throw new AsmError('missing expression');
  let pos = 0;
  const peek = () => tokens[pos];

  const binary = (minPrec: number): number => {
    let left = unary();
    for (;;) {
      const t = peek();
      if (!t || t.kind !== 'sym') break;
      const p = PREC[t.text];
      if (p === undefined || p < minPrec) break;
      pos++;
      const right = binary(p + 1);
      left = apply(t.text, left, right);
    }
    return left;
  };

  const unary = (): number => {
    const t = peek();
    if (!t) throw new AsmError('expression ends too early');
    if (t.kind === 'sym') {
      if (t.text === '-') {
        pos++;
        return -unary();
      }
      if (t.text === '+') {
        pos++;
        return unary();
      }
      if (t.text === '!') {
        pos++;
        return unary() ? 0 : 1;
      }
      if (t.text === '(') {
        pos++;
        const v = binary(1);
        if (peek()?.text !== ')') throw new AsmError('missing ")"');
        pos++;
        return v;
      }
      throw new AsmError(`unexpected "${t.text}" in an expression`);
    }
    pos++;
    if (t.kind === 'num') return Number(t.text);
    const v = ctx.resolve(t.text);
    if (v !== undefined) return v;
    if (t.text.length === 1) {
      const reg = t.text.toUpperCase().charCodeAt(0) - 65;
      const next = peek();
      if (next?.kind === 'sym' && next.text === '=') {
        pos++;
        ctx.registers[reg] = binary(1);
      }
      return ctx.registers[reg] ?? 0;
    }
    throw new AsmError(`undefined symbol "${t.text}"`);
  };

  const v = binary(1);
  if (pos < tokens.length) throw new AsmError(`unexpected "${tokens[pos]!.text}" after an expression`);
  return v;
}

function apply(op: string, x: number, y: number): number {
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      if (y === 0) throw new AsmError('division by zero');
      return Math.trunc(x / y);
    case '%':
      if (y === 0) throw new AsmError('division by zero');
      return x % y;
    case '==':
      return x === y ? 1 : 0;
    case '!=':
      return x !== y ? 1 : 0;
    case '<':
      return x < y ? 1 : 0;
    case '>':
      return x > y ? 1 : 0;
    case '<=':
      return x <= y ? 1 : 0;
    case '>=':
      return x >= y ? 1 : 0;
    case '&&':
      return x && y ? 1 : 0;
    case '||':
      return x || y ? 1 : 0;
    default:
      throw new AsmError(`unknown operator "${op}"`);
  }
}
