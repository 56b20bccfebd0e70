// Redcode lines as tokens: identifiers, decimal numbers and symbols. `sp` records whether
// whitespace came before a token, because pMARS's `&` concatenation (`x&i`) needs none.

export interface Token {
  kind: 'id' | 'num' | 'sym';
  text: string;
  sp: boolean;
}

const TWO_CHAR = new Set(['==', '!=', '<=', '>=', '&&', '||']);
const ONE_CHAR = new Set([
  '(',
  ')',
  '+',
  '-',
  '*',
  '/',
  '%',
  '!',
  '=',
  '<',
  '>',
  '#',
  '$',
  '@',
  '{',
  '}',
  ',',
  '.',
  ':',
  '&',
]);

/** An assembly error; the assembler adds the line number. */
export class AsmError extends Error {}

/** Splits one line (comment already removed). Throws AsmError on a character Redcode has no use for. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let sp = true;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\v' || c === '\f') {
      sp = true;
      i++;
      continue;
    }
    if (isDigit(c)) {
      let j = i + 1;
      while (j < text.length && isDigit(text[j]!)) j++;
      out.push({ kind: 'num', text: text.slice(i, j), sp });
      i = j;
    } else if (isAlpha(c)) {
      let j = i + 1;
      while (j < text.length && (isAlpha(text[j]!) || isDigit(text[j]!))) j++;
      out.push({ kind: 'id', text: text.slice(i, j), sp });
      i = j;
    } else if (TWO_CHAR.has(text.slice(i, i + 2))) {
      out.push({ kind: 'sym', text: text.slice(i, i + 2), sp });
      i += 2;
    } else if (ONE_CHAR.has(c)) {
      out.push({ kind: 'sym', text: c, sp });
      i++;
    } else {
      throw new AsmError(`unexpected character ${JSON.stringify(c)}`);
    }
    sp = false;
  }
  return out;
}

const isDigit = (c: string) => c >= '0' && c <= '9';
const isAlpha = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';

export const show = (tokens: readonly Token[]): string =>
  tokens.map((t, i) => (i > 0 && t.sp ? ' ' : '') + t.text).join('');
