// Long command output is cut in the middle: the head shows what started, the tail how it ended
// (errors and summaries are usually there).

export function truncateMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  const omitted = text.length - max;
  const note = `\n… [${omitted} characters omitted] …\n`;
  const head = Math.ceil(max / 2);
  return `${text.slice(0, head)}${note}${text.slice(text.length - (max - head))}`;
}
