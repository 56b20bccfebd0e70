// Prints the machine's configured Debian mirror (never hard-coded): the first `URIs:` of a
// deb822 source whose suites include the main distribution, else the first classic `deb` line.
import { readFileSync, readdirSync, existsSync } from 'node:fs';

function fromDeb822(text) {
  for (const stanza of text.split(/\n\s*\n/)) {
    const field = (name) => stanza.match(new RegExp(`^${name}:\\s*(.+)$`, 'mi'))?.[1].trim();
    const uris = field('URIs'),
      suites = field('Suites') ?? '',
      types = field('Types') ?? 'deb';
    if (!uris || !types.split(/\s+/).includes('deb')) continue;
    if (suites.split(/\s+/).some((s) => /^[a-z]+$/.test(s)) && !/security/.test(uris)) return uris.split(/\s+/)[0];
  }
  return undefined;
}
function fromList(text) {
  const m = text.match(/^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+([a-z]+)\s/m);
  return m && !/security/.test(m[1]) ? m[1] : undefined;
}
const dir = '/etc/apt/sources.list.d';
const files = [
  ...(existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.(sources|list)$/.test(f))
        .map((f) => `${dir}/${f}`)
    : []),
  '/etc/apt/sources.list',
].filter((f) => existsSync(f));
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  const found = f.endsWith('.sources') ? fromDeb822(text) : fromList(text);
  if (found && /debian/.test(found)) {
    console.log(found);
    process.exit(0);
  }
}
process.exit(1);
