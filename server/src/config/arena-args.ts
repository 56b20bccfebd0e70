// `arena.args` can only be checked once the arena is known, with the arena's own schema. Its
// errors read like every other config error (`arena.args.width: expected a whole number from 5
// to 25, got 100`), with the line, instead of zod's JSON dump.
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { type Arena, type TournamentConfig, clip } from '@codearena/protocol';
import { ConfigError, type ConfigIssue } from './config-error.ts';
import { formatPath, locate } from './yaml-locate.ts';
import { fromZodIssues } from './zod-issues.ts';

type Issue = z.core.$ZodIssue;

/**
 * The arena's parsed args, or a ConfigError naming every bad arg (`arena.args.<field>`), what
 * is wrong and the fix. `text` (the config as written) adds line numbers.
 */
export function checkArenaArgs(arena: Arena, config: TournamentConfig, label = 'config', text?: string): unknown {
  const raw = config.arena.args;
  let issues: readonly Issue[];
  try {
    return arena.parseArgs(raw);
  } catch (e) {
    if (!isZodError(e)) {
      throw new ConfigError(label, [
        {
          path: 'arena.args',
          message: `${clip((e as Error)?.message ?? String(e), 300)}; see arenas/${arena.manifest.id}/BRIEF.md for its args`,
        },
      ]);
    }
    issues = e.issues;
  }
  // Translated as part of the whole config, so paths, expectations and suggestions come out as
  // they do for every other field.
  const root = z.object({ arena: z.object({ args: arena.argsSchema as z.ZodType }) });
  const rawRoot = { arena: { args: raw } };
  // parseArgs does not ask zod to report inputs; the value at each issue's path is the input.
  const withInput = issues.map(
    (i) =>
      ({
        ...i,
        input: 'input' in i && i.input !== undefined ? i.input : valueAt(raw, i.path),
        path: ['arena', 'args', ...i.path],
      }) as Issue,
  );
  const drafts = fromZodIssues(withInput, root, rawRoot);
  const at = text === undefined ? null : lineFinder(text);
  const placed: ConfigIssue[] = drafts.map((d) => {
    const line = at?.(d.at ?? d.path);
    return { path: formatPath(d.path), message: d.message, ...(line === undefined ? {} : { line }) };
  });
  // Never an empty list: if translation dropped everything, zod's own words, one per line.
  throw new ConfigError(
    label,
    placed.length > 0
      ? placed
      : issues.map((i) => ({ path: formatPath(['arena', 'args', ...i.path]), message: i.message })),
  );
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const seg of path) {
    if (typeof v !== 'object' || v === null || !Object.hasOwn(v, seg)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

/** A ZodError from whichever copy of zod the arena was built with. */
function isZodError(e: unknown): e is { issues: Issue[] } {
  return typeof e === 'object' && e !== null && Array.isArray((e as { issues?: unknown }).issues);
}

function lineFinder(text: string): ((path: readonly PropertyKey[]) => number | undefined) | null {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  return doc.errors.length > 0 ? null : (path) => locate(doc, lines, path);
}
