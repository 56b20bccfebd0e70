// Transparent tournaments: each player may read the others' code as of the previous round,
// exported from their repos' round tags (in repo boxes) into the run's snapshots folder.
import type { GitOptions } from '../edit/git.ts';
import type { RunFolder } from '../store/run-folder.ts';
import type { TournamentServices } from './tournament-services.ts';

export type Opponents = Map<string, { name: string; dir: string }[]>;

export async function snapshotOpponents(
  names: string[],
  round: number,
  layout: RunFolder,
  gitFor: (player: string) => GitOptions,
  services: Pick<TournamentServices, 'exportTag'>,
): Promise<Opponents> {
  await Promise.all(
    names.map((n) => services.exportTag(layout.repo(n), `round-${round}`, layout.snapshot(round, n), gitFor(n))),
  );
  return new Map(
    names.map((n) => [n, names.filter((m) => m !== n).map((m) => ({ name: m, dir: layout.snapshot(round, m) }))]),
  );
}
