// Reads the zod schema itself so messages can state the full expectation ("a whole number from
// 1 to 1000") and list allowed fields, without repeating the schema's limits here by hand.
import type { z } from 'zod';

type Schema = z.core.$ZodType;

/** The parts of zod 4's internal `def` we read; everything optional because kinds differ. */
interface LooseDef {
  type: string;
  shape?: Record<string, Schema>;
  element?: Schema;
  innerType?: Schema;
  in?: Schema;
  options?: Schema[];
  discriminator?: string;
  valueType?: Schema;
  values?: unknown[];
  entries?: Record<string, unknown>;
  checks?: { _zod: { def: LooseCheck } }[];
  defaultValue?: unknown;
}
interface LooseCheck {
  check: string;
  value?: number;
  inclusive?: boolean;
  format?: string;
  minimum?: number;
  maximum?: number;
}

const defOf = (s: Schema): LooseDef => s._zod.def as unknown as LooseDef;
const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional']);

/** Strips optional/default/… wrappers; picks a discriminated-union option by the raw value. */
function resolve(schema: Schema, raw: unknown): Schema {
  let s = schema;
  for (;;) {
    const def = defOf(s);
    if (WRAPPERS.has(def.type) && def.innerType) s = def.innerType;
    else if (def.type === 'pipe' && def.in) s = def.in;
    else if (def.type === 'union' && def.discriminator !== undefined && def.options) {
      const tag = isRecord(raw) ? raw[def.discriminator] : undefined;
      const match = def.options.find((o) => literalValues(o, def.discriminator ?? '').includes(tag));
      if (match === undefined) return s;
      s = match;
    } else if (def.type === 'union' && def.options && isRecord(raw)) {
      // A plain union (e.g. sims_per_round: a number or a mapping): a mapping means its one object form.
      const objects = def.options.filter((o) => defOf(resolve(o, raw)).type === 'object');
      if (objects.length !== 1) return s;
      s = objects[0]!;
    } else return s;
  }
}

/** The (unwrapped) schema that validates the value at `path`, or undefined if unknown. */
export function schemaAt(root: Schema, path: readonly PropertyKey[], rawRoot: unknown): Schema | undefined {
  let s = resolve(root, rawRoot);
  let raw = rawRoot;
  for (const seg of path) {
    const def = defOf(s);
    let next: Schema | undefined;
    if (def.type === 'object') next = typeof seg === 'string' ? def.shape?.[seg] : undefined;
    else if (def.type === 'array') next = def.element;
    else if (def.type === 'record') next = def.valueType;
    if (next === undefined) return undefined;
    raw = isRecord(raw) || Array.isArray(raw) ? (raw as Record<PropertyKey, unknown>)[seg] : undefined;
    s = resolve(next, raw);
  }
  return s;
}

/**
 * How the field at `path` may be left out: 'default' (with the value used), 'optional', or
 * undefined when it is required. Reads the wrapper that `schemaAt` strips.
 */
export function omission(
  root: Schema,
  path: readonly PropertyKey[],
  rawRoot: unknown,
): { kind: 'default'; value: unknown } | { kind: 'optional' } | undefined {
  const key = path[path.length - 1];
  const parent = schemaAt(root, path.slice(0, -1), rawRoot);
  if (parent === undefined || typeof key !== 'string') return undefined;
  const field = defOf(parent).shape?.[key];
  if (field === undefined) return undefined;
  const def = defOf(field);
  if (def.type === 'default' || def.type === 'prefault') return { kind: 'default', value: def.defaultValue };
  if (def.type === 'optional') return { kind: 'optional' };
  return undefined;
}

/** Top-level sections (e.g. `tournament`, `limits`) that have a field named `key`. */
export function sectionsWithField(root: Schema, key: string): string[] {
  const shape = defOf(resolve(root, undefined)).shape ?? {};
  return Object.entries(shape)
    .filter(([, section]) => fieldsOf(resolve(section, undefined)).includes(key))
    .map(([name]) => name);
}

/** Field names an object schema accepts, in declaration order. */
export function fieldsOf(schema: Schema | undefined): string[] {
  if (schema === undefined) return [];
  const def = defOf(schema);
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/** The values a discriminator field may take, from each option's literal. */
export function discriminatorValues(union: Schema): string[] {
  const def = defOf(union);
  if (def.discriminator === undefined || !def.options) return [];
  return def.options.flatMap((o) => literalValues(o, def.discriminator ?? '')).map(String);
}

function literalValues(option: Schema, key: string): unknown[] {
  const field = defOf(option).shape?.[key];
  if (field === undefined) return [];
  const def = defOf(resolve(field, undefined));
  if (def.type === 'literal') return def.values ?? [];
  if (def.type === 'enum') return Object.values(def.entries ?? {});
  return [];
}

/** Whether `{}` is acceptable here, i.e. every field has a default. */
export function acceptsEmptyMapping(schema: Schema | undefined): boolean {
  if (schema === undefined || defOf(schema).type !== 'object') return false;
  return (schema as z.ZodType).safeParse({}).success;
}

/** Plain-words expectation: "a whole number from 1 to 1000", "true or false", "a list", … */
export function describeExpected(schema: Schema | undefined, fallback: string): string {
  if (schema === undefined) return article(fallback);
  const def = defOf(schema);
  switch (def.type) {
    case 'number':
    case 'int':
      return describeNumber(def);
    case 'string':
      return 'text';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list (lines starting with "- ")';
    case 'object':
    case 'record':
      return 'a mapping (indented "key: value" lines)';
    case 'literal':
      return `one of: ${(def.values ?? []).map(String).join(', ')}`;
    case 'enum':
      return `one of: ${Object.values(def.entries ?? {})
        .map(String)
        .join(', ')}`;
    case 'union':
      if (def.discriminator !== undefined) {
        return `a mapping with "${def.discriminator}:" set to one of: ${discriminatorValues(schema).join(', ')}`;
      }
      return article(fallback);
    default:
      return article(fallback);
  }
}

function describeNumber(def: LooseDef): string {
  let whole = def.type === 'int';
  let lo: { value: number; inclusive: boolean } | undefined;
  let hi: { value: number; inclusive: boolean } | undefined;
  for (const c of def.checks ?? []) {
    const ck = c._zod.def;
    if (ck.check === 'number_format' && ck.format !== undefined && /int/.test(ck.format)) whole = true;
    if (ck.check === 'greater_than' && ck.value !== undefined && (lo === undefined || ck.value >= lo.value)) {
      lo = { value: ck.value, inclusive: ck.inclusive ?? false };
    }
    if (ck.check === 'less_than' && ck.value !== undefined && (hi === undefined || ck.value <= hi.value)) {
      hi = { value: ck.value, inclusive: ck.inclusive ?? false };
    }
  }
  const noun = whole ? 'a whole number' : 'a number';
  if (lo?.inclusive && hi?.inclusive) return `${noun} from ${lo.value} to ${hi.value}`;
  const bounds = [
    lo ? `${lo.inclusive ? '≥' : '>'} ${lo.value}` : undefined,
    hi ? `${hi.inclusive ? '≤' : '<'} ${hi.value}` : undefined,
  ].filter((b) => b !== undefined);
  return bounds.length === 0 ? noun : `${noun} ${bounds.join(' and ')}`;
}

const article = (noun: string): string => (/^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`);

export const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
