// Plays one sim for a result: the engine (pure arena rules) runs here on the host through the
// turn loop; each bot is a process reached through a BotClient, or data the engine loads. Bot
// failures become faults in the result, never exceptions.
import type { Arena, FaultCount, Outcome } from '@codearena/protocol';
import { type Seat, playSim } from './turn-loop.ts';

export interface MatchSpec<Args = unknown> {
  arena: Arena<unknown, unknown, Args>;
  args: Args;
  players: Seat[];
  seed: number;
  deadlineMs: number;
  /** Called after every turn with the arena's frame (live viewers; replays). */
  onFrame?: (turn: number, frame: unknown) => void;
  /** Keep every frame in the result (for the replay file). */
  keepFrames?: boolean;
  /** Stops the sim after the current turn (Ctrl-C); the result is then marked `aborted`. */
  signal?: AbortSignal;
}

export interface MatchResult {
  ranks: Record<string, number>;
  winner: string | null;
  turns: number;
  reason: string;
  scores?: Record<string, number>;
  faults: FaultCount[];
  frames: unknown[];
  ms: number;
  /** Stopped by the signal before the rules decided it: not a result to score. */
  aborted?: boolean;
}

export async function runMatch<Args>(spec: MatchSpec<Args>): Promise<MatchResult> {
  const t0 = performance.now();
  const { arena } = spec;
  const ids = spec.players.map((p) => p.name);
  const frames: unknown[] = [];
  const watch = spec.keepFrames || spec.onFrame;
  const played = await playSim({
    arena,
    args: spec.args,
    seats: spec.players,
    seed: spec.seed,
    deadlineMs: spec.deadlineMs,
    ...(spec.signal ? { signal: spec.signal } : {}),
    ...(watch
      ? {
          onState: (s: unknown) => {
            const f = arena.frame(s);
            if (spec.keepFrames) frames.push(f);
            spec.onFrame?.(arena.turn(s), f);
          },
        }
      : {}),
  });
  const { aborted } = played;
  // Past the hard cap with no outcome from the rules: everyone still in ties.
  const outcome = played.outcome ?? {
    ranks: Object.fromEntries(ids.map((id) => [id, 1])),
    reason: aborted ? 'aborted' : 'turn limit',
  };
  return {
    ...matchResult(ids, outcome, { turns: played.turns, faults: played.faults, frames, t0 }),
    ...(aborted ? { aborted } : {}),
  };
}

/** A sim's result from its outcome: the sole best rank wins, a shared one is a tie. */
export function matchResult(
  ids: readonly string[],
  outcome: Outcome,
  o: { turns: number; faults: FaultCount[]; frames: unknown[]; t0: number },
): MatchResult {
  const best = Math.min(...Object.values(outcome.ranks));
  const top = ids.filter((id) => outcome.ranks[id] === best);
  return {
    ranks: outcome.ranks,
    winner: top.length === 1 ? top[0]! : null,
    turns: o.turns,
    reason: outcome.reason ?? '',
    ...(outcome.scores ? { scores: outcome.scores } : {}),
    faults: o.faults,
    frames: o.frames,
    ms: performance.now() - o.t0,
  };
}
