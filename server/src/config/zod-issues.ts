// Turns zod's issues into sentences that say what is wrong and what to write instead.
import type { z } from 'zod';
import { Rank, show, withArticle } from './draft.ts';
import type { Draft } from './draft.ts';
import {
  acceptsEmptyMapping,
  describeExpected,
  discriminatorValues,
  fieldsOf,
  isRecord,
  omission,
  schemaAt,
  sectionsWithField,
} from './schema-walk.ts';
import { suggest } from './suggest.ts';
import type { FieldPath } from './yaml-locate.ts';

type Issue = z.core.$ZodIssue;
type Schema = z.core.$ZodType;

/** zod's refine on `players`; our own duplicate check says which entries clash instead. */
const UNIQUE_NAMES_REFINE = 'player names must be unique';

export function fromZodIssues(issues: readonly Issue[], schema: Schema, raw: unknown): Draft[] {
  return issues.flatMap((issue) => translate(issue, schema, raw));
}

function translate(issue: Issue, root: Schema, raw: unknown): Draft[] {
  const path: FieldPath = issue.path;
  const key = lastKey(path);
  const here = schemaAt(root, path, raw);
  const input: unknown = issue.input;

  switch (issue.code) {
    case 'invalid_type': {
      const expected = describeExpected(here, issue.expected);
      if (path.length === 0) {
        return [
          {
            path,
            rank: Rank.value,
            message: `the file must be a mapping with tournament, arena and players sections, got ${show(input)}`,
          },
        ];
      }
      if (input === undefined) return [{ path, rank: Rank.missing, message: missingMessage(key, here, expected) }];
      if (input === null)
        return [
          { path, rank: Rank.value, message: `is empty; expected ${expected}${emptyFix(root, path, raw, key, here)}` },
        ];
      return [
        {
          path,
          rank: Rank.value,
          message: `expected ${expected}, got ${show(input)}${typeHint(issue.expected, input)}`,
        },
      ];
    }

    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = Number(small ? issue.minimum : issue.maximum);
      if (issue.origin === 'array' && Array.isArray(input)) {
        const noun = key.endsWith('s') ? key : 'entries';
        const message = small
          ? `needs at least ${bound} ${noun}, got ${input.length}; add ${bound - input.length} more`
          : `allows at most ${bound} ${noun}, got ${input.length}; remove ${input.length - bound}`;
        return [{ path, rank: Rank.value, message }];
      }
      if (issue.origin === 'string' && typeof input === 'string') {
        const message = small
          ? bound <= 1
            ? 'must not be empty'
            : `must be at least ${bound} characters, got ${input.length}`
          : `must be at most ${bound} characters, got ${input.length}; shorten it`;
        return [{ path, rank: Rank.value, message }];
      }
      return [{ path, rank: Rank.value, message: `expected ${describeExpected(here, 'number')}, got ${show(input)}` }];
    }

    case 'invalid_format':
      return [{ path, rank: Rank.value, message: `${show(input)} is not a valid ${key}; ${issue.message}` }];

    case 'invalid_union': {
      if (issue.discriminator === undefined) break;
      const disc = issue.discriminator;
      const options = discriminatorValues(schemaAt(root, path.slice(0, -1), raw) ?? root);
      const value = isRecord(input) ? input[disc] : undefined;
      const list = `use one of: ${options.join(', ')}`;
      if (value === undefined || value === null) {
        return [{ path, rank: Rank.missing, message: `required field is missing; ${list}` }];
      }
      const what = withArticle(`${lastKey(path.slice(0, -1))} ${disc}`.trim());
      const guess = typeof value === 'string' ? suggest(value, options) : undefined;
      const hint = guess === undefined ? '' : ` (did you mean "${guess}"?)`;
      return [{ path, rank: Rank.value, message: `${show(value)} is not ${what}; ${list}${hint}` }];
    }

    case 'invalid_value': {
      const options = issue.values.map(String);
      const guess = typeof input === 'string' ? suggest(input, options) : undefined;
      const hint = guess === undefined ? '' : ` (did you mean "${guess}"?)`;
      return [
        { path, rank: Rank.value, message: `${show(input)} is not allowed; use one of: ${options.join(', ')}${hint}` },
      ];
    }

    case 'unrecognized_keys':
      return issue.keys.map((k) => unknownKey(root, path, k, fieldsOf(here), isRecord(input) ? input : {}));

    case 'custom':
      if (issue.message === UNIQUE_NAMES_REFINE) return [];
      break;
  }
  return [{ path, rank: Rank.value, message: issue.message }];
}

function unknownKey(
  root: Schema,
  parent: FieldPath,
  k: string,
  allowed: string[],
  siblings: Record<string, unknown>,
): Draft {
  const at = [...parent, k];
  const meant = suggest(k, allowed);
  // A right name in the wrong section (e.g. `transparent` under `limits`) is a common slip.
  const home = parent.length === 1 ? sectionsWithField(root, k).filter((s) => s !== parent[0]) : [];
  if (meant === undefined && home.length > 0) {
    return {
      path: parent,
      at,
      rank: Rank.typo,
      message: `unknown field \`${k}\`; it belongs under \`${home.join('` or `')}\`, move it there`,
    };
  }
  if (meant === undefined) {
    const list = allowed.length === 0 ? 'remove it' : `remove it, or use one of: ${allowed.join(', ')}`;
    return { path: parent, at, rank: Rank.unknownField, message: `unknown field \`${k}\`; ${list}` };
  }
  const message =
    meant in siblings
      ? `unknown field \`${k}\`; did you mean \`${meant}\`? (\`${meant}\` is also set; remove one)`
      : `unknown field \`${k}\`; did you mean \`${meant}\`?`;
  return { path: parent, at, rank: Rank.typo, message, meant: [...parent, meant] };
}

/** What to write instead of an empty `key:` line. */
function emptyFix(root: Schema, path: FieldPath, raw: unknown, key: string, here: Schema | undefined): string {
  const omit = omission(root, path, raw);
  if (acceptsEmptyMapping(here)) return `; write \`${key}: {}\` or remove the line to use the defaults`;
  if (omit?.kind === 'default') return `, or remove the line to use the default (${JSON.stringify(omit.value)})`;
  if (omit?.kind === 'optional') return ', or remove the line to leave it unset';
  return '';
}

function missingMessage(key: string, schema: Schema | undefined, expected: string): string {
  if (acceptsEmptyMapping(schema)) return `required section is missing; add \`${key}: {}\` to use the defaults`;
  const fields = fieldsOf(schema);
  if (fields.length > 0) return `required section is missing; add \`${key}:\` with fields ${fields.join(', ')}`;
  return `required field is missing; add \`${key}:\` with ${expected}`;
}

/** The usual reason a YAML scalar has the wrong type, and how to write it instead. */
function typeHint(expected: string, input: unknown): string {
  if (
    (expected === 'number' || expected === 'int') &&
    typeof input === 'string' &&
    input.trim() !== '' &&
    !Number.isNaN(Number(input))
  ) {
    return '; remove the quotes';
  }
  if (expected === 'boolean' && typeof input === 'string' && /^(yes|no|on|off|y|n|true|false)$/i.test(input)) {
    return '; write true or false, without quotes';
  }
  if (expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')) {
    return `; put it in quotes: "${String(input)}"`;
  }
  return '';
}

function lastKey(path: FieldPath): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i];
    if (typeof seg === 'string') return seg;
  }
  return '';
}
