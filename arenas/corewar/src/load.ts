// A codebase is one file, warrior.red, that the host engine reads and assembles: nothing of
// the codebase runs, so no container is needed to play it. Reading goes through the runner's
// CodebaseReader (regular files inside the codebase only, no symlinks), with a size cap.
import type { CodebaseReader, Fault, Validation, ValidateContext } from '@codearena/protocol';
import { type AssembleResult, type Diagnostic, type Warrior, assemble } from './assembler.ts';
import { type CorewarArgs, type Settings, settingsOf } from './settings.ts';

export const WARRIOR_FILE = 'warrior.red';
export const MAX_SOURCE_BYTES = 64 * 1024;

/** What loadPlayer hands to init for one player. */
export interface LoadedWarrior {
  source: string;
  /** Assembled for two warriors (WARRIORS = 2); init assembles again for more if it must. */
  warrior: Warrior;
}

export async function readWarrior(reader: CodebaseReader): Promise<string | Fault> {
  const text = await reader.readFile(WARRIOR_FILE, MAX_SOURCE_BYTES + 1);
  if (text === null)
    return {
      kind: 'bad_output',
      detail: `no readable ${WARRIOR_FILE} at the codebase root (it must be a regular file, not a symlink)`,
    };
  if (new TextEncoder().encode(text).length > MAX_SOURCE_BYTES)
    return { kind: 'bad_output', detail: `${WARRIOR_FILE} is larger than ${MAX_SOURCE_BYTES / 1024} KiB` };
  return text;
}

// Assembly is pure, so results are shared between the sims of a round (same source, same settings).
const cache = new Map<string, AssembleResult>();
const CACHE_SIZE = 64;

export function assembleCached(source: string, settings: Settings, warriors = 2): AssembleResult {
  const key = `${JSON.stringify(settings)}/${warriors}/${source}`;
  let r = cache.get(key);
  if (!r) {
    r = assemble(source, settings, { warriors });
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, r);
  }
  return r;
}

export const describe = (d: readonly Diagnostic[]): string =>
  d.map((x) => (x.line > 0 ? `line ${x.line}: ${x.message}` : x.message)).join('; ');

export async function loadPlayer(reader: CodebaseReader, args: CorewarArgs): Promise<LoadedWarrior | Fault> {
  const source = await readWarrior(reader);
  if (typeof source !== 'string') return source;
  const r = assembleCached(source, settingsOf(args));
  if (!r.ok) return { kind: 'invalid_move', detail: `${WARRIOR_FILE}: ${describe(r.errors)}` };
  return { source, warrior: r.warrior };
}

/** Assembles warrior.red in the host engine's pure code (see BRIEF.md): errors with line
 *  numbers fail the codebase; warnings are reported with a success. */
export async function validate(ctx: ValidateContext<CorewarArgs>): Promise<Validation> {
  const source = await readWarrior(ctx);
  if (typeof source !== 'string') return { ok: false, detail: source.detail };
  const settings = settingsOf(ctx.args);
  const r = assembleCached(source, settings);
  if (!r.ok) {
    const warn = r.warnings.length ? `\nwarnings: ${describe(r.warnings)}` : '';
    return { ok: false, detail: `${WARRIOR_FILE} does not assemble: ${describe(r.errors)}${warn}` };
  }
  const w = r.warrior;
  const warn = r.warnings.length ? `; warnings: ${describe(r.warnings)}` : '';
  return { ok: true, detail: `"${w.name}" by ${w.author}: ${w.code.length} instructions, starts at ${w.start}${warn}` };
}
