// Plays one sim: the engine (pure arena rules) runs here on the host; each bot is a process
// reached through a BotClient. Bot failures become faults in the result, never exceptions.
import { type Arena, type BotClient, type CodebaseReader, type Fault, type FaultKind, type Outcome, type PlayerId, createRng, isFault } from '@codearena/protocol';

export interface MatchPlayer {
  name: PlayerId;
  startBot(): Promise<BotClient>;
  /** The codebase's files (data bots: the engine loads them instead of starting a process). */
  reader?: CodebaseReader;
}

export interface MatchSpec {
  arena: Arena;
  args: unknown;
  players: MatchPlayer[];
  seed: number;
  deadlineMs: number;
  /** Called after every turn with the arena's frame (live viewers; replays). */
  onFrame?: (turn: number, frame: unknown) => void;
  /** Keep every frame in the result (for the replay file). */
  keepFrames?: boolean;
  /** Stops the sim after the current turn (Ctrl-C); the result is then marked `aborted`. */
  signal?: AbortSignal;
}

export interface FaultTally {
  player: string;
  kind: FaultKind;
  count: number;
  detail: string;
}

export interface MatchResult {
  ranks: Record<string, number>;
  winner: string | null;
  turns: number;
  reason: string;
  scores?: Record<string, number>;
  faults: FaultTally[];
  frames: unknown[];
  ms: number;
  /** Stopped by the signal before the rules decided it: not a result to score. */
  aborted?: boolean;
}

export async function runMatch(spec: MatchSpec): Promise<MatchResult> {
  const t0 = performance.now();
  const { arena } = spec;
  const ids = spec.players.map((p) => p.name);
  const rng = createRng(spec.seed);
  const faults = new Map<string, FaultTally>();
  const record = (player: string, f: Fault) => {
    const key = `${player}\u0000${f.kind}`;
    const t = faults.get(key);
    if (t) t.count++;
    else faults.set(key, { player, kind: f.kind, count: 1, detail: f.detail.slice(0, 300) });
  };

  const bots = new Map<string, BotClient | null>();
  const loaded = new Map<string, unknown>();
  const frames: unknown[] = [];
  try {
    await Promise.all(
      spec.players.map(async (p) => {
        if (arena.manifest.botKind === 'data') {
          const data = arena.loadPlayer && p.reader
            ? await arena.loadPlayer(p.reader, spec.args).catch((e: Error): Fault => ({ kind: 'crash', detail: e.message }))
            : ({ kind: 'crash', detail: 'no codebase to load' } satisfies Fault);
          if (isFault(data)) record(p.name, data);
          loaded.set(p.name, data);
          return;
        }
        try {
          bots.set(p.name, await p.startBot());
        } catch (e) {
          bots.set(p.name, null);
          record(p.name, { kind: 'crash', detail: `could not start: ${(e as Error).message}` });
        }
      }),
    );
    let state = arena.init(ids, rng.fork('init'), spec.args, arena.manifest.botKind === 'data' ? loaded : undefined);
    const stepRng = rng.fork('step');
    const keep = (s: unknown) => {
      const f = arena.frame(s);
      if (spec.keepFrames) frames.push(f);
      spec.onFrame?.(arena.turn(s), f);
    };
    keep(state);
    for (const id of ids) {
      const msg = arena.notify?.(state, id, 'start');
      if (msg != null) bots.get(id)?.notify(msg);
      for (const n of arena.notices?.(state, id) ?? []) bots.get(id)?.notify(n);
    }
    const firstRequest = new Set(ids);
    let outcome: Outcome | null = arena.outcome(state);
    while (!outcome && arena.turn(state) < arena.manifest.maxTurns && !spec.signal?.aborted) {
      const moves = new Map<string, unknown>();
      await Promise.all(
        ids.map(async (id) => {
          const obs = arena.observe(state, id);
          if (obs === null) return;
          const bot = bots.get(id);
          if (!bot) return moves.set(id, { kind: 'crash', detail: 'bot not running' } satisfies Fault);
          const grace = firstRequest.delete(id) ? arena.manifest.startupGraceMs : 0;
          const reply = await bot.request(obs, spec.deadlineMs + grace);
          const move = reply.ok ? arena.parseMove(reply.value, state, id) : reply.fault;
          if (isFault(move)) record(id, move);
          moves.set(id, move);
        }),
      );
      state = arena.step(state, moves, stepRng);
      if (arena.notices) {
        for (const id of ids) for (const msg of arena.notices(state, id)) bots.get(id)?.notify(msg);
      }
      keep(state);
      outcome = arena.outcome(state);
    }
    for (const id of ids) {
      const msg = arena.notify?.(state, id, 'end');
      if (msg != null) bots.get(id)?.notify(msg);
    }
    const aborted = !outcome && spec.signal?.aborted === true;
    // Past the hard cap with no outcome from the rules: everyone still in ties.
    outcome ??= { ranks: Object.fromEntries(ids.map((id) => [id, 1])), reason: aborted ? 'aborted' : 'turn limit' };
    const best = Math.min(...Object.values(outcome.ranks));
    const top = ids.filter((id) => outcome!.ranks[id] === best);
    return {
      ranks: outcome.ranks,
      winner: top.length === 1 ? top[0]! : null,
      turns: arena.turn(state),
      reason: outcome.reason ?? '',
      ...(outcome.scores ? { scores: outcome.scores } : {}),
      faults: [...faults.values()],
      frames,
      ms: performance.now() - t0,
      ...(aborted ? { aborted } : {}),
    };
  } finally {
    await Promise.all([...bots.values()].map((b) => b?.close()));
  }
}
