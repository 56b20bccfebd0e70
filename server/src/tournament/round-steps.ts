// The two halves of a round: every player's edit phase (side by side, opponents' code shown in
// transparent tournaments), then the compete phase among the codebases the edits committed.
import type { EventBus } from '../bus/event-bus.ts';
import type { CompeteOutput } from './compete-phase.ts';
import { type Opponents, snapshotOpponents } from './opponents.ts';
import type { TournamentRun } from './tournament-run.ts';
import type { TournamentServices } from './tournament-services.ts';

/** Runs round `r`'s edit phases; returns each player's edit exit. */
export async function editRound(
  run: TournamentRun,
  bus: EventBus,
  r: number,
  services: Pick<TournamentServices, 'editPhase' | 'exportTag'>,
): Promise<Record<string, string>> {
  const { config, layout } = run;
  const edits: Record<string, string> = {};
  const opponents: Opponents = config.tournament.transparent
    ? await snapshotOpponents(run.names, r - 1, layout, run.gitFor, services)
    : new Map();
  await Promise.all(
    run.players.map(async (p) => {
      const res = await services.editPhase({
        round: r,
        rounds: config.tournament.rounds,
        player: p.name,
        agent: p.agent,
        arena: run.arena,
        arenaArgs: run.args,
        brief: run.brief,
        seed: run.seed,
        editSeconds: config.limits.edit_seconds,
        opponents: opponents.get(p.name) ?? [],
        seats: run.names.length,
        mode: run.mode,
        limits: run.limits,
        quota: run.quota,
        deadlineMs: run.deadlineMs,
        bus,
        layout,
        signal: run.signal,
      });
      edits[p.name] = res.exit;
    }),
  );
  return edits;
}

/** Plays round `r` among the codebases the players committed. */
export async function competeRound(
  run: TournamentRun,
  bus: EventBus,
  r: number,
  frameEvery: number,
  services: Pick<TournamentServices, 'competePhase'>,
): Promise<CompeteOutput> {
  const { config, layout } = run;
  return services.competePhase({
    round: r,
    arena: run.arena,
    args: run.args,
    players: run.names.map((n) => ({ name: n, codeDir: layout.repo(n) })),
    sims: config.tournament.sims_per_round,
    concurrency: config.tournament.sim_concurrency,
    seed: run.seed,
    deadlineMs: run.deadlineMs,
    mode: run.mode,
    limits: run.limits,
    bus,
    layout,
    signal: run.signal,
    frameEvery,
  });
}
