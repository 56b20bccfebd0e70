// Checks zod cannot express well: which player names clash, and whether codebase directories
// exist on this machine. They run on the raw YAML data so they report even when other fields
// are wrong, letting the user fix everything in one pass.
import { readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { Rank } from './draft.ts';
import type { Draft } from './draft.ts';
import { isRecord } from './schema-walk.ts';
import { suggest } from './suggest.ts';

const rawPlayers = (raw: unknown, section = 'players'): unknown[] => {
  const list = isRecord(raw) ? raw[section] : undefined;
  return Array.isArray(list) ? list : [];
};

/** `section` is the list the players are in: `players` in a tournament config, `roster` in a campaign spec. */
export function duplicateNames(raw: unknown, section = 'players'): Draft[] {
  const firstIndex = new Map<string, number>();
  const out: Draft[] = [];
  rawPlayers(raw, section).forEach((p, i) => {
    if (!isRecord(p) || typeof p.name !== 'string') return;
    const first = firstIndex.get(p.name);
    if (first === undefined) {
      firstIndex.set(p.name, i);
      return;
    }
    out.push({
      path: [section, i, 'name'],
      rank: Rank.duplicate,
      message: `"${p.name}" is also the name of ${section}[${first}]; player names must be unique, rename one of them`,
    });
  });
  return out;
}

/** `~/x` is expanded because shells do it and users expect it; everything else is relative to the config file. */
export function resolveCodebase(codebase: string, baseDir: string): string {
  if (codebase === '~' || codebase.startsWith('~/')) return join(homedir(), codebase.slice(1));
  return isAbsolute(codebase) ? codebase : resolve(baseDir, codebase);
}

export function codebaseIssues(raw: unknown, baseDir: string): Draft[] {
  const out: Draft[] = [];
  rawPlayers(raw).forEach((p, i) => {
    if (!isRecord(p) || typeof p.codebase !== 'string' || p.codebase === '') return;
    const dir = resolveCodebase(p.codebase, baseDir);
    const path = ['players', i, 'codebase'];
    const stat = statSync(dir, { throwIfNoEntry: false });
    if (stat === undefined) {
      const near = nearbyDirectory(dir);
      const hint = near === undefined ? '' : ` (did you mean "${relativeForm(p.codebase, near, baseDir)}"?)`;
      out.push({
        path,
        rank: Rank.filesystem,
        message: `directory ${dir} does not exist${hint}; relative paths start at the config file's directory, ${baseDir}`,
      });
    } else if (!stat.isDirectory()) {
      out.push({
        path,
        rank: Rank.filesystem,
        message: `${dir} is a file; a codebase must be a directory (the bot's repository)`,
      });
    }
  });
  return out;
}

/** A sibling directory whose name is a likely typo of the missing one's. */
function nearbyDirectory(missing: string): string | undefined {
  let entries: string[];
  try {
    entries = readdirSync(dirname(missing), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
  } catch {
    return undefined;
  }
  const name = suggest(basename(missing), entries);
  return name === undefined ? undefined : join(dirname(missing), name);
}

/** Writes a suggestion the way the user wrote the original: relative stays relative. */
function relativeForm(original: string, suggestion: string, baseDir: string): string {
  return isAbsolute(original) || original.startsWith('~') ? suggestion : relative(baseDir, suggestion);
}
