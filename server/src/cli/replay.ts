// `codearena replay <run>`: re-runs a recorded tournament from its model answers, with no API key
// and no provider call, into a new run folder; then reports every edit step whose output differs
// from the recording and whether each round's diff and sim wins came out the same. Agents without
// a model (noop, search) simply run again: they are deterministic under the tournament's seed.
import { resolve } from 'node:path';
import type { EditExit, Event, TournamentConfig } from '@codearena/protocol';
import { escapeControls, clip } from '@codearena/protocol';
import { getArena } from '../arenas.ts';
import { createAgent } from '../edit/agents.ts';
import { exportTag } from '../edit/git.ts';
import { RUNS_DIR } from '../paths.ts';
import { sandboxLimitsFrom } from '../sandbox/limits.ts';
import { StoreIndex } from '../store/index-db.ts';
import { RunFolder, newRunId } from '../store/run-folder.ts';
import { compareReplay } from '../tournament/replay-report.ts';
import { runTournament } from '../tournament/tournament.ts';
import { tournamentServices } from '../tournament/tournament-services.ts';
import { bold, cyan, dim, green, table, yellow } from './format.ts';
import { UsageError, requireDocker } from './preflight.ts';
import { createProgress } from './progress.ts';
import { resolveRunRef } from './run-ref.ts';

/** Differing steps printed per edit phase (the report file has them all). */
const SHOWN_STEPS = 3;

export async function replayCommand(ref: string, opts: { runs?: string; quiet?: boolean }): Promise<void> {
  const recorded = resolveRunRef(ref, resolve(opts.runs ?? RUNS_DIR), 'replay');
  const events = recorded.folder.readEvents();
  const names = recorded.config.players.map((p) => p.name);
  const exits = editExits(events);
  // Only rounds whose every edit phase finished in the recording can be replayed.
  let rounds = 0;
  while (rounds < recorded.config.tournament.rounds && names.every((n) => exits.has(`${rounds + 1}/${n}`))) rounds++;
  if (!events.some((e) => e.type === 'tournament.started'))
    throw new UsageError(
      `replay: ${recorded.folder.runDir} never started (no tournament.started logged); nothing to replay`,
    );
  const { arena } = getArena(recorded.config.arena.id);
  await requireDocker([arena.manifest.image]);

  const name = `${recorded.config.tournament.name ?? recorded.id}-replay`;
  const runId = newRunId(name);
  const runsDir = recorded.runsDir;
  const target = new RunFolder(resolve(runsDir, runId));
  // The replay starts from exactly the recorded starting codebases: the recording's round-0 tags.
  const limits = sandboxLimitsFrom(recorded.config.limits);
  await Promise.all(
    names.map((player) =>
      exportTag(recorded.folder.repo(player), 'round-0', target.replayStart(player), { runId, player, limits }),
    ),
  );
  const config: TournamentConfig = {
    ...recorded.config,
    tournament: { ...recorded.config.tournament, name, rounds },
    players: recorded.config.players.map((p) => ({ ...p, codebase: target.replayStart(p.name) })),
  };
  if (rounds < recorded.config.tournament.rounds)
    process.stderr.write(
      `${yellow('note')}: the recording finished the edit phases of ${rounds} of ${recorded.config.tournament.rounds} rounds; replaying those\n`,
    );
  process.stderr.write(
    `${bold('replaying')} ${recorded.id} → ${runId} ${dim('(recorded answers only; no provider is called)')}\n`,
  );

  const store = new StoreIndex(resolve(runsDir, 'codearena.sqlite'));
  const progress = createProgress();
  try {
    const outcome = await runTournament(
      {
        config,
        rawConfig: recorded.rawConfig,
        runsDir,
        store,
        runId,
        replay: {
          of: recorded.id,
          source: (player, round) => {
            const exit = exits.get(`${round}/${player}`);
            return exit ? { answers: recorded.folder.readAnswers(player, round), exit } : undefined;
          },
        },
        listeners: opts.quiet ? [] : [(e: Event) => progress.listener(e)],
      },
      { ...tournamentServices, createAgent: (c) => createAgent(c, { offline: true }) },
    );
    progress.stop();
    const report = compareReplay(recorded.folder, target, names);
    target.writeReplayReport(report);
    printReport(report, outcome.status);
    process.stdout.write(`\nreplay run folder: ${outcome.runDir}\nreport: ${outcome.runDir}/replay-report.json\n`);
    process.exitCode = outcome.status !== 'finished' ? 3 : report.sameDiffs ? 0 : 1;
  } finally {
    progress.stop();
    store.close();
  }
}

/** The exit each (round/player) edit phase ended with in the recording (its last edit.finished). */
function editExits(events: Event[]): Map<string, EditExit> {
  const exits = new Map<string, EditExit>();
  for (const e of events) if (e.type === 'edit.finished') exits.set(`${e.round}/${e.player}`, e.exit);
  return exits;
}

function printReport(report: ReturnType<typeof compareReplay>, status: string): void {
  const show = (s: string) => escapeControls(clip(s.replace(/\s+/g, ' '), 100));
  process.stdout.write(`\n${bold('Replay')} ${dim('(each edit phase against its recording)')}\n`);
  const rows = report.edits.map((e) => [
    String(e.round),
    e.player,
    `${e.recordedExit ?? '—'} → ${e.replayedExit ?? '—'}`,
    String(e.steps),
    e.differing.length ? yellow(String(e.differing.length)) : '0',
    e.sameDiff ? green('same') : yellow('differs'),
  ]);
  process.stdout.write(`${table(['round', 'player', 'exit', 'steps', 'steps differing', 'diff'], rows)}\n`);
  for (const e of report.edits)
    for (const d of e.differing.slice(0, SHOWN_STEPS)) {
      process.stdout.write(
        `  ${cyan(`round ${e.round} ${e.player} step ${d.step}`)}: ${show(d.recorded?.action ?? '(none)')}\n`,
      );
      process.stdout.write(`    recorded: ${show(d.recorded?.output ?? '(no such step)')}\n`);
      process.stdout.write(`    replayed: ${show(d.replayed?.output ?? '(no such step)')}\n`);
    }
  const rounds = report.rounds.filter((r) => !r.same).map((r) => r.round);
  process.stdout.write(
    `\n${report.sameDiffs ? green('every diff reproduced') : yellow('some diffs differ')}; ${rounds.length ? yellow(`rounds with other sim wins: ${rounds.join(', ')}`) : green('every round scored the same')}${status === 'finished' ? '' : yellow(` (replay ${status})`)}\n`,
  );
}
