// Plain-text tables and colours for the terminal; colour only on a TTY without NO_COLOR. Text a
// bot, an agent or a config file wrote goes through untrusted() (tables escape their cells).
import { escapeControls } from '@codearena/protocol';

const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string) => (s: string) => (useColor ? `\x1b[${code}m${s}\x1b[0m` : s);
export const bold = paint('1');
export const dim = paint('2');
export const green = paint('32');
export const red = paint('31');
export const yellow = paint('33');
export const cyan = paint('36');

/**
 * Text someone else wrote (bot stderr, fault details, validation messages, agent summaries,
 * names and values from a config), safe to print: every control character (C0, ESC, DEL, C1)
 * and bidi override is shown as `\x1b`, `\r`, `\u202e`…, so it cannot retitle the window,
 * write the clipboard (OSC 52), move the cursor or redraw a line through `\r`. `newlines` keeps
 * its line breaks, each continuation line then starting with `indent`, so no line of it can pass
 * for one of ours.
 */
export function untrusted(s: string, o: { newlines?: boolean; indent?: string } = {}): string {
  const text = escapeControls(s, o.newlines ?? false);
  return o.newlines ? text.replaceAll('\n', `\n${o.indent ?? ''}`) : text;
}

/** JSON for the terminal: JSON.stringify leaves DEL, C1 and bidi characters raw inside strings;
 *  they are written as \u escapes, so the output is the same JSON and drives no terminal. */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

// eslint-disable-next-line no-control-regex
const SGR = /(\x1b\[[0-9;]*m)/;
// eslint-disable-next-line no-control-regex
const visible = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '').length;

/** A cell as printed: cells arrive painted, so with colour on our SGR colour codes are kept and
 *  everything else is escaped; without colour nothing raw gets through. */
const safeCell = (cell: string): string =>
  useColor
    ? cell
        .split(SGR)
        .map((part, i) => (i % 2 === 1 ? part : escapeControls(part)))
        .join('')
    : escapeControls(cell);

/** Renders rows as an aligned table; columns listed in `right` are right-aligned. */
export function table(header: string[], rows: (string | number)[][], right: number[] = []): string {
  const cells = [header, ...rows.map((r) => r.map(String))].map((r) => r.map(safeCell));
  const widths = header.map((_, c) => Math.max(...cells.map((r) => visible(r[c] ?? ''))));
  const line = (r: string[]) =>
    r
      .map((cell, c) => {
        const pad = ' '.repeat(widths[c]! - visible(cell));
        return right.includes(c) ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [bold(line(header)), dim(widths.map((w) => '─'.repeat(w)).join('  ')), ...cells.slice(1).map(line)].join('\n');
}
