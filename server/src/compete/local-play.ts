// In-process players for the turn loop: arena tests, the conformance suite and the bench play
// whole sims with functions instead of bot programs, through the same loop as a tournament.
// Every message goes through JSON as it would over the wire, so a value that cannot travel
// fails here too.
import {
  type Arena,
  type BotClient,
  type BotReply,
  type CodebaseReader,
  type PlayerId,
  type Rng,
  createRng,
  isFault,
} from '@codearena/protocol';
import { type Seat, type SimPlay, playSim } from './turn-loop.ts';

/** A player in-process: a request in, a reply out as a bot would write it; a Fault stands for
 *  a failed reply (a scripted timeout, say). */
export type Policy = (request: unknown, rng: Rng) => unknown;

export interface LocalPlay<State, Args> {
  players: readonly PlayerId[];
  seed: number | string;
  args: Args;
  /** How each player answers (default: the arena's sampleMove). Policies share one Rng,
   *  createRng(seed).fork('bots'), drawn in player order. */
  policy?: (player: PlayerId) => Policy;
  /** Data bots: each player's codebase, loaded by the arena as in a tournament. */
  readers?: ReadonlyMap<PlayerId, CodebaseReader>;
  /** Receives every line a player is sent, serialised, in order. */
  sent?: string[];
  onState?: (state: State) => void;
  /** Never reached by in-process players; here for the turn loop's sake. */
  deadlineMs?: number;
}

export function playLocal<State, Args>(
  arena: Arena<State, unknown, Args>,
  o: LocalPlay<State, Args>,
): Promise<SimPlay<State>> {
  const rng = createRng(o.seed).fork('bots');
  const seats = o.players.map((name): Seat => {
    const policy = o.policy?.(name) ?? arena.sampleMove;
    const reader = o.readers?.get(name);
    return { name, startBot: async () => localBot((req) => policy(req, rng), o.sent), ...(reader ? { reader } : {}) };
  });
  return playSim({
    arena,
    args: o.args,
    seats,
    seed: o.seed,
    deadlineMs: o.deadlineMs ?? arena.manifest.turnDeadlineMs,
    ...(o.onState ? { onState: o.onState } : {}),
  });
}

/** Every state of a sim played by in-process players that must not fault (arena tests: a fault
 *  there is a mistake of the test's own policy, so it throws). */
export async function localStates<State, Args>(
  arena: Arena<State, unknown, Args>,
  o: LocalPlay<State, Args>,
): Promise<State[]> {
  const states: State[] = [];
  const played = await playLocal(arena, { ...o, onState: (s) => states.push(s) });
  if (played.faults.length > 0) throw new Error(`faults: ${JSON.stringify(played.faults)}`);
  return states;
}

/** A BotClient answered by `answer`; never throws (a throwing answer is a crash fault). */
export function localBot(answer: (request: unknown) => unknown, sent?: string[]): BotClient {
  const wire = (msg: unknown): string => {
    const line = JSON.stringify(msg ?? null);
    sent?.push(line);
    return line;
  };
  return {
    async request(msg): Promise<BotReply> {
      const request = JSON.parse(wire(msg)) as unknown;
      let reply: unknown;
      try {
        reply = answer(request);
      } catch (e) {
        return { ok: false, fault: { kind: 'crash', detail: (e as Error).message } };
      }
      if (isFault(reply)) return { ok: false, fault: reply };
      return { ok: true, value: JSON.parse(JSON.stringify(reply ?? null)) as unknown, ms: 0 };
    },
    notify: (msg) => void wire(msg),
    stderrTail: () => '',
    close: async () => {},
  };
}
