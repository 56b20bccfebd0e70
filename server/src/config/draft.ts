// An issue before it is placed in the text: kept with its path as an array and a rank so the
// loader can find its line, drop redundant ones and put the most useful first.
import type { FieldPath } from './yaml-locate.ts';

/** Lower comes first. Typos come before the "missing field" errors they usually cause. */
export const Rank = {
  syntax: 0,
  typo: 1,
  value: 2,
  missing: 3,
  unknownField: 4,
  duplicate: 5,
  filesystem: 6,
} as const;
export type Rank = (typeof Rank)[keyof typeof Rank];

export interface Draft {
  /** Field the message is about (shown before the message). */
  path: FieldPath;
  message: string;
  rank: Rank;
  /** Where to look in the text, when different from `path` (an unknown key's own line). */
  at?: FieldPath;
  /** A field this issue suggests the user meant (suppresses that field's "missing" issue). */
  meant?: FieldPath;
}

/** A value as the user wrote it, short enough for one line. */
export function show(v: unknown): string {
  if (v === null || v === undefined) return 'an empty value';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return String(v);
}

export const withArticle = (noun: string): string => (/^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`);
