// Whether the configured arena exists is only known once arenas are discovered, so this check
// is separate from parsing; it throws the same ConfigError so the CLI treats both alike.
import type { TournamentConfig } from '@codearena/protocol';
import { ConfigError } from './config-error.ts';
import { suggest } from './suggest.ts';

/** Throws a ConfigError naming `arena.id` and the known ids when the arena is unknown. */
export function checkArena(config: TournamentConfig, knownIds: readonly string[], label = 'config'): void {
  const problem = unknownArena(config.arena.id, knownIds);
  if (problem !== undefined) throw new ConfigError(label, [{ path: 'arena.id', message: problem }]);
}

/** What is wrong with an arena id and the ids to use instead; undefined when it is known. */
export function unknownArena(id: string, knownIds: readonly string[]): string | undefined {
  if (knownIds.includes(id)) return undefined;
  const guess = suggest(id, knownIds);
  const known =
    knownIds.length === 0 ? 'no arenas are installed (see arenas/)' : `use one of: ${[...knownIds].sort().join(', ')}`;
  const hint = guess === undefined ? '' : ` (did you mean "${guess}"?)`;
  return `"${id}" is not a known arena; ${known}${hint}`;
}
