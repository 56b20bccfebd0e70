// One round's compete phase: a hardened container per player (its code read-only), the arena's
// validation inside it, then the round's sims among the valid codebases.
import {
  type Arena,
  type Replay,
  type SequentialSims,
  type SimsPerRound,
  matchIdOf,
  maxSimsPerRound,
} from '@codearena/protocol';
import type { EventBus } from '../bus/event-bus.ts';
import { type PlayerRuntime, type RuntimeMode, openRuntime } from '../compete/runtime.ts';
import { SequentialStop } from '../compete/sequential.ts';
import { SIM_ATTEMPTS, playSeries } from '../compete/series.ts';
import { validateOnWorkingInfra } from '../compete/validate.ts';
import { infraError } from '../sandbox/infra-error.ts';
import type { SandboxLimits } from '../sandbox/limits.ts';
import { type RoundScore, scoreRound } from './round-result.ts';
import type { RunFolder } from '../store/run-folder.ts';
import type { KeptSim } from './resume-state.ts';

export interface CompeteInput {
  round: number;
  arena: Arena;
  args: unknown;
  players: { name: string; codeDir: string }[];
  /** A fixed count, or sims until the sequential test decides (at most `max`). */
  sims: SimsPerRound;
  concurrency: number;
  seed: number;
  deadlineMs: number;
  mode: RuntimeMode;
  limits: SandboxLimits;
  bus: EventBus;
  layout: RunFolder;
  signal: AbortSignal;
  /** Emit a match.frame event every n turns (live viewers); 0 = none. */
  frameEvery: number;
  /** Sims of this round already played by an interrupted attempt (resume): kept, not replayed,
   *  as long as the same codebases are valid now as then. */
  kept?: Map<number, KeptSim>;
}

export interface CompeteOutput extends RoundScore {
  forfeited: string[];
  /** Sequential rounds: whether the test decided before max, and the sims played past the
   *  deciding prefix (their replays and match.finished events exist; they are not counted). */
  sequential?: { decided: boolean; uncounted: number[]; rule: SequentialSims };
  validations: Record<string, { ok: boolean; detail: string }>;
}

export async function competePhase(c: CompeteInput): Promise<CompeteOutput> {
  const { bus, round } = c;
  const runtimes: PlayerRuntime[] = [];
  try {
    // A container that will not start is infrastructure (the runtime retried already), never
    // the codebase's forfeit: the whole round is aborted instead (InfraError, see tournament.ts).
    const opened = await Promise.allSettled(
      c.players.map((p) =>
        openRuntime(p.name, p.codeDir, {
          mode: c.mode,
          arena: c.arena,
          runId: bus.tournamentId,
          limits: c.limits,
          role: `compete:${p.name}`,
          simsAtOnce: c.concurrency,
        }),
      ),
    );
    for (const o of opened) if (o.status === 'fulfilled') runtimes.push(o.value);
    const failedOpen = opened.find((o) => o.status === 'rejected');
    if (failedOpen) throw infraError('sandbox did not start', failedOpen.reason);

    const validations: CompeteOutput['validations'] = {};
    const checked = await Promise.allSettled(
      runtimes.map(async (rt) => {
        const v = await validateOnWorkingInfra(c.arena, rt, c.args);
        validations[rt.name] = v;
        bus.emit({ type: 'validation', round, player: rt.name, ok: v.ok, detail: v.detail });
        if (!v.ok)
          bus.emit({
            type: 'fault',
            scope: 'validation',
            round,
            player: rt.name,
            fault: { kind: 'crash', detail: v.detail },
          });
      }),
    );
    const failedCheck = checked.find((o) => o.status === 'rejected');
    if (failedCheck) throw infraError('validation', failedCheck.reason);
    const names = c.players.map((p) => p.name);
    const forfeited = names.filter((n) => !validations[n]?.ok);
    const playing = runtimes.filter((rt) => validations[rt.name]?.ok);

    const winners = new Map<number, string | null>();
    const uncounted: number[] = [];
    const max = maxSimsPerRound(c.sims);
    const plays = playing.length >= Math.max(2, c.arena.manifest.players.min) && !c.signal.aborted;
    // The test sees the players that play; with fewer than two nothing is played or decided.
    const test =
      plays && typeof c.sims !== 'number'
        ? new SequentialStop(
            playing.map((p) => p.name),
            c.sims,
          )
        : null;
    if (plays) {
      const kept = keptSims(
        c.kept,
        playing.map((p) => p.name),
        max,
      );
      // Kept sims go through the test in index order like played ones: a resumed round stops
      // where the uninterrupted one would have.
      for (const k of kept.values()) {
        winners.set(k.sim, k.winner);
        test?.record(k.sim, k.winner);
      }
      const simIds = Array.from({ length: max }, (_, i) => i).filter((i) => !kept.has(i));
      const series = await playSeries({
        arena: c.arena,
        args: c.args,
        players: playing,
        sims: max,
        simIds: test?.decision ? [] : simIds,
        ...(test
          ? { decide: (sim: number, r: { winner: string | null }) => test.record(sim, r.winner)?.sims ?? null }
          : {}),
        concurrency: c.concurrency,
        seedParts: [c.seed, round],
        deadlineMs: c.deadlineMs,
        keepFrames: true,
        signal: c.signal,
        engineHost: { runId: bus.tournamentId, role: `compete:r${round}`, cpus: c.limits.cpus },
        onVoid: (sim, _seed, problem, attempt) =>
          bus.emit({
            type: 'fault',
            scope: 'system',
            round,
            player: null,
            fault: {
              kind: 'crash',
              detail: `infrastructure: sim ${sim} voided, not scored (play ${attempt} of ${SIM_ATTEMPTS}): ${problem}`,
            },
          }),
        onMatchStart: (sim, seed) =>
          bus.emit({
            type: 'match.started',
            round,
            matchId: matchIdOf({ round, sim }),
            sim,
            seed,
            players: playing.map((p) => p.name),
          }),
        onFrame:
          c.frameEvery > 0
            ? (sim, turn, frame) => {
                if (turn % c.frameEvery === 0)
                  bus.emit({ type: 'match.frame', round, matchId: matchIdOf({ round, sim }), turn, frame });
              }
            : undefined,
        onMatchEnd: (sim, seed, r) => {
          const players = playing.map((p) => p.name);
          const replay = c.layout.writeReplay({
            arena: c.arena.manifest.id,
            round,
            sim,
            seed,
            players,
            ranks: r.ranks,
            winner: r.winner,
            reason: r.reason,
            turns: r.turns,
            faults: r.faults,
            frames: r.frames,
          } satisfies Replay);
          r.frames = []; // the file has them; keep memory flat over long rounds
          bus.emit({
            type: 'match.finished',
            round,
            matchId: matchIdOf({ round, sim }),
            sim,
            seed,
            players,
            ranks: r.ranks,
            winner: r.winner,
            turns: r.turns,
            reason: r.reason,
            faults: r.faults,
            replay,
            ms: Math.round(r.ms),
          });
          for (const f of r.faults) {
            bus.emit({
              type: 'fault',
              scope: 'bot',
              round,
              player: f.player,
              fault: { kind: f.kind, detail: `sim ${sim}: ${f.count}× ${f.detail}` },
            });
          }
        },
      });
      for (const s of series.results) winners.set(s.sim, s.result.winner);
      uncounted.push(...(series.uncounted ?? []));
    }
    const counted = test?.decision?.sims ?? max;
    const score = scoreRound(
      names,
      forfeited,
      [...winners].filter(([sim]) => sim < counted).map(([, w]) => w),
    );
    if (typeof c.sims === 'number') return { ...score, forfeited, validations };
    uncounted.push(...[...winners.keys()].filter((sim) => sim >= counted));
    // The rule goes with the result so a viewer can say which test decided (or did not).
    const sequential = { decided: test?.decision != null, uncounted: uncounted.sort((a, b) => a - b), rule: c.sims };
    return { ...score, forfeited, validations, sequential };
  } finally {
    await Promise.all(runtimes.map((rt) => rt.dispose()));
  }
}

/** The kept sims that still count: played by exactly the players valid now (validation is redone
 *  on resume; should it disagree with the first attempt's, the round is played afresh). */
function keptSims(kept: Map<number, KeptSim> | undefined, playing: string[], sims: number): Map<number, KeptSim> {
  if (!kept?.size) return new Map();
  const same = [...kept.values()].every((k) => k.players.join('\0') === playing.join('\0'));
  return same ? new Map([...kept].filter(([sim]) => sim < sims)) : new Map();
}
