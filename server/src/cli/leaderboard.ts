// `codearena leaderboard`: Bradley–Terry ratings with bootstrap 95% intervals.
import { resolve } from 'node:path';
import { RUNS_DIR } from '../paths.ts';
import type { GroupBy } from '@codearena/protocol';
import { buildLeaderboard } from '../rating/leaderboard.ts';
import { StoreIndex } from '../store/index-db.ts';
import { bold, dim, table } from './format.ts';
import { UsageError } from './preflight.ts';

export function leaderboardCommand(opts: { by: string; arena?: string; runs?: string; json?: boolean }): void {
  if (opts.by !== 'player' && opts.by !== 'agent')
    throw new UsageError(`--by must be "player" or "agent", got "${opts.by}"`);
  const store = new StoreIndex(resolve(opts.runs ?? RUNS_DIR, 'codearena.sqlite'));
  try {
    if (opts.json) {
      const lb = buildLeaderboard(store.roundResults(opts.arena ? { arena: opts.arena } : {}), opts.by);
      process.stdout.write(`${JSON.stringify(lb)}\n`);
      return;
    }
    printLeaderboard(store, { by: opts.by, arena: opts.arena }, 'Leaderboard');
  } finally {
    store.close();
  }
}

export function printLeaderboard(
  store: StoreIndex,
  o: { by: GroupBy; arena?: string | undefined },
  title: string,
): void {
  const lb = buildLeaderboard(store.roundResults(o.arena ? { arena: o.arena } : {}), o.by);
  process.stdout.write(
    `${bold(title)} ${dim(`— Bradley–Terry on the Elo scale, 95% bootstrap intervals, ${lb.rounds} rounds`)}\n`,
  );
  if (!lb.rows.length) {
    process.stdout.write('no rounds played yet: run a tournament first (`npm start`)\n');
    return;
  }
  const rows = lb.rows.map((r, i) => [
    String(i + 1),
    r.id,
    r.rating.toFixed(0),
    `[${r.lo.toFixed(0)}, ${r.hi.toFixed(0)}]`,
    String(r.games),
    `${r.wins}/${r.draws}/${r.losses}`,
  ]);
  process.stdout.write(`${table(['#', o.by, 'rating', '95% CI', 'games', 'W/D/L'], rows, [0, 2, 4])}\n`);
}
