// `codearena list [--runs DIR] [--json]`: the store's tournaments, newest first, with their honest
// status: one whose process died shows as interrupted, with the command that resumes it.
import { resolve } from 'node:path';
import type { TournamentRecord, TournamentStatus, TournamentSummary } from '@codearena/protocol';
import { RUNS_DIR } from '../paths.ts';
import { StoreIndex } from '../store/index-db.ts';
import { openReadIndex, printableStore } from './store-option.ts';
import { bold, dim, green, red, table, terminalJson, untrusted, yellow } from './format.ts';

export interface ListedTournament extends TournamentSummary {
  /** Rounds 1.. that finished (round 0, the baseline, is not counted). */
  roundsDone: number;
  /** For an interrupted tournament, the command that continues it. */
  resume: string | null;
}

/** The command that resumes tournament `id`; `runs` is named when it is not the default. */
export function resumeCommand(id: string, runs?: string): string {
  return `codearena run --resume ${id}${runs ? ` --runs ${runs}` : ''}`;
}

const listed = (t: TournamentSummary, detail: TournamentRecord | undefined, resume: string): ListedTournament => ({
  ...t,
  roundsDone: detail?.rounds.filter((r) => r.round > 0).length ?? 0,
  resume: t.status === 'interrupted' ? resume : null,
});

/** The tournaments of the index in `runs` (default RUNS_DIR), newest first. */
export function listTournaments(runs?: string): ListedTournament[] {
  const store = new StoreIndex(resolve(runs ?? RUNS_DIR, 'codearena.sqlite'));
  try {
    return store.listTournaments().map((t) => listed(t, store.getTournament(t.id), resumeCommand(t.id, runs)));
  } finally {
    store.close();
  }
}

/** The same from any index (`--store`); a tournament there is resumed by its run folder, which
 *  may live on a directory every worker shares. */
async function readTournaments(o: { store?: string; runs?: string }): Promise<ListedTournament[]> {
  if (o.store === undefined) return listTournaments(o.runs);
  const index = await openReadIndex(o);
  try {
    const all = await index.listTournaments();
    return await Promise.all(
      all.map(async (t) => listed(t, await index.getTournament(t.id), `codearena run --resume ${t.runDir}`)),
    );
  } finally {
    await index.close();
  }
}

const paintStatus: Record<TournamentStatus, (s: string) => string> = {
  running: green,
  interrupted: yellow,
  finished: (s) => s,
  aborted: red,
};

export async function listCommand(opts: { runs?: string; store?: string; json?: boolean }): Promise<void> {
  const all = await readTournaments(opts);
  if (opts.json) {
    process.stdout.write(`${terminalJson({ tournaments: all })}\n`);
    return;
  }
  if (!all.length) {
    process.stdout.write(
      `no tournaments in ${opts.store ? printableStore(opts.store) : (opts.runs ?? RUNS_DIR)} yet: run one with \`npm start\`\n`,
    );
    return;
  }
  const rows = all.map((t) => [
    t.id,
    t.name,
    t.arena,
    paintStatus[t.status](t.status),
    `${t.roundsDone}/${t.totalRounds}`,
    t.winner ?? dim('—'),
  ]);
  process.stdout.write(`${table(['id', 'name', 'arena', 'status', 'rounds', 'winner'], rows, [4])}\n`);
  for (const t of all)
    if (t.resume)
      process.stdout.write(`${yellow('interrupted')} ${untrusted(t.id)} — resume: ${bold(untrusted(t.resume))}\n`);
}
