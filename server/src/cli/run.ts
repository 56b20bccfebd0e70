// `codearena run <config>`: a whole tournament with live progress, then the rounds table and
// the leaderboard. Ctrl-C stops it cleanly (containers removed, the log closed as aborted).
// `codearena run --resume <run>` continues one that was stopped or whose process died.
import { resolve } from 'node:path';
import type { Event, TournamentConfig } from '@codearena/protocol';
import { ConfigError } from '../config/config-error.ts';
import { checkArena } from '../config/arena-check.ts';
import { checkArenaArgs } from '../config/arena-args.ts';
import { loadConfig } from '../config/load-config.ts';
import { arenaIds, getArena } from '../arenas.ts';
import { checkAgents } from '../edit/agents.ts';
import { CodebaseError, copyCodebase } from '../edit/codebase-copy.ts';
import { repoQuotaFrom } from '../edit/repo-quota.ts';
import { RUNS_DIR } from '../paths.ts';
import { removeContainers } from '../sandbox/cleanup.ts';
import { StoreIndex } from '../store/index-db.ts';
import { runTournament, type TournamentOutcome } from '../tournament/tournament.ts';
import { RunFolder, newRunId } from '../store/run-folder.ts';
import { bold, cyan, dim, green, untrusted, yellow } from './format.ts';
import { printLeaderboard } from './leaderboard.ts';
import { createProgress } from './progress.ts';
import { UsageError, requireDocker, requireHarnesses } from './preflight.ts';
import { resolveRunRef } from './run-ref.ts';
import { LeaseHeldError } from '../store/run-lease.ts';
import { NotResumable } from '../tournament/resume-state.ts';
import { table } from './format.ts';
import { openGateway, pageUrl, type ServeOptions, untilInterrupted } from './serve.ts';

export interface RunOptions extends ServeOptions {
  runs?: string;
  quiet?: boolean;
  serve?: boolean;
  /** A run id or run folder to continue. */
  resume?: string;
}

/** What a run needs whichever way it starts: a new tournament from a config file, or `--resume`. */
interface RunSpec {
  config: TournamentConfig;
  rawConfig: string;
  runsDir: string;
  runId: string;
  resume: boolean;
}

export async function runCommand(configPath: string | undefined, opts: RunOptions): Promise<void> {
  if (opts.resume !== undefined && configPath !== undefined)
    throw new UsageError(
      `give either a config file (a new tournament) or --resume <run> (continue one), not both; the resumed run keeps the config it started with`,
    );
  if (opts.resume === undefined && configPath === undefined)
    throw new UsageError('missing the config file: codearena run <config.yaml> (or --resume <run id | run folder>)');
  const spec = opts.resume !== undefined ? resumeSpec(opts.resume, opts) : newRunSpec(configPath!, opts);
  await executeRun(spec, opts);
}

function newRunSpec(configPath: string, opts: RunOptions): RunSpec {
  const loaded = loadConfig(configPath);
  const { config } = loaded;
  checkArena(config, arenaIds(), configPath);
  const { arena } = getArena(config.arena.id);
  checkArenaArgs(arena, config, configPath, loaded.raw);
  const { min, max } = arena.manifest.players;
  if (config.players.length < min || config.players.length > max) {
    throw new ConfigError(configPath, [
      {
        path: 'players',
        message: `${arena.manifest.id} is played by ${min} to ${max} players, the config has ${config.players.length}; add or remove players`,
      },
    ]);
  }
  checkAgents(config, configPath);
  checkCodebases(config, configPath);
  return {
    config,
    rawConfig: loaded.raw,
    runsDir: resolve(opts.runs ?? RUNS_DIR),
    runId: newRunId(config.tournament.name ?? `${arena.manifest.id}-${config.players.map((p) => p.name).join('-')}`),
    resume: false,
  };
}

/** `--resume`: the run folder's own config, checked again (an llm player needs its key to go on). */
function resumeSpec(ref: string, opts: RunOptions): RunSpec {
  const run = resolveRunRef(ref, resolve(opts.runs ?? RUNS_DIR), '--resume');
  const label = `${run.folder.runDir}/config.json`;
  checkArena(run.config, arenaIds(), label);
  checkAgents(run.config, label);
  return { config: run.config, rawConfig: run.rawConfig, runsDir: run.runsDir, runId: run.id, resume: true };
}

async function executeRun(spec: RunSpec, opts: RunOptions): Promise<void> {
  const { config, runsDir, runId } = spec;
  const { arena } = getArena(config.arena.id);
  await requireDocker([arena.manifest.image]);
  await requireHarnesses([config]);
  const store = new StoreIndex(resolve(runsDir, 'codearena.sqlite'));
  const progress = createProgress();
  // --serve: the web view follows this tournament from its first event, fed by its own bus. The
  // gateway runs in a child process (restarted if it dies), so no client can end the tournament.
  const gateway = opts.serve ? await openGateway(store, opts) : null;
  if (gateway) process.stderr.write(`${bold('web view')}: ${cyan(pageUrl(gateway, `/t/${runId}`))}\n`);
  if (spec.resume) {
    process.stderr.write(`${bold('resuming')} ${runId} ${dim(`(${runsDir}/${runId})`)}\n`);
    progress.prime(new RunFolder(resolve(runsDir, runId)).readEvents());
  }
  const stop = new AbortController();
  let interrupts = 0;
  const onSigint = () => {
    interrupts++;
    if (interrupts === 1) {
      process.stderr.write(
        `\n${yellow('stopping')}: finishing the current step and removing containers (Ctrl-C again to force)\n`,
      );
      stop.abort();
    } else {
      void removeContainers(runId).finally(() => process.exit(130));
    }
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  let summary: TournamentOutcome;
  try {
    summary = await runTournament({
      config,
      rawConfig: spec.rawConfig,
      runsDir,
      store,
      runId,
      resume: spec.resume,
      signal: stop.signal,
      listeners: [
        ...(opts.quiet ? [] : [(e: Event) => progress.listener(e)]),
        ...(gateway ? [gateway.live(runId)] : []),
      ],
    });
  } catch (e) {
    await gateway?.close();
    store.close();
    if (e instanceof LeaseHeldError) throw new UsageError(`cannot run ${runId}: ${e.message}`);
    if (e instanceof NotResumable) throw new UsageError(`cannot resume ${runId}: ${e.message}`);
    throw e;
  } finally {
    progress.stop();
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
  printRounds(summary);
  process.stdout.write('\n');
  printLeaderboard(
    store,
    { by: 'player', arena: arena.manifest.id },
    'Leaderboard (all tournaments in the store, this arena)',
  );
  const resumeHint = `Resume it: ${cyan(`codearena run --resume ${runId}${opts.runs ? ` --runs ${runsDir}` : ''}`)}\n`;
  if (summary.leaseLost) {
    process.stdout.write(`${yellow('stopped')}: ${untrusted(summary.leaseLost)}\n`);
    process.exitCode = 3;
  } else if (summary.abortReason === 'infrastructure') {
    // Not a result: the round in progress was dropped unscored. Exit 3, as for a missing daemon.
    process.stdout.write(
      `${yellow('aborted by an infrastructure failure')}: ${untrusted(summary.infraProblem ?? 'unknown')}\n`,
    );
    process.stdout.write(
      `The round in progress was not scored; partial results in ${summary.runDir}\nFix: check the Docker daemon (\`codearena doctor\`), then resume.\n`,
    );
    process.stdout.write(resumeHint);
    process.exitCode = 3;
  } else if (summary.status === 'aborted') {
    process.stdout.write(`${yellow('aborted')} — partial results in ${summary.runDir}\n`);
    process.stdout.write(resumeHint);
    process.exitCode = 130;
  } else {
    process.stdout.write(`\nrun folder: ${summary.runDir}\n`);
  }
  if (gateway) {
    if (summary.status !== 'aborted') {
      process.stdout.write(
        `${bold('web view')}: ${cyan(pageUrl(gateway, `/t/${runId}`))} — still serving; Ctrl-C to stop\n`,
      );
      await untilInterrupted();
    }
    await gateway.close();
  }
  store.close();
}

/** Operators' starting codebases are copied into the players' repos: check them before any work. */
function checkCodebases(config: TournamentConfig, configPath: string): void {
  const quota = repoQuotaFrom(config.limits);
  const issues = config.players.flatMap((p, i) => {
    if (!p.codebase) return [];
    try {
      copyCodebase(p.codebase, null, { quota });
      return [];
    } catch (e) {
      if (!(e instanceof CodebaseError)) throw e;
      return [{ path: `players[${i}].codebase`, message: e.message }];
    }
  });
  if (issues.length) throw new ConfigError(configPath, issues);
}

function printRounds(s: TournamentOutcome): void {
  const players = Object.keys(s.roundWins);
  const rows = s.rounds.map((r) => [
    r.round === 0 ? '0 (start)' : String(r.round),
    ...players.map(
      (p) =>
        `${r.simWins[p] ?? 0}${r.forfeited.includes(p) ? ' (forfeit)' : ''}${r.edits[p] && r.edits[p] !== 'submitted' ? dim(` ${r.edits[p]}`) : ''}`,
    ),
    String(r.ties),
    r.winner ?? 'tie',
  ]);
  process.stdout.write(
    `\n${bold('Rounds')} ${dim('(sim wins per player; the edit status when the agent did not submit a change)')}\n`,
  );
  process.stdout.write(`${table(['round', ...players, 'ties', 'winner'], rows)}\n\n`);
  const standings = players
    .map((p) => [p, String(s.roundWins[p]), s.ratings[p]!.toFixed(0)])
    .sort((a, b) => Number(b[1]) - Number(a[1]) || Number(b[2]) - Number(a[2]));
  process.stdout.write(`${table(['player', 'rounds won', 'Elo'], standings, [1, 2])}\n`);
  process.stdout.write(`${bold('Winner:')} ${s.winner ? green(s.winner) : yellow('tie')}\n`);
}
