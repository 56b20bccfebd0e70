// The sims of one series of an `engine` arena (e.g. RoboCode): engines started once per series,
// not per sim (a JVM and the players' builds cost seconds), each in a hardened container holding
// every player's codebase read-only, each playing one sim at a time; at most `concurrency` of
// them. Sims stay independent: a fresh engine replaces one the last sim left marked (a robot
// banned for the rest of the process), timed out or crashed.
//
// Faults are data: what the engine reports of a robot is that player's fault; an engine that
// dies or stalls with no robot to blame is replaced and the sim replayed once, then scored as a
// draw; a container or daemon that fails is infrastructure (replayed on a fresh container,
// InfraError when that keeps failing) and never scored.
import {
  type Arena,
  type EngineHooks,
  type EngineSimRequest,
  type Fault,
  type FaultCount,
  MAX_FAULT_DETAIL,
  type Outcome,
  escapeControls,
} from '@codearena/protocol';
import { createSandbox, type Sandbox } from '../sandbox/sandbox.ts';
import { InfraError } from '../sandbox/infra-error.ts';
import { EngineProcess, type SimEnd, type SimLine, enginePlayers } from './engine-process.ts';
import { type MatchResult, matchResult } from './match-runner.ts';
import { startWithRetries } from './runtime.ts';

/** How long an engine may take to start and build every player. */
const START_MS = 180_000;
/** Plays of one sim on a fresh engine before an engine failure no robot caused scores it a draw. */
const ENGINE_ATTEMPTS = 2;
/** Plays of one sim spoiled by the container or the daemon before the series gives up. */
const INFRA_ATTEMPTS = 3;

export interface EngineSessionOptions {
  arena: Arena;
  args: unknown;
  /** The distinct codebases (host directories) of the series; seats point into this list. */
  codebases: string[];
  runId: string;
  role: string;
  cpus: number;
  concurrency: number;
}

export interface EngineSimSpec {
  sim: number;
  seed: number;
  /** Seat order: the player's name and the index of its codebase. */
  seats: { name: string; codebase: number }[];
  keepFrames: boolean;
  onFrame?: (turn: number, frame: unknown) => void;
  signal?: AbortSignal;
  /** A play spoiled by infrastructure, about to be replayed. */
  onVoid?: (problem: string, attempt: number) => void;
}

interface Slot {
  sandbox: Sandbox;
  engine: EngineProcess | null;
}

export interface EngineSession {
  play(spec: EngineSimSpec): Promise<MatchResult>;
  dispose(): Promise<void>;
}

export function openEngineSession(o: EngineSessionOptions): EngineSession {
  const hooks = o.arena.engine;
  if (!hooks) throw new Error(`arena ${o.arena.manifest.id} has no engine`);
  const players = enginePlayers(o.codebases.length);
  const argv = hooks.command(players);
  const idle: Slot[] = [];
  const all = new Set<Slot>();
  const waiting: ((s: Slot) => void)[] = [];
  let disposed = false;

  const openSandbox = () =>
    startWithRetries(() =>
      createSandbox({
        image: o.arena.manifest.image,
        runId: o.runId,
        role: `engine:${o.role}`,
        mounts: players.map((p, i) => ({ host: o.codebases[i]!, container: p.dir, readOnly: true })),
        limits: { memoryMb: hooks.memoryMb, cpus: o.cpus, pids: hooks.pids },
        tmpMb: Math.floor(hooks.memoryMb / 4),
        pipes: true,
        processUsers: true,
      }),
    );

  const take = async (): Promise<Slot> => {
    const free = idle.pop();
    if (free) return free;
    if (disposed) throw new Error('the engine session is closed');
    if (all.size < Math.max(1, o.concurrency)) {
      const slot: Slot = { sandbox: await openSandbox(), engine: null };
      all.add(slot);
      return slot;
    }
    return new Promise<Slot>((resolve) => waiting.push(resolve));
  };
  const give = (slot: Slot) => {
    const next = waiting.shift();
    if (next) next(slot);
    else idle.push(slot);
  };

  /** The slot's engine, started when it has none (or a broken one). */
  const engineOf = async (slot: Slot): Promise<EngineProcess> => {
    if (slot.engine && !slot.engine.problem) return slot.engine;
    await slot.engine?.kill();
    slot.engine = null;
    slot.engine = await EngineProcess.start(slot.sandbox, argv, START_MS);
    return slot.engine;
  };
  const retire = async (slot: Slot) => {
    await slot.engine?.kill();
    slot.engine = null;
  };

  return {
    async play(spec) {
      const t0 = performance.now();
      const slot = await take();
      try {
        for (let infra = 1, engineTries = 1; ;) {
          let end: SimEnd;
          const sim = new SimTally(hooks, spec, o.args);
          try {
            const engine = await engineOf(slot);
            const unbuilt = sim.unbuilt(engine, players);
            if (unbuilt) return sim.forfeit(unbuilt, t0);
            if (spec.signal?.aborted) return sim.aborted(t0);
            const abort = () => void retire(slot);
            spec.signal?.addEventListener('abort', abort, { once: true });
            try {
              end = await engine.play(sim.request(players), (line) => sim.line(line), hooks.simTimeoutMs(o.args));
            } finally {
              spec.signal?.removeEventListener('abort', abort);
            }
          } catch (e) {
            end = { kind: 'died', detail: (e as Error).message };
          }
          if (spec.signal?.aborted) return sim.aborted(t0);
          if (end.kind === 'result') {
            if (end.line.restart) await retire(slot);
            return sim.finish(end.line, t0);
          }
          // No result: the engine goes either way; then ask whose failure it was.
          await retire(slot);
          const problem = await slot.sandbox.health();
          if (problem !== null) {
            spec.onVoid?.(problem, infra);
            if (infra++ >= INFRA_ATTEMPTS)
              throw new InfraError(
                `sim ${spec.sim} was spoiled by infrastructure failures ${infra - 1} times: ${problem}`,
              );
            await slot.sandbox.dispose();
            all.delete(slot);
            slot.sandbox = await openSandbox();
            all.add(slot);
            continue;
          }
          if (end.kind === 'timeout' && sim.blamed()) return sim.stalled(t0, hooks.simTimeoutMs(o.args));
          if (engineTries++ >= ENGINE_ATTEMPTS) return sim.engineFailed(whyNoResult(end), t0);
        }
      } finally {
        give(slot);
      }
    },
    async dispose() {
      disposed = true;
      await Promise.all(
        [...all].map(async (slot) => {
          await slot.engine?.close().catch(() => {});
          await slot.sandbox.dispose();
        }),
      );
      all.clear();
    },
  };
}

const whyNoResult = (end: SimEnd): string =>
  end.kind === 'timeout'
    ? 'the engine stopped answering'
    : end.kind === 'result'
      ? 'result'
      : `the engine ${end.kind === 'error' ? 'refused the sim' : 'died'}: ${end.detail}`;

/** One play of a sim: its frames and faults as they come, then the MatchResult. */
class SimTally {
  private readonly frames: unknown[] = [];
  /** The round of the last frame, the sim-wide turn its round started at, and its turn. */
  private round = 0;
  private roundOffset = 0;
  private lastTurn = -1;
  private readonly faults = new Map<string, FaultCount>();
  private readonly names: string[];

  constructor(
    private readonly hooks: EngineHooks<unknown>,
    private readonly spec: EngineSimSpec,
    private readonly args: unknown,
  ) {
    this.names = spec.seats.map((s) => s.name);
  }

  request(players: { id: string }[]): EngineSimRequest {
    return {
      op: 'sim',
      sim: String(this.spec.sim),
      seed: this.spec.seed,
      players: this.spec.seats.map((s) => players[s.codebase]!.id),
      frameEvery: this.spec.keepFrames || this.spec.onFrame ? this.hooks.frameEvery : 0,
      args: this.hooks.simArgs(this.args),
    };
  }

  line(line: SimLine): void {
    if (line.type === 'frame') {
      const frame = this.hooks.frame(line.frame, this.names, this.args);
      if (frame === null) return;
      if (this.spec.keepFrames) this.frames.push(frame);
      this.spec.onFrame?.(this.turnOf(frame), frame);
    } else if (line.type === 'fault') {
      const name = this.names[line.seat];
      if (name !== undefined) this.record(name, { kind: line.kind, detail: line.detail });
    }
  }

  /** Turns over the whole sim: each round's turns follow the last turn seen of the round before. */
  private turnOf(frame: unknown): number {
    const { round, turn } = this.hooks.frameClock(frame);
    if (round !== this.round) {
      this.roundOffset += this.lastTurn + 1;
      this.round = round;
    }
    this.lastTurn = turn;
    return this.roundOffset + turn;
  }

  /** Seats whose codebase the engine could not build (it changed since validation, say). */
  unbuilt(engine: EngineProcess, players: { id: string }[]): Map<string, string> | null {
    const bad = new Map<string, string>();
    for (const seat of this.spec.seats) {
      const id = players[seat.codebase]!.id;
      const built = engine.ready.players.find((p) => p.id === id);
      if (!built?.ok) bad.set(seat.name, built ? built.detail : 'the engine did not build it');
    }
    return bad.size > 0 ? bad : null;
  }

  blamed(): boolean {
    return this.faults.size > 0;
  }

  finish(line: Record<string, unknown> & { turns: number }, t0: number): MatchResult {
    const outcome = this.hooks.outcome(line, this.names);
    if (typeof outcome === 'string') return this.engineFailed(`its result was malformed: ${outcome}`, t0);
    return this.result(outcome, line.turns, t0);
  }

  /** Build failures forfeit: those seats rank last, the others share rank 1. */
  forfeit(unbuilt: Map<string, string>, t0: number): MatchResult {
    for (const [name, detail] of unbuilt) this.record(name, { kind: 'crash', detail: `did not build: ${detail}` });
    return this.result(
      this.lastFor((n) => unbuilt.has(n), 'did not build'),
      0,
      t0,
    );
  }

  /** The sim ran past its time with robots already at fault (stuck, banned): they lose it. */
  stalled(t0: number, ms: number): MatchResult {
    const blamed = new Set([...this.faults.values()].map((f) => f.player));
    for (const name of blamed)
      this.record(name, { kind: 'timeout', detail: `the sim ran past ${Math.round(ms / 1000)} s` });
    return this.result(
      this.lastFor((n) => blamed.has(n), 'stalled'),
      0,
      t0,
    );
  }

  /** No robot to blame and no result after a replay: a draw nobody is scored for. */
  engineFailed(why: string, t0: number): MatchResult {
    return this.result(
      { ranks: Object.fromEntries(this.names.map((n) => [n, 1])), reason: `engine failure: ${clean(why)}` },
      0,
      t0,
    );
  }

  aborted(t0: number): MatchResult {
    return { ...this.engineFailed('aborted', t0), reason: 'aborted', aborted: true };
  }

  private lastFor(out: (name: string) => boolean, reason: string): Outcome {
    const ranks = Object.fromEntries(this.names.map((n) => [n, out(n) ? 2 : 1]));
    return { ranks, reason };
  }

  private record(player: string, f: Fault): void {
    const key = `${player}\u0000${f.kind}`;
    const t = this.faults.get(key);
    if (t) t.count++;
    else this.faults.set(key, { player, kind: f.kind, count: 1, detail: clean(f.detail) });
  }

  private result(outcome: Outcome, turns: number, t0: number): MatchResult {
    return matchResult(this.names, outcome, { turns, faults: [...this.faults.values()], frames: this.frames, t0 });
  }
}

/** What the engine wrote about a robot (names and messages the robot controls): one short line. */
const clean = (s: string) => escapeControls(s).slice(0, MAX_FAULT_DETAIL);
