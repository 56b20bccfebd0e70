// The two halves of a round: every player's edit phase (side by side, opponents' code shown in
// transparent tournaments), then the compete phase among the codebases the edits committed.
import type { EventBus } from '../bus/event-bus.ts';
import type { CompeteOutput } from './compete-phase.ts';
import { type Opponents, snapshotOpponents } from './opponents.ts';
import type { KeptSim } from './resume-state.ts';
import type { TournamentRun } from './tournament-run.ts';
import type { TournamentServices } from './tournament-services.ts';

/** Runs round `r`'s edit phases; returns each player's edit exit. Players in `done` finished
 *  theirs before the run was interrupted (resume): their exits are taken as they are. */
export async function editRound(
  run: TournamentRun,
  bus: EventBus,
  r: number,
  services: Pick<TournamentServices, 'editPhase' | 'exportTag'>,
  done: Record<string, string> = {},
): Promise<Record<string, string>> {
  const { config, layout } = run;
  const edits: Record<string, string> = { ...done };
  const opponents: Opponents = config.tournament.transparent
    ? await snapshotOpponents(run.names, r - 1, layout, run.gitFor, services)
    : new Map();
  // allSettled: when one phase fails (infrastructure), the others still end before the round
  // does, so none of them starts a container or logs an event after the tournament closed.
  const settled = await Promise.allSettled(
    run.players.map(async (p) => {
      if (p.name in done) return;
      const replay = run.replay?.(p.name, r);
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
        ...(replay ? { replay } : {}),
      });
      edits[p.name] = res.exit;
    }),
  );
  const failed = settled.find((x) => x.status === 'rejected');
  if (failed) throw failed.reason;
  return edits;
}

/** Plays round `r` among the codebases the players committed. */
export async function competeRound(
  run: TournamentRun,
  bus: EventBus,
  r: number,
  frameEvery: number,
  services: Pick<TournamentServices, 'competePhase'>,
  kept?: Map<number, KeptSim>,
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
    ...(kept ? { kept } : {}),
  });
}
