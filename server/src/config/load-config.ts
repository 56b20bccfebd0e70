// YAML text → validated TournamentConfig, or one ConfigError listing every problem found.
import { closeSync, constants, fstatSync, openSync, readSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { Document, YAMLError } from 'yaml';
import { TournamentConfig } from '@codearena/protocol';
import { ConfigError } from './config-error.ts';
import type { ConfigIssue } from './config-error.ts';
import { Rank } from './draft.ts';
import type { Draft } from './draft.ts';
import { codebaseIssues, duplicateNames, resolveCodebase } from './player-checks.ts';
import { formatPath, locate } from './yaml-locate.ts';
import { fromZodIssues } from './zod-issues.ts';

export interface LoadedConfig {
  /** Validated, defaults filled in, every `codebase` made absolute. */
  config: TournamentConfig;
  /** Absolute path of the config file. */
  path: string;
  /** Directory relative paths in the config are resolved against. */
  baseDir: string;
  /** The file's text as read (stored with a run so it can be reproduced). */
  raw: string;
}

/** Largest config accepted, file or text. configs/demo.yaml is about 1 KiB; a 60 MB YAML took
 *  51 s and 2.2 GB of memory to reject, so anything this far beyond a config is refused before
 *  a byte of it is read or parsed. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** Aliases (`*name`) expanded at most; far more than a config uses, far fewer than a bomb needs. */
const MAX_ALIASES = 1000;

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** How messages name one kind of YAML file (a tournament config, a campaign spec) and its example. */
export interface YamlKind {
  noun: string;
  title: string;
  example: string;
  /** Its required top-level sections, in words. */
  sections: string;
}
const CONFIG: YamlKind = {
  noun: 'config',
  title: 'tournament config',
  example: 'configs/demo.yaml',
  sections: 'tournament, arena and players',
};

export function loadConfig(path: string): LoadedConfig {
  const abs = resolve(path);
  const raw = readYamlFile(path, abs, CONFIG);
  const baseDir = dirname(abs);
  return { config: parseConfigText(raw, baseDir, path), path: abs, baseDir, raw };
}

/**
 * Validates config text. `baseDir` anchors relative codebase paths; `label` names the source in
 * messages (a file path, or e.g. "request body" for the API).
 */
export function parseConfigText(text: string, baseDir: string, label = 'config'): TournamentConfig {
  const { doc, lines, data } = parseYaml(text, label, CONFIG);
  const parsed = TournamentConfig.safeParse(data, { reportInput: true });
  const drafts = [
    ...(parsed.success ? [] : fromZodIssues(parsed.error.issues, TournamentConfig, data)),
    ...duplicateNames(data),
    ...codebaseIssues(data, baseDir),
  ];
  if (!parsed.success || drafts.length > 0) {
    const issues = place(drafts, doc, lines);
    // Never an empty list: if translation dropped everything, show zod's own words.
    const fallback = parsed.error?.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) ?? [];
    throw new ConfigError(label, issues.length > 0 ? issues : fallback);
  }

  const config = parsed.data;
  for (const p of config.players) if (p.codebase !== undefined) p.codebase = resolveCodebase(p.codebase, baseDir);
  return config;
}

/** YAML text → plain data (top-level `x-` keys dropped), or a ConfigError for text too large, bad
 *  syntax, duplicate keys, alias bombs or an empty file. The document and line counter place
 *  later issues. */
export function parseYaml(
  text: string,
  label: string,
  kind: YamlKind,
): { doc: Document; lines: LineCounter; data: unknown } {
  // Text that did not come through readYamlFile (e.g. a request body) gets the same cap.
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_CONFIG_BYTES) {
    throw new ConfigError(label, [
      {
        path: '',
        message: `the ${kind.noun} is ${mib(bytes)}; a ${kind.noun} is at most ${mib(MAX_CONFIG_BYTES).replace('.0', '')} (${kind.example} is about 1 KiB); shorten it`,
      },
    ]);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) throw new ConfigError(label, doc.errors.map(syntaxIssue));

  let data: unknown;
  try {
    data = withoutExtensions(doc.toJS({ maxAliasCount: MAX_ALIASES }) as unknown);
  } catch (err) {
    // toJS throws only for alias bombs (billion laughs) and aliases to undefined anchors.
    const what = err instanceof Error ? err.message : String(err);
    const fix = /alias count/i.test(what)
      ? `; a ${kind.noun} never needs that many aliases (*name), write the values out`
      : '';
    throw new ConfigError(label, [{ path: '', message: `YAML error: ${what}${fix}` }]);
  }
  if (data === null || data === undefined) {
    throw new ConfigError(label, [
      {
        path: '',
        message: `the file is empty; it needs ${kind.sections} sections (${kind.example} is an example)`,
      },
    ]);
  }
  return { doc, lines, data };
}

/**
 * Top-level `x-…` keys are ignored, as in Docker Compose, so a config can hold anchors for
 * reuse (`x-agent: &tuned {…}`) without tripping the unknown-field check.
 */
function withoutExtensions(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  return Object.fromEntries(Object.entries(data).filter(([k]) => !k.startsWith('x-')));
}

/** Drops issues another one explains, attaches lines, and orders most useful first. */
export function place(drafts: Draft[], doc: Document, lines: LineCounter): ConfigIssue[] {
  const meant = new Set(drafts.flatMap((d) => (d.meant ? [formatPath(d.meant)] : [])));
  return drafts
    .filter((d) => !(d.rank === Rank.missing && meant.has(formatPath(d.path))))
    .map((d) => ({ d, line: locate(doc, lines, d.at ?? d.path) }))
    .sort((a, b) => a.d.rank - b.d.rank || (a.line ?? Infinity) - (b.line ?? Infinity))
    .map(({ d, line }) => ({ path: formatPath(d.path), message: d.message, ...(line === undefined ? {} : { line }) }));
}

function syntaxIssue(err: YAMLError): ConfigIssue {
  // With prettyErrors the message is "what at line L, column C:\n\n<excerpt>"; the position is
  // reported separately, the excerpt is kept because it shows the offending text.
  const [head = '', ...rest] = err.message.split('\n');
  const what = head.replace(/ at line \d+, column \d+:?$/, '');
  const excerpt = rest.filter((l) => l.trim() !== '').map((l) => `    ${l}`);
  const pos = err.linePos?.[0];
  return {
    path: '',
    message: [`YAML syntax error: ${what}`, ...excerpt].join('\n'),
    ...(pos ? { line: pos.line, column: pos.col } : {}),
  };
}

/** The file's text, refusing before reading anything that cannot be a config: larger than
 *  MAX_CONFIG_BYTES, or not a regular file (a FIFO or a device would block or never end). */
export function readYamlFile(label: string, abs: string, kind: YamlKind): string {
  const refuse = (message: string): never => {
    throw new ConfigError(label, [{ path: '', message }]);
  };
  let fd: number;
  try {
    // Non-blocking, so opening a FIFO returns at once and fstat can refuse it.
    fd = openSync(abs, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return refuse(fileProblem((err as NodeJS.ErrnoException).code, abs, err, kind));
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return refuse(fileProblem('EISDIR', abs, null, kind));
    if (!st.isFile())
      return refuse(`${abs} is not a regular file (a pipe, socket or device); pass the YAML file itself`);
    if (st.size > MAX_CONFIG_BYTES) return refuse(tooBig(abs, st.size, kind));
    // Read at most one byte past the cap: a file growing while it is read is caught too.
    const buf = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let n = 0;
    for (let got = -1; got !== 0 && n < buf.length; n += got) got = readSync(fd, buf, n, buf.length - n, null);
    if (n > MAX_CONFIG_BYTES) return refuse(tooBig(abs, n, kind));
    return buf.subarray(0, n).toString('utf8');
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    return refuse(fileProblem((err as NodeJS.ErrnoException).code, abs, err, kind));
  } finally {
    closeSync(fd);
  }
}

const tooBig = (abs: string, bytes: number, kind: YamlKind) =>
  `${abs} is ${mib(bytes)}; a ${kind.noun} file is at most ${mib(MAX_CONFIG_BYTES).replace('.0', '')} (${kind.example} is about 1 KiB); pass the ${kind.title} itself`;

function fileProblem(code: string | undefined, abs: string, err: unknown, kind: YamlKind): string {
  if (code === 'ENOENT') return `file not found (looked for ${abs}); check the path, e.g. ${kind.example}`;
  if (code === 'EISDIR') {
    const yamls = safeList(abs).filter((f) => /\.ya?ml$/.test(f));
    const hint = yamls.length > 0 ? `; it holds ${yamls.slice(0, 5).join(', ')}` : '';
    return `${abs} is a directory; pass the YAML file itself${hint}`;
  }
  if (code === 'EACCES') return `${abs} cannot be read (permission denied); check its permissions`;
  return `cannot read ${abs}: ${err instanceof Error ? err.message : String(err)}`;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
