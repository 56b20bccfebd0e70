// `codearena ladder …`: ladders of codebases (README "Ladders"). `make` ranks a set of codebases
// by round-robin with Bradley–Terry intervals, into the ladder's folder, resumably; `climb` sends
// a player up a made ladder's rungs.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { LadderClimb, LadderSpec, LadderStanding } from '@codearena/protocol';
import { modelPlayerIssues } from '@codearena/agent-llm';
import { ConfigError } from '../config/config-error.ts';
import { climbLadder, climbOrder, rungConfig } from '../ladder/climb.ts';
import { loadClimber } from '../ladder/climber-spec.ts';
import { LADDER_FILE, LadderFolder } from '../ladder/ladder-folder.ts';
import { StoreIndex } from '../store/index-db.ts';
import { arenaIds, getArena } from '../arenas.ts';
import { ladderFromDirs, loadLadderSpec } from '../ladder/ladder-spec.ts';
import { type MadeLadder, makeLadder } from '../ladder/make.ts';
import { ladderStandings } from '../ladder/standings.ts';
import { LADDERS_DIR, RUNS_DIR } from '../paths.ts';
import { bold, dim, green, table, terminalJson, untrusted, yellow } from './format.ts';
import { intOption } from './int-option.ts';
import { UsageError, requireCodebase, requireDataCodebase, requireDocker, requireHarnesses } from './preflight.ts';

export const DEFAULT_LADDER_SIMS = 10;

export function registerLadderCommands(program: Command): Command {
  const ladder = program
    .command('ladder')
    .description('ladders: codebases ranked by round-robin (rungs), which players then climb');
  ladder
    .command('make')
    .description(
      'rank codebases: every pair plays --sims sims, then a Bradley–Terry fit with 95% intervals; run it again after a kill to play only the pairs left',
    )
    .argument('<arena>', 'arena id (see `codearena arenas`)')
    .argument('<codebases...>', 'two or more codebase directories, or one ladder.yaml (see ladders/)')
    .option('--sims <n>', `sims per pair (default: the file's, else ${DEFAULT_LADDER_SIMS})`, intOption('--sims', 1))
    .option('--seed <n>', "seed (default: the file's, else 0)", intOption('--seed', 0))
    .option('--concurrency <n>', 'sims at once over all pairs', intOption('--concurrency', 1), 2)
    .option('--out <dir>', 'the ladder folder (default runs/ladders/<name>)')
    .option(
      '--json',
      'print one JSON object: {"ladder","played","replayed","standings":[{"name","rating","lo","hi","wins","draws","losses"}]} (replayed: pairs played again because a rung\'s code, the sims or the seed changed)',
    )
    .action(ladderMakeCommand);
  ladder
    .command('climb')
    .description(
      'send a player up a made ladder, weakest rung first: at each rung a small tournament against the rung (a noop player); --wins round wins hold it and carry the code up, the first rung not held ends the climb',
    )
    .argument(
      '<ladder>',
      'a ladder name (its folder under the runs dir, ladders/<name>; a shipped one, ladders/<name>.yaml, is made first where it lacks pairs) or a ladder folder',
    )
    .argument(
      '<player>',
      'player.yaml: one tournament player entry { name, agent, codebase? } (codebase: default the starter)',
    )
    .option('--rounds <n>', 'edit+compete rounds per rung', intOption('--rounds', 1), 3)
    .option('--wins <n>', 'round wins that hold a rung', intOption('--wins', 1), 2)
    .option('--sims <n>', "sims per round (default: the ladder's sims per pair)", intOption('--sims', 1))
    .option('--runs <dir>', 'where the rung tournaments and the index go (default: runs/)')
    .option('--json', 'print the climb: {"id","ladder","player","agent","rungs","steps":[…],"highest","height",…}')
    .action(ladderClimbCommand);
  return ladder;
}

interface MakeFlags {
  sims?: number;
  seed?: number;
  concurrency: number;
  out?: string;
  json?: boolean;
}

/** The ladder to make: from a ladder.yaml (flags override its sims and seed) or from directories. */
export function ladderToMake(arenaId: string, inputs: string[], f: Pick<MakeFlags, 'sims' | 'seed'>): LadderSpec {
  if (!arenaIds().includes(arenaId))
    throw new UsageError(`unknown arena "${arenaId}"; known arenas: ${arenaIds().join(', ')}`);
  if (inputs.length === 1 && /\.ya?ml$/i.test(inputs[0]!)) {
    const spec = loadLadderSpec(inputs[0]!);
    if (spec.arena !== arenaId)
      throw new UsageError(
        `${inputs[0]} is a ${spec.arena} ladder, not ${arenaId}; pass \`${spec.arena}\` as the arena`,
      );
    return {
      ...spec,
      ...(f.sims !== undefined ? { sims: f.sims } : {}),
      ...(f.seed !== undefined ? { seed: f.seed } : {}),
    };
  }
  if (inputs.length < 2)
    throw new UsageError('a ladder needs at least 2 codebases to rank; pass more directories, or one ladder.yaml');
  return ladderFromDirs(arenaId, inputs, { sims: f.sims ?? DEFAULT_LADDER_SIMS, seed: f.seed ?? 0 });
}

export const ladderDir = (name: string, out?: string): string => (out ? resolve(out) : join(RUNS_DIR, 'ladders', name));

async function ladderMakeCommand(arenaId: string, inputs: string[], f: MakeFlags): Promise<void> {
  const ladder = ladderToMake(arenaId, inputs, f);
  const folder = new LadderFolder(ladderDir(ladder.name, f.out));
  const made = await makeWithProgress(ladder, folder, f);
  const standings = ladderStandings(ladder, made.pairs);
  process.stdout.write(
    f.json
      ? `${terminalJson({ ladder: ladder.name, dir: folder.dir, played: made.played, replayed: made.replayed, standings })}\n`
      : ladderReport(ladder, standings, made, folder.dir),
  );
  if (made.aborted) process.exitCode = 130;
}

/** Plays what a ladder still lacks into its folder, a line per pair on stderr (unless --json);
 *  Ctrl-C drops the pairs in play (the same command resumes). */
async function makeWithProgress(
  ladder: LadderSpec,
  folder: LadderFolder,
  f: Pick<MakeFlags, 'concurrency' | 'json'>,
): Promise<MadeLadder> {
  const { manifest } = getArena(ladder.arena).arena;
  for (const r of ladder.rungs)
    if (manifest.botKind === 'process') requireCodebase(r.codebase);
    else requireDataCodebase(r.codebase, manifest.dataFiles ?? []);
  if (manifest.botKind !== 'data') await requireDocker([manifest.image]);
  const stop = new AbortController();
  const onSignal = () => {
    process.stderr.write(`\n${bold('stopping')}: pairs in play are dropped; run the same command to resume\n`);
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await makeLadder(ladder, {
      folder,
      concurrency: f.concurrency,
      signal: stop.signal,
      onPair: (p) => {
        if (!f.json) {
          const w = (n: string) => p.winners.filter((x) => x === n).length;
          process.stderr.write(dim(`  ${untrusted(p.a)} vs ${untrusted(p.b)}: ${w(p.a)}–${w(p.b)}\n`));
        }
      },
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

const fmt = (x: number) => x.toFixed(0);

export function ladderReport(
  ladder: LadderSpec,
  s: LadderStanding[],
  made: Pick<MadeLadder, 'played' | 'replayed'>,
  dir: string,
): string {
  const pairs = (ladder.rungs.length * (ladder.rungs.length - 1)) / 2;
  const replayed = made.replayed.length
    ? ` (${made.replayed.length} replayed: ${made.replayed.map((p) => untrusted(p)).join(', ')} — a rung's code, the sims or the seed changed)`
    : '';
  const head = `${bold(`${untrusted(ladder.name)} (${untrusted(ladder.arena)}): ${ladder.rungs.length} rungs`)} ${dim(`(${ladder.sims} sims per pair, seed ${ladder.seed}; ${made.played.length} of ${pairs} pairs played now${replayed}; ${untrusted(dir)})`)}\n`;
  return `${head}${table(
    ['rung', 'rating', '95% interval', 'W/D/L'],
    s.map((r, k) => [
      `${s.length - k}. ${r.name}`,
      fmt(r.rating),
      `${fmt(r.lo)}–${fmt(r.hi)}`,
      `${r.wins}/${r.draws}/${r.losses}`,
    ]),
    [1],
  )}\n`;
}

interface ClimbFlags {
  rounds: number;
  wins: number;
  sims?: number;
  runs?: string;
  json?: boolean;
}

/** A ladder folder given as a path, else a name under the runs dir. A shipped ladder
 *  (ladders/<name>.yaml) is made there first, or brought up to date (only the pairs it lacks, or
 *  whose rung code changed, are played) — unless a ladder of that name made from other rungs is
 *  there: that one is the user's, and is climbed as it is. */
async function climbFolder(ref: string, runsDir: string, f: Pick<MakeFlags, 'json'>): Promise<LadderFolder> {
  if (existsSync(join(ref, LADDER_FILE))) return new LadderFolder(resolve(ref));
  if (ref.includes('/') || !/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(ref))
    throw new UsageError(
      `<ladder>: ${ref} is not a ladder folder (no ${LADDER_FILE}); run \`codearena ladder make\` first`,
    );
  const folder = new LadderFolder(join(runsDir, 'ladders', ref));
  const shipped = join(LADDERS_DIR, `${ref}.yaml`);
  const made = folder.readLadder();
  const ladder = existsSync(shipped) ? loadLadderSpec(shipped) : null;
  const sameRungs = (a: { codebase: string }[], b: { codebase: string }[]) =>
    a.length === b.length && a.every((r, i) => r.codebase === b[i]!.codebase);
  if (ladder && (!made || sameRungs(made.rungs, ladder.rungs))) {
    if (!f.json)
      process.stderr.write(
        dim(`making ladder ${untrusted(ref)} from ladders/${untrusted(ref)}.yaml where it lacks pairs\n`),
      );
    const result = await makeWithProgress(ladder, folder, { concurrency: 2, ...f });
    if (result.aborted) throw new UsageError(`ladder ${ref} was not made (stopped); run the same command to resume`);
  } else if (ladder && !f.json)
    process.stderr.write(
      dim(
        `ladder ${untrusted(ref)} in ${untrusted(folder.dir)} has other rungs than ladders/${untrusted(ref)}.yaml: climbing it as it is (\`codearena ladder make ${untrusted(ladder.arena)} ladders/${untrusted(ref)}.yaml\` remakes it)\n`,
      ),
    );
  if (!existsSync(join(folder.dir, LADDER_FILE)))
    throw new UsageError(
      `<ladder>: no ladder "${ref}" in ${join(runsDir, 'ladders')} nor ladders/${ref}.yaml; run \`codearena ladder make\` first`,
    );
  return folder;
}

async function ladderClimbCommand(ref: string, playerPath: string, f: ClimbFlags): Promise<void> {
  if (f.wins > f.rounds)
    throw new UsageError(
      `--wins ${f.wins} is more than --rounds ${f.rounds}: no rung could be held; lower --wins or raise --rounds`,
    );
  const runsDir = resolve(f.runs ?? RUNS_DIR);
  const player = loadClimber(playerPath); // before any ladder is made: a bad file fails at once
  const folder = await climbFolder(ref, runsDir, f);
  const made = climbOrder(folder);
  if ('problem' in made) throw new UsageError(made.problem);
  const { ladder, order } = made;
  const clash = order.find((r) => r.name === player.name);
  if (clash)
    throw new ConfigError(playerPath, [
      { path: 'name', message: `"${player.name}" is also a rung of ladder ${ladder.name}; rename the player` },
    ]);
  // Keys and harnesses before any work: a climb can be long.
  const keys = modelPlayerIssues([player]).map((i) => ({ ...i, path: i.path.replace(/^players\[0\]\./, '') }));
  if (keys.length) throw new ConfigError(playerPath, keys);
  const opts = { ladder, order, player, rounds: f.rounds, wins: f.wins, ...(f.sims ? { sims: f.sims } : {}) };
  await requireDocker([getArena(ladder.arena).arena.manifest.image]);
  await requireHarnesses([rungConfig(opts, order[0]!, player.codebase)]);
  const store = new StoreIndex(resolve(runsDir, 'codearena.sqlite'));
  const stop = new AbortController();
  const onSignal = () => {
    process.stderr.write(`\n${bold('stopping')}: the rung in play is dropped (its run folder stays)\n`);
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    if (!f.json)
      process.stderr.write(
        dim(`climbing ${untrusted(ladder.name)}: ${order.map((r) => untrusted(r.name)).join(' → ')}\n`),
      );
    const r = await climbLadder({
      ...opts,
      folder,
      runsDir,
      store,
      signal: stop.signal,
      onStep: (c) => {
        const s = c.steps.at(-1)!;
        if (!f.json)
          process.stderr.write(
            dim(
              `  ${untrusted(s.rung)}: ${s.roundsWon} of ${s.roundsPlayed} rounds won, ${s.held ? 'held' : 'not held'}\n`,
            ),
          );
      },
    });
    process.stdout.write(f.json ? `${terminalJson(r.climb)}\n` : climbReport(r.climb, folder.climbFile(r.climb.id)));
    if (r.infraProblem) {
      process.stderr.write(`${yellow('aborted by an infrastructure failure')}: ${untrusted(r.infraProblem)}\n`);
      process.exitCode = 3;
    } else if (r.aborted) process.exitCode = 130;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    store.close();
  }
}

export function climbReport(c: LadderClimb, file: string): string {
  const head = `${bold(`${untrusted(c.player)} (${untrusted(c.agent)}) on ${untrusted(c.ladder)}`)} ${dim(`(a rung is held with ${c.wins} of ${c.rounds} round wins; ${untrusted(file)})`)}\n`;
  const rows = c.steps.map((s) => [
    untrusted(s.rung),
    `${s.roundsWon}/${s.roundsPlayed}`,
    s.held ? green('yes') : yellow('no'),
    s.stoppedEarly ? s.stoppedEarly.replace(/_/g, ' ') : '',
    untrusted(s.runId),
  ]);
  const done = c.finishedAt === null ? ` ${yellow('(climb stopped before its end)')}` : '';
  return `${head}${table(['rung', 'won/played', 'held', 'stopped early', 'run'], rows, [1])}\nhighest rung held: ${c.highest ? bold(untrusted(c.highest)) : 'none'} (${c.height} of ${c.rungs.length})${done}\n`;
}
