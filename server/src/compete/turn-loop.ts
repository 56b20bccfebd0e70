// The one turn loop: every sim of a `process` or `data` arena is played here, whoever the
// players are — bot processes in sandboxes (match runner), bare host processes and in-process
// players (arena tests, the conformance suite, the bench), or data the host engine loads. The
// rules are the arena's; players are BotClients; every failure of a player is a tallied fault,
// never an exception.
import {
  type Arena,
  type BotClient,
  type CodebaseReader,
  type Fault,
  type FaultCount,
  type Outcome,
  type PlayerId,
  createRng,
  isFault,
} from '@codearena/protocol';

/** One player of a sim. */
export interface Seat {
  name: PlayerId;
  /** Process bots: a fresh client for this sim; the loop closes it when the sim ends. */
  startBot?(): Promise<BotClient>;
  /** Data bots: the codebase the engine loads (arena.loadPlayer). */
  reader?: CodebaseReader;
}

export interface SimSpec<State, Args> {
  arena: Arena<State, unknown, Args>;
  /** Parsed once per tournament (arena.parseArgs). */
  args: Args;
  seats: readonly Seat[];
  /** Randomness of init and step: createRng(seed).fork('init' | 'step'). */
  seed: number | string;
  /** A bot's CPU-time budget per turn (bot-client.ts); its first request also gets the arena's
   *  startupGraceMs, counted from the bot's start. */
  deadlineMs: number;
  /** Every state, the initial one included, right after it is made (frames, checks). A state
   *  may be advanced in place by the next step: read what you need now. */
  onState?: (state: State) => void;
  /** Stops the sim after the current turn (Ctrl-C). */
  signal?: AbortSignal;
}

export interface SimPlay<State> {
  state: State;
  /** The rules' outcome; null when the sim hit maxTurns or was aborted first. */
  outcome: Outcome | null;
  turns: number;
  faults: FaultCount[];
  aborted: boolean;
}

/** Longest fault detail kept per tally. */
const DETAIL_KEPT = 300;

export async function playSim<State, Args>(spec: SimSpec<State, Args>): Promise<SimPlay<State>> {
  const { arena, args } = spec;
  const ids = spec.seats.map((s) => s.name);
  const rng = createRng(spec.seed);
  const tally = new Map<string, FaultCount>();
  const record = (player: string, f: Fault) => {
    const key = `${player}\u0000${f.kind}`;
    const t = tally.get(key);
    if (t) t.count++;
    else tally.set(key, { player, kind: f.kind, count: 1, detail: f.detail.slice(0, DETAIL_KEPT) });
  };

  const bots = new Map<string, BotClient | null>();
  const loaded = new Map<string, unknown>();
  try {
    await Promise.all(
      spec.seats.map(async (seat) => {
        if (arena.manifest.botKind === 'data') {
          const data = seat.reader
            ? await arena
                .loadPlayer(seat.reader, args)
                .catch((e: Error): Fault => ({ kind: 'crash', detail: e.message }))
            : ({ kind: 'crash', detail: 'no codebase to load' } satisfies Fault);
          if (isFault(data)) record(seat.name, data);
          loaded.set(seat.name, data);
          return;
        }
        try {
          if (!seat.startBot) throw new Error('no bot to start');
          bots.set(seat.name, await seat.startBot());
        } catch (e) {
          bots.set(seat.name, null);
          record(seat.name, { kind: 'crash', detail: `could not start: ${(e as Error).message}` });
        }
      }),
    );
    let state = arena.init(ids, rng.fork('init'), args, loaded);
    const stepRng = rng.fork('step');
    spec.onState?.(state);
    const sendNotices = () => {
      for (const id of ids) for (const n of arena.notices(state, id)) bots.get(id)?.notify(n);
    };
    for (const id of ids) {
      const msg = arena.notify(state, id, 'start');
      if (msg != null) bots.get(id)?.notify(msg);
    }
    sendNotices();
    const firstRequest = new Set(ids);
    let outcome = arena.outcome(state);
    // Steps are capped too, so an arena whose step forgets to advance its turn still ends.
    for (
      let steps = 0;
      !outcome &&
      arena.turn(state) < arena.manifest.maxTurns &&
      steps < arena.manifest.maxTurns &&
      !spec.signal?.aborted;
      steps++
    ) {
      const moves = new Map<string, unknown>();
      // Requests go out together; moves (and faults) are kept in the order replies arrive.
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
      sendNotices();
      spec.onState?.(state);
      outcome = arena.outcome(state);
    }
    for (const id of ids) {
      const msg = arena.notify(state, id, 'end');
      if (msg != null) bots.get(id)?.notify(msg);
    }
    return {
      state,
      outcome,
      turns: arena.turn(state),
      faults: [...tally.values()],
      aborted: !outcome && spec.signal?.aborted === true,
    };
  } finally {
    await Promise.all([...bots.values()].map((b) => b?.close()));
  }
}
