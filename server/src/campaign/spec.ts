// Campaign spec file → validated CampaignSpec, or one ConfigError listing every problem with its
// line and fix, as for a tournament config (the same reading, YAML, zod and placing machinery).
// API keys are not checked here: `campaign plan` needs none; the runner checks the agents.
import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import { CampaignSpec, type TournamentConfig } from '@codearena/protocol';
import { arenaIds, getArena } from '../arenas.ts';
import { checkArenaArgs } from '../config/arena-args.ts';
import { unknownArena } from '../config/arena-check.ts';
import { ConfigError } from '../config/config-error.ts';
import { Rank, type Draft } from '../config/draft.ts';
import { type YamlKind, parseYaml, place, readYamlFile } from '../config/load-config.ts';
import { codebaseIssues, duplicateNames, resolveCodebase } from '../config/player-checks.ts';
import { isRecord } from '../config/schema-walk.ts';
import { suggest } from '../config/suggest.ts';
import { type FieldPath, formatPath } from '../config/yaml-locate.ts';
import { fromZodIssues } from '../config/zod-issues.ts';
import { CodebaseError, copyCodebase } from '../edit/codebase-copy.ts';
import { repoQuotaFrom } from '../edit/repo-quota.ts';
import { pairingGroups } from './expand.ts';

export interface LoadedCampaign {
  /** Validated, defaults filled in; codebases as written (expandCampaign resolves them). */
  spec: CampaignSpec;
  /** The file's text as read. */
  raw: string;
  /** Absolute path of the spec file. */
  path: string;
  /** Directory relative codebase paths are resolved against. */
  baseDir: string;
}

const CAMPAIGN: YamlKind = {
  noun: 'campaign spec',
  title: 'campaign spec',
  example: 'configs/campaign-demo.yaml',
  sections: 'campaign, arenas and roster',
};

export function loadCampaignSpec(path: string): LoadedCampaign {
  const abs = resolve(path);
  const raw = readYamlFile(path, abs, CAMPAIGN);
  const baseDir = dirname(abs);
  return { spec: parseCampaignText(raw, baseDir, path), raw, path: abs, baseDir };
}

/** Validates spec text; `baseDir` anchors relative codebases, `label` names the source in messages. */
export function parseCampaignText(text: string, baseDir: string, label = 'campaign spec'): CampaignSpec {
  const { doc, lines, data } = parseYaml(text, label, CAMPAIGN);
  if (!isRecord(data)) {
    throw new ConfigError(label, [
      { path: '', message: `the file must be a mapping with ${CAMPAIGN.sections} sections (see ${CAMPAIGN.example})` },
    ]);
  }
  const parsed = CampaignSpec.safeParse(data, { reportInput: true });
  const codebases = codebaseEntries(data);
  const drafts = [
    ...(parsed.success ? [] : fromZodIssues(parsed.error.issues.map(unwrapUnion), CampaignSpec, data)),
    ...duplicateNames(data, 'roster'),
    ...arenaIssues(data),
    ...groupIssues(data),
    ...codebaseMapIssues(data),
    // The tournament config's check, fed one pseudo-player per directory, its paths mapped back.
    ...codebaseIssues({ players: codebases.map((e) => ({ codebase: e.dir })) }, baseDir).map((d) => ({
      ...d,
      path: codebases[d.path[1] as number]!.path,
    })),
  ];
  // What needs the whole spec valid: arena args, group sizes, and the hardened copy check.
  if (parsed.success) drafts.push(...argIssues(parsed.data), ...sizeIssues(parsed.data));
  if (parsed.success && drafts.length === 0) drafts.push(...copyIssues(parsed.data, codebases, baseDir));
  if (!parsed.success || drafts.length > 0) {
    const issues = place(drafts, doc, lines);
    const fallback = parsed.error?.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) ?? [];
    throw new ConfigError(label, issues.length > 0 ? issues : fallback);
  }
  return parsed.data;
}

type Issue = z.core.$ZodIssue;

/** A union that failed every option (e.g. `pairing: roundrobin`) reports the one option of the
 *  right type, so the message is that option's ("is not allowed; use one of … (did you mean …)"). */
function unwrapUnion(issue: Issue): Issue {
  if (issue.code !== 'invalid_union' || issue.discriminator !== undefined) return issue;
  const input: unknown = issue.input;
  const wrongType = (i: Issue) =>
    i.path.length === 0 &&
    (i.code === 'invalid_type' || (i.code === 'invalid_value' && !i.values.some((v) => typeof v === typeof input)));
  const typed = issue.errors.filter((branch) => !branch.some(wrongType));
  if (typed.length !== 1) return issue;
  const [first] = typed[0]!;
  if (first === undefined) return issue;
  return { ...first, path: [...issue.path, ...first.path], input: first.input ?? input } as Issue;
}

const rawList = (data: Record<string, unknown>, key: string): unknown[] => {
  const v = data[key];
  return Array.isArray(v) ? v : [];
};

/** Ids of the arenas as written (strings only). */
const rawArenaIds = (data: Record<string, unknown>): string[] =>
  rawList(data, 'arenas').flatMap((a) => (isRecord(a) && typeof a.id === 'string' ? [a.id] : []));

function arenaIssues(data: Record<string, unknown>): Draft[] {
  const known = arenaIds();
  const first = new Map<string, number>();
  return rawList(data, 'arenas').flatMap((a, i): Draft[] => {
    if (!isRecord(a) || typeof a.id !== 'string') return [];
    const path = ['arenas', i, 'id'];
    const problem = unknownArena(a.id, known);
    if (problem !== undefined) return [{ path, rank: Rank.value, message: problem }];
    const seen = first.get(a.id);
    if (seen === undefined) {
      first.set(a.id, i);
      return [];
    }
    return [
      {
        path,
        rank: Rank.duplicate,
        message: `${a.id} is also arenas[${seen}]; list each arena once (one tournament set per arena)`,
      },
    ];
  });
}

/** Explicit groups: names from the roster, each once per group, each group once. */
function groupIssues(data: Record<string, unknown>): Draft[] {
  const pairing = data.pairing;
  if (!Array.isArray(pairing)) return [];
  const names = rawList(data, 'roster').flatMap((p) => (isRecord(p) && typeof p.name === 'string' ? [p.name] : []));
  const seen = new Map<string, number>();
  const out: Draft[] = [];
  pairing.forEach((group: unknown, g) => {
    if (!Array.isArray(group)) return;
    const members = group.filter((n): n is string => typeof n === 'string');
    group.forEach((n: unknown, k) => {
      if (typeof n !== 'string') return;
      const path = ['pairing', g, k];
      if (!names.includes(n)) {
        const guess = suggest(n, names);
        const hint = guess === undefined ? '' : ` (did you mean "${guess}"?)`;
        out.push({
          path,
          rank: Rank.value,
          message: `"${n}" is not in the roster; use roster names: ${names.join(', ')}${hint}`,
        });
      } else if (group.indexOf(n) !== k) {
        out.push({
          path,
          rank: Rank.duplicate,
          message: `"${n}" is twice in this group; a player plays once per group`,
        });
      }
    });
    const key = JSON.stringify([...new Set(members)].sort());
    const first = seen.get(key);
    if (first === undefined) seen.set(key, g);
    else
      out.push({
        path: ['pairing', g],
        rank: Rank.duplicate,
        message: `the same players as pairing[${first}]; remove it, or raise campaign.repeats to play a group more often`,
      });
  });
  return out;
}

/** A codebase mapping may only name arenas the campaign plays. While an entry of `arenas` is
 *  itself misspelt, a key naming a real arena is left alone: the arenas entry is the one to fix. */
function codebaseMapIssues(data: Record<string, unknown>): Draft[] {
  const ids = [...new Set(rawArenaIds(data))];
  const known = arenaIds();
  const allowed = ids.some((id) => !known.includes(id)) ? [...ids, ...known] : ids;
  return rawList(data, 'roster').flatMap((p, i) => {
    if (!isRecord(p) || !isRecord(p.codebase)) return [];
    return Object.keys(p.codebase)
      .filter((k) => !allowed.includes(k))
      .map((k) => {
        const guess = suggest(k, ids);
        const hint = guess === undefined ? '' : ` (did you mean "${guess}"?)`;
        return {
          path: ['roster', i, 'codebase', k],
          rank: Rank.value,
          message: `${JSON.stringify(k)} is not one of the campaign's arenas (${ids.join(', ')}); add it to arenas or remove this line${hint}`,
        };
      });
  });
}

/** Every codebase directory as written, with the field it is in: one per player, or one per arena. */
interface CodebaseEntry {
  path: FieldPath;
  dir: string;
}
function codebaseEntries(data: Record<string, unknown>): CodebaseEntry[] {
  return rawList(data, 'roster').flatMap((p, i) => {
    if (!isRecord(p)) return [];
    const cb = p.codebase;
    if (typeof cb === 'string') return [{ path: ['roster', i, 'codebase'], dir: cb }];
    if (!isRecord(cb)) return [];
    return Object.entries(cb).flatMap(([k, dir]) =>
      typeof dir === 'string' ? [{ path: ['roster', i, 'codebase', k], dir }] : [],
    );
  });
}

/** Each arena's args, checked by the arena's own schema as in a tournament config. */
function argIssues(spec: CampaignSpec): Draft[] {
  return spec.arenas.flatMap((a, i): Draft[] => {
    if (!arenaIds().includes(a.id)) return [];
    const { arena } = getArena(a.id);
    const probe: TournamentConfig = {
      tournament: { ...spec.tournament, seed: spec.campaign.seed },
      arena: a,
      players: [],
      limits: spec.limits,
    };
    try {
      checkArenaArgs(arena, probe);
      return [];
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      return e.issues.map((issue) => ({
        path: ['arenas', i, 'args', ...argPath(issue.path)],
        rank: Rank.value,
        message: issue.message,
      }));
    }
  });
}

/** `arena.args.sizes[2].w` → ['sizes', 2, 'w']: the part below `args`, to place it in this file. */
function argPath(formatted: string): FieldPath {
  const rest = formatted.replace(/^arena\.args\.?/, '');
  return [...rest.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] === undefined ? m[1]! : Number(m[2])));
}

/** Every group must have a size the arena allows (its manifest's players.min … max). */
function sizeIssues(spec: CampaignSpec): Draft[] {
  const groups = pairingGroups(spec);
  return spec.arenas.flatMap((a): Draft[] => {
    if (!arenaIds().includes(a.id)) return [];
    const { min, max } = getArena(a.id).arena.manifest.players;
    const fits = (g: string[]) => g.length >= min && g.length <= max;
    const range = min === max ? `${min}` : `${min} to ${max}`;
    const plays = `${a.id} is played by ${range} players`;
    if (spec.pairing === 'round-robin') {
      if (fits(['a', 'b'])) return [];
      return [
        {
          path: ['pairing'],
          rank: Rank.value,
          message: `round-robin makes pairs, but ${plays}; use all-play-all or explicit groups of ${range}`,
        },
      ];
    }
    if (spec.pairing === 'all-play-all') {
      if (fits(groups[0]!)) return [];
      return [
        {
          path: ['pairing'],
          rank: Rank.value,
          message: `all-play-all puts the whole roster (${groups[0]!.length}) in one tournament, but ${plays}; use round-robin or explicit groups of ${range}`,
        },
      ];
    }
    return groups.flatMap((g, i) =>
      fits(g)
        ? []
        : [
            {
              path: ['pairing', i],
              rank: Rank.value,
              message: `a group of ${g.length}, but ${plays}; make it ${g.length < min ? 'larger' : 'smaller'}`,
            },
          ],
    );
  });
}

/** The starting codebases that exist pass the same hardened copy check as `codearena run`'s
 *  (no special files, within the repo quota), before any tournament starts. */
function copyIssues(spec: CampaignSpec, codebases: CodebaseEntry[], baseDir: string): Draft[] {
  const quota = repoQuotaFrom(spec.limits);
  const checked = new Set<string>();
  return codebases.flatMap(({ path, dir }): Draft[] => {
    const abs = resolveCodebase(dir, baseDir);
    if (checked.has(abs)) return [];
    checked.add(abs);
    try {
      copyCodebase(abs, null, { quota });
      return [];
    } catch (e) {
      if (!(e instanceof CodebaseError)) throw e;
      return [{ path, rank: Rank.filesystem, message: e.message }];
    }
  });
}
