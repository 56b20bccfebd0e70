// YAML text → validated TournamentConfig, or one ConfigError listing every problem found.
import { readdirSync, readFileSync } from 'node:fs';
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

export function loadConfig(path: string): LoadedConfig {
  const abs = resolve(path);
  const raw = readConfigFile(path, abs);
  const baseDir = dirname(abs);
  return { config: parseConfigText(raw, baseDir, path), path: abs, baseDir, raw };
}

/**
 * Validates config text. `baseDir` anchors relative codebase paths; `label` names the source in
 * messages (a file path, or e.g. "request body" for the API).
 */
export function parseConfigText(text: string, baseDir: string, label = 'config'): TournamentConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) throw new ConfigError(label, doc.errors.map(syntaxIssue));

  let data: unknown;
  try {
    data = withoutExtensions(doc.toJS({ maxAliasCount: 1000 }) as unknown);
  } catch (err) {
    // toJS throws only for alias bombs and aliases to undefined anchors.
    throw new ConfigError(label, [{ path: '', message: `YAML error: ${err instanceof Error ? err.message : String(err)}` }]);
  }
  if (data === null || data === undefined) {
    throw new ConfigError(label, [{
      path: '',
      message: 'the file is empty; it needs tournament, arena and players sections (configs/demo.yaml is an example)',
    }]);
  }

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

/**
 * Top-level `x-…` keys are ignored, as in Docker Compose, so a config can hold anchors for
 * reuse (`x-agent: &tuned {…}`) without tripping the unknown-field check.
 */
function withoutExtensions(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  return Object.fromEntries(Object.entries(data).filter(([k]) => !k.startsWith('x-')));
}

/** Drops issues another one explains, attaches lines, and orders most useful first. */
function place(drafts: Draft[], doc: Document, lines: LineCounter): ConfigIssue[] {
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

function readConfigFile(label: string, abs: string): string {
  try {
    return readFileSync(abs, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(label, [{ path: '', message: fileProblem(code, abs, err) }]);
  }
}

function fileProblem(code: string | undefined, abs: string, err: unknown): string {
  if (code === 'ENOENT') return `file not found (looked for ${abs}); check the path, e.g. configs/demo.yaml`;
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
