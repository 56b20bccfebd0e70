// Plain-text tables and colours for the terminal; colour only on a TTY without NO_COLOR.
const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string) => (s: string) => (useColor ? `\x1b[${code}m${s}\x1b[0m` : s);
export const bold = paint('1');
export const dim = paint('2');
export const green = paint('32');
export const red = paint('31');
export const yellow = paint('33');
export const cyan = paint('36');

// eslint-disable-next-line no-control-regex
const visible = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '').length;

/** Renders rows as an aligned table; columns listed in `right` are right-aligned. */
export function table(header: string[], rows: (string | number)[][], right: number[] = []): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => visible(r[c] ?? ''))));
  const line = (r: string[]) =>
    r.map((cell, c) => {
      const pad = ' '.repeat(widths[c]! - visible(cell));
      return right.includes(c) ? pad + cell : cell + pad;
    }).join('  ').trimEnd();
  return [bold(line(header)), dim(widths.map((w) => '─'.repeat(w)).join('  ')), ...cells.slice(1).map(line)].join('\n');
}
