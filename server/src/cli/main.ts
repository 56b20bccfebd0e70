// The `codearena` command line.
import { Command } from 'commander';
import { ConfigError } from '../config/config-error.ts';
import { UsageError } from './preflight.ts';
import { red } from './format.ts';
import { runCommand } from './run.ts';
import { DEFAULT_ADAPTIVE_MAX, DEFAULT_MATCH_SIMS, DEFAULT_RULE, matchCommand } from './match.ts';
import { arenasCommand } from './arenas.ts';
import { leaderboardCommand } from './leaderboard.ts';
import { doctorCommand } from './doctor.ts';
import { listCommand } from './list.ts';
import { benchCommand } from './bench.ts';
import { serveCommand } from './serve.ts';
import { STORE_HELP } from './store-option.ts';
import { replayCommand } from './replay.ts';
import { registerCampaignCommands, registerWorkerCommand } from './campaign.ts';
import { registerPgCommands } from './pg.ts';
import { registerLadderCommands } from './ladder.ts';
import { intOption, numberOption } from './int-option.ts';
import { DEFAULT_PORT } from '../gateway/index.ts';

const program = new Command()
  .name('codearena')
  .description('Tournaments in which coding agents improve codebases that play each other in sandboxed arena games.')
  .showHelpAfterError();

program
  .command('run')
  .description(
    'run a tournament from a YAML config (see configs/demo.yaml), or continue an interrupted one with --resume',
  )
  .argument('[config]', 'tournament config file (not with --resume)')
  .option(
    '--resume <run>',
    'continue a stopped or interrupted tournament (run id from `codearena list`, or its run folder): finished rounds and sims are kept, the rest is played',
  )
  .option('--runs <dir>', 'where run folders and the index live', undefined)
  .option('--quiet', 'no progress output, only the final tables')
  .option('--serve', 'serve the live web view while it runs, and after it until Ctrl-C')
  .option('--host <addr>', 'with --serve: address to bind (any but loopback needs --token)', '127.0.0.1')
  .option(
    '--port <n>',
    `with --serve: port (default ${DEFAULT_PORT} or the next free one; 0 = any)`,
    intOption('--port', 0),
  )
  .option('--token <secret>', 'with --serve: access token viewers must present (or CODEARENA_TOKEN)')
  .action(runCommand);

program
  .command('replay')
  .description(
    're-run a recorded tournament from its model answers (no API key, no provider call) and report every step and diff that came out differently',
  )
  .argument('<run>', 'run id (see `codearena list`) or run folder')
  .option('--runs <dir>', 'where run folders and the index live (the replay is written beside the recorded run)')
  .option('--quiet', 'no progress output, only the report')
  .action(replayCommand);

program
  .command('serve')
  .description('serve the web view, the JSON API and live event streams over the store until Ctrl-C')
  .option('--runs <dir>', 'where run folders and the index live')
  .option('--store <path|url>', STORE_HELP)
  .option('--host <addr>', 'address to bind (any but loopback needs --token)', '127.0.0.1')
  .option('--port <n>', `port (default ${DEFAULT_PORT} or the next free one; 0 = any)`, intOption('--port', 0))
  .option('--token <secret>', 'access token viewers must present (or CODEARENA_TOKEN)')
  .action(serveCommand);

program
  .command('match')
  .description('play codebases head-to-head, without agents')
  .argument('<arena>', 'arena id (see `codearena arenas`)')
  .argument('<codebases...>', 'two or more directories, each with an executable `run`')
  .option('--sims <n>', `number of sims (default ${DEFAULT_MATCH_SIMS})`, intOption('--sims', 1))
  .option('--adaptive', 'play until the sequential test (SPRT) names a winner, at most --max sims')
  .option('--max <n>', `with --adaptive: the most sims (default ${DEFAULT_ADAPTIVE_MAX})`, intOption('--max', 1))
  .option(
    '--alpha <p>',
    `with --adaptive: the chance of naming a winner when none is better (default ${DEFAULT_RULE.alpha})`,
    numberOption('--alpha'),
  )
  .option(
    '--beta <p>',
    `with --adaptive: the chance of no decision when one is better by the margin (default ${DEFAULT_RULE.beta})`,
    numberOption('--beta'),
  )
  .option(
    '--margin <m>',
    `with --adaptive: "better" wins ≥ 0.5 + margin of the sims either of a pair wins (default ${DEFAULT_RULE.margin})`,
    numberOption('--margin'),
  )
  .option('--seed <n>', 'seed: same seed and code ⇒ same games', intOption('--seed', 0), 1)
  .option('--concurrency <n>', 'sims at once', intOption('--concurrency', 1), 2)
  .option(
    '--json',
    'print one JSON object: {"sims","players":[{"name","wins","losses","ties","faults"}]}, with --adaptive also "decision":{"decided","winner","uncounted"}',
  )
  .action(matchCommand);

program
  .command('arenas')
  .description('list the arenas')
  .option('--json', 'machine-readable output')
  .action(arenasCommand);

program
  .command('list')
  .description('list the tournaments in the store, newest first; an interrupted one with its resume command')
  .option('--runs <dir>', 'where run folders and the index live')
  .option('--store <path|url>', STORE_HELP)
  .option('--json', 'machine-readable output')
  .action(listCommand);

program
  .command('leaderboard')
  .description('Bradley–Terry ratings with 95% intervals over every tournament in the store')
  .option('--by <key>', 'player | agent (agent and model)', 'player')
  .option('--arena <id>', 'only this arena')
  .option('--campaign <name>', 'one campaign: per arena, unified (every arena weighs the same), spend per model')
  .option('--runs <dir>', 'where the index lives')
  .option('--store <path|url>', STORE_HELP)
  .option('--json', 'machine-readable output')
  .action(leaderboardCommand);

program
  .command('doctor')
  .description('check Docker, images and dependencies; print the fix for anything missing')
  .option('--clean', 'remove leftover codearena containers')
  .option('--runs <dir>', 'where run folders and the index live')
  .action(doctorCommand);

program
  .command('bench')
  .description('measure sims/s sandboxed vs bare host processes, and concurrency 2 vs 1')
  .option('--sims <n>', 'sims per measurement', intOption('--sims', 1), 20)
  .action(benchCommand);

registerPgCommands(program);

registerLadderCommands(program);

registerCampaignCommands(program);
registerWorkerCommand(program);

try {
  await program.parseAsync();
} catch (e) {
  if (e instanceof ConfigError || e instanceof UsageError) {
    process.stderr.write(`${red('error:')} ${e.message}\n`);
    process.exit(e.exitCode);
  }
  throw e;
}
