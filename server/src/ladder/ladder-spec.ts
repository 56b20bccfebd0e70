// ladder.yaml → validated LadderSpec with absolute codebases, or one ConfigError listing every
// problem with its line and fix (the tournament config's YAML, zod and placing machinery); or a
// spec made from directories on the command line.
import { basename, dirname, resolve } from 'node:path';
import { LadderSpec } from '@codearena/protocol';
import { arenaIds } from '../arenas.ts';
import { unknownArena } from '../config/arena-check.ts';
import { ConfigError } from '../config/config-error.ts';
import { Rank, type Draft } from '../config/draft.ts';
import { type YamlKind, parseYaml, place, readYamlFile } from '../config/load-config.ts';
import { codebaseIssues, duplicateNames, resolveCodebase } from '../config/player-checks.ts';
import { isRecord } from '../config/schema-walk.ts';
import { fromZodIssues } from '../config/zod-issues.ts';

const LADDER: YamlKind = {
  noun: 'ladder file',
  title: 'ladder file',
  example: 'ladders/corewar.yaml',
  sections: 'name, arena and rungs',
};

export function loadLadderSpec(path: string): LadderSpec {
  const abs = resolve(path);
  return parseLadderText(readYamlFile(path, abs, LADDER), dirname(abs), path);
}

/** Validates ladder text; relative codebases are resolved against `baseDir`. */
export function parseLadderText(text: string, baseDir: string, label = 'ladder file'): LadderSpec {
  const { doc, lines, data } = parseYaml(text, label, LADDER);
  if (!isRecord(data))
    throw new ConfigError(label, [
      { path: '', message: `the file must be a mapping with ${LADDER.sections} (see ${LADDER.example})` },
    ]);
  const parsed = LadderSpec.safeParse(data, { reportInput: true });
  const arena = typeof data.arena === 'string' ? unknownArena(data.arena, arenaIds()) : undefined;
  const drafts: Draft[] = [
    ...(parsed.success ? [] : fromZodIssues(parsed.error.issues, LadderSpec, data)),
    ...(arena === undefined ? [] : [{ path: ['arena'], rank: Rank.value, message: arena }]),
    ...duplicateNames(data, 'rungs'),
    // The tournament config's directory check, its player paths mapped to rung paths.
    ...codebaseIssues({ players: Array.isArray(data.rungs) ? data.rungs : [] }, baseDir).map((d) => ({
      ...d,
      path: ['rungs', ...d.path.slice(1)],
    })),
  ];
  if (!parsed.success || drafts.length > 0) throw new ConfigError(label, place(drafts, doc, lines));
  const spec = parsed.data;
  return { ...spec, rungs: spec.rungs.map((r) => ({ ...r, codebase: resolveCodebase(r.codebase, baseDir) })) };
}

/** `ladder make <arena> <dir…>`: rungs named after their directories (repeats get -2, -3 …),
 *  the ladder after the arena. */
export function ladderFromDirs(arena: string, dirs: string[], o: { sims: number; seed: number }): LadderSpec {
  const seen = new Map<string, number>();
  const rungs = dirs.map((d) => {
    const dir = resolve(d);
    const base =
      basename(dir)
        .replace(/[^A-Za-z0-9_.-]/g, '-')
        .replace(/^[^A-Za-z0-9]+/, '')
        .slice(0, 36) || 'rung';
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { name: n === 1 ? base : `${base}-${n}`, codebase: dir };
  });
  const spec = LadderSpec.safeParse({ name: arena, arena, sims: o.sims, seed: o.seed, rungs });
  if (!spec.success) throw new ConfigError('ladder', [{ path: '', message: spec.error.issues[0]!.message }]);
  return spec.data;
}
