// `codearena campaign …`: a matrix of tournaments from one spec. `plan` prints the expansion and
// what it will cost, and runs nothing (no Docker, no API key).
import { type Command, InvalidArgumentError, Option } from 'commander';
import { type CampaignRunOptions, campaignRunCommand } from './campaign-run.ts';
import { campaignRunOnQueue, campaignSubmitCommand, workerCommand } from './campaign-queue.ts';
import { intOption } from './int-option.ts';
import { expandCampaign } from '../campaign/expand.ts';
import { loadCampaignSpec } from '../campaign/spec.ts';
import { type CampaignTotals, campaignTotals } from '../campaign/totals.ts';
import { bold, dim, table, terminalJson, untrusted, yellow } from './format.ts';

/** The `campaign` command group; every campaign subcommand is registered here. */
export function registerCampaignCommands(program: Command): Command {
  const campaign = program
    .command('campaign')
    .description('campaigns: a matrix of tournaments (roster × arenas × pairings × repeats) from one spec');
  campaign
    .command('plan')
    .description('print the tournaments a campaign spec expands to, its sims and worst-case model spend; runs nothing')
    .argument('<spec>', 'campaign spec file (see configs/campaign-demo.yaml)')
    .option(
      '--json',
      'print one JSON object: {"campaign","jobs":[{"index","arena","players","repeat","seed","runId","config"}],"totals"}',
    )
    .action(planCommand);
  campaign
    .command('run')
    .description(
      'run a campaign on this machine, N tournaments at a time; run it again after a crash or Ctrl-C to continue (finished tournaments are never rerun)',
    )
    .argument('<spec>', 'campaign spec file')
    .option('--parallel <n>', 'tournaments at once', intOption('--parallel', 1), 1)
    .option('--runs <dir>', 'where run folders and the index live')
    .option('--quiet', 'only the campaign lines, not each tournament’s progress')
    // Not read from CODEARENA_QUEUE: whether a campaign runs embedded or on a queue is said here.
    .option(
      '--queue <url>',
      'postgres://…: submit to that queue and work it here until drained (more workers may join)',
    )
    .action((spec: string, o: CampaignRunOptions & { queue?: string }) =>
      o.queue ? campaignRunOnQueue(spec, { ...o, queue: o.queue }) : campaignRunCommand(spec, o),
    );
  campaign
    .command('submit')
    .description(
      "queue a campaign's tournaments in PostgreSQL for `codearena worker`s on any number of machines, and return",
    )
    .argument('<spec>', 'campaign spec file')
    .addOption(
      queueOption('postgres://user:password@host:port/db (`codearena pg start` prints one)').makeOptionMandatory(),
    )
    .option('--runs <dir>', 'the runs directory every worker shares')
    .option('--store <path|url>', 'the index the campaign is recorded in (default: the queue’s PostgreSQL)')
    .action(campaignSubmitCommand);
  return campaign;
}

/** `codearena worker`: pulls tournaments from the queue and runs them. */
export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description(
      'pull tournaments from a PostgreSQL queue and run them (resuming those a dead worker left) until stopped',
    )
    .addOption(queueOption('postgres://user:password@host:port/db').makeOptionMandatory())
    .option('--parallel <n>', 'tournaments at once', intOption('--parallel', 1), 1)
    .option('--runs <dir>', 'the runs directory every worker shares')
    .option('--store <path|url>', 'the index results go to (default: the queue’s PostgreSQL, shared by every worker)')
    .option('--until-drained', 'stop once the queue has nothing left to run')
    .option('--brake-window <n>', 'failure brake: look at the last n finished jobs', intOption('--brake-window', 1), 10)
    .option('--brake-share <x>', 'failure brake: stop when more than this share of them failed', parseShare, 0.2)
    .option('--heartbeat <s>', 'seconds between heartbeats', intOption('--heartbeat', 1), 5)
    .option(
      '--dead-after <s>',
      'seconds without a heartbeat after which a worker counts as dead and its tournaments go to others',
      intOption('--dead-after', 2),
      30,
    )
    .action(workerCommand);
}

export function planCommand(specPath: string, opts: { json?: boolean }): void {
  const { spec, baseDir } = loadCampaignSpec(specPath);
  const jobs = expandCampaign(spec, baseDir);
  const totals = campaignTotals(jobs);
  if (opts.json) {
    process.stdout.write(`${terminalJson({ campaign: spec.campaign.name, jobs, totals })}\n`);
    return;
  }
  const rows = jobs.map((j) => [j.index, j.arena, j.players.join(' vs '), j.repeat, j.seed, j.runId]);
  process.stdout.write(`${bold('Campaign')} ${untrusted(spec.campaign.name)}\n`);
  process.stdout.write(`${table(['#', 'arena', 'players', 'repeat', 'seed', 'run id'], rows, [0, 3, 4])}\n\n`);
  process.stdout.write(totalsText(totals));
}

const usd = (n: number) => `$${n.toFixed(2)}`;

function totalsText(t: CampaignTotals): string {
  const out = [
    `${bold('tournaments')}  ${t.tournaments}`,
    `${bold('sims')}         ${t.sims} ${dim('(Σ (rounds + 1) × sims_per_round)')}`,
    `${bold('edit phases')}  ${t.editPhases} ${dim('(Σ rounds × players)')}`,
  ];
  const spend = t.worstCaseUsd === null ? yellow('unbounded') : usd(t.worstCaseUsd);
  out.push(`${bold('model spend')}  at most ${spend} ${dim('(Σ rounds × each llm player’s limits.cost_usd)')}`);
  for (const m of t.byModel) {
    const cap = m.worstCaseUsd === null ? yellow('unbounded') : `at most ${usd(m.worstCaseUsd)}`;
    out.push(`  ${untrusted(m.model)}: ${cap} over ${m.editPhases} edit phases`);
  }
  if (t.unbounded.length > 0)
    out.push(yellow(`no cost bound (spend not capped): ${t.unbounded.join(', ')}; set agent.limits.cost_usd`));
  if (t.modelFree.length > 0) out.push(dim(`call no model: ${t.modelFree.join(', ')}`));
  return `${out.join('\n')}\n`;
}

function parseShare(v: string): number {
  const x = Number(v);
  if (!(x >= 0 && x < 1))
    throw new InvalidArgumentError('--brake-share must be a number from 0 up to (not including) 1');
  return x;
}

/** `--queue`, also read from CODEARENA_QUEUE: a URL with a password is better kept out of the
 *  command line, which every user of the machine can read (ps, /proc/<pid>/cmdline). */
const queueOption = (help: string) => new Option('--queue <url>', help).env('CODEARENA_QUEUE');
