// `codearena campaign run <spec> [--parallel N] [--runs DIR]`: a whole campaign on this machine,
// N tournaments at a time, with one live view over it; the same command after a crash or Ctrl-C
// continues it (interrupted tournaments resumed, finished ones never rerun).
import { resolve } from 'node:path';
import type { CampaignJob, Event } from '@codearena/protocol';
import { getArena } from '../arenas.ts';
import { CampaignFolder } from '../campaign/campaign-folder.ts';
import { expandCampaign } from '../campaign/expand.ts';
import { runCampaign } from '../campaign/run-embedded.ts';
import { loadCampaignSpec } from '../campaign/spec.ts';
import { checkAgents } from '../edit/agents.ts';
import { RUNS_DIR } from '../paths.ts';
import { StoreIndex } from '../store/index-db.ts';
import { RunFolder } from '../store/run-folder.ts';
import { bold, green, red, table, untrusted, yellow } from './format.ts';
import { createCampaignProgress } from './campaign-progress.ts';
import { printCampaignLeaderboard } from './leaderboard.ts';
import { requireDocker, requireHarnesses } from './preflight.ts';
import { createProgress } from './progress.ts';

export interface CampaignRunOptions {
  parallel?: number;
  runs?: string;
  quiet?: boolean;
}

/** What running the campaign's tournaments here needs, checked before any starts: every llm
 *  player's key (a missing one is found now, not hours in), Docker, the arenas' images and
 *  the harness programs of cli players. */
export async function requireReadyToRun(jobs: CampaignJob[], specPath: string): Promise<void> {
  for (const job of jobs) checkAgents(job.config, specPath);
  await requireDocker([...new Set(jobs.map((j) => getArena(j.arena).arena.manifest.image))]);
  await requireHarnesses(jobs.map((j) => j.config));
}

export async function campaignRunCommand(specPath: string, opts: CampaignRunOptions): Promise<void> {
  const loaded = loadCampaignSpec(specPath);
  const jobs = expandCampaign(loaded.spec, loaded.baseDir);
  const name = loaded.spec.campaign.name;
  await requireReadyToRun(jobs, specPath);
  const runsDir = resolve(opts.runs ?? RUNS_DIR);
  const record = new CampaignFolder(runsDir, name).open(loaded.spec, loaded.raw, jobs);
  const parallel = opts.parallel ?? 1;
  const store = new StoreIndex(resolve(runsDir, 'codearena.sqlite'));
  store.registerCampaign(record);
  const spentBefore = jobs.reduce((sum, j) => sum + store.edits(j.runId).reduce((s, e) => s + e.costUsd, 0), 0);
  const progress = createCampaignProgress({ total: jobs.length, parallel, spentBefore });
  process.stderr.write(
    `${bold(`campaign ${untrusted(name)}`)}: ${jobs.length} tournaments, ${parallel} at a time (runs in ${runsDir})\n`,
  );
  const stop = new AbortController();
  let interrupts = 0;
  const onSigint = () => {
    interrupts++;
    process.stderr.write(
      `\n${yellow('stopping')}: the tournaments in play stop after their current step (the next \`campaign run\` resumes them)\n`,
    );
    stop.abort();
    if (interrupts > 1) process.exit(130);
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  try {
    const outcomes = await runCampaign({
      jobs,
      runsDir,
      parallel,
      store,
      signal: stop.signal,
      listeners: (job: CampaignJob) => [
        (e: Event) => progress.listener(e),
        // One tournament at a time: its own progress too; with more, the campaign lines only.
        ...(parallel === 1 && !opts.quiet ? [tournamentProgress(new RunFolder(resolve(runsDir, job.runId)))] : []),
      ],
      onStart: (job, resumed) => progress.started(job, resumed),
      onDone: (o) => progress.done(o),
    });
    const by = (s: string) => outcomes.filter((o) => o.status === s).length;
    const notStarted = jobs.length - outcomes.length;
    process.stdout.write(`\n${bold(`Campaign ${untrusted(name)}`)}\n`);
    process.stdout.write(
      `${table(
        ['#', 'arena', 'players', 'repeat', 'status', 'winner'],
        outcomes.map((o) => [
          String(o.job.index + 1),
          untrusted(o.job.arena),
          o.job.players.map((p) => untrusted(p)).join(' vs '),
          String(o.job.repeat + 1),
          o.status === 'done' ? green('done') : o.status === 'failed' ? red('failed') : yellow(o.status),
          o.status === 'done' ? (o.winner ? untrusted(o.winner) : 'tie') : untrusted(o.detail).slice(0, 60),
        ]),
      )}\n`,
    );
    process.stdout.write(
      `${by('done')} done, ${by('failed')} failed, ${by('stopped') + notStarted} not finished, ${by('busy')} run by another process; spend $${progress.spend().toFixed(2)}\n`,
    );
    if (by('done') > 0) {
      process.stdout.write('\n');
      printCampaignLeaderboard(store, name);
    }
    if (by('done') < jobs.length)
      process.stdout.write(
        `Continue it: ${bold(`codearena campaign run ${specPath}${opts.runs ? ` --runs ${runsDir}` : ''}`)}\n`,
      );
    process.exitCode = stop.signal.aborted ? 130 : by('done') === jobs.length ? 0 : 1;
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
    store.close();
  }
}

/** One tournament's own progress (a resumed one learns what it is from its log first). */
function tournamentProgress(folder: RunFolder): (e: Event) => void {
  const p = createProgress();
  return (e) => {
    if (e.type === 'tournament.resumed') p.prime(folder.readEvents());
    p.listener(e);
    if (e.type === 'tournament.finished') p.stop();
  };
}
