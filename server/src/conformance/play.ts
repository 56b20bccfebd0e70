// Plays whole sims of any registered arena in-process, as the match runner would, with scripted
// players instead of bot programs: each either answers with the arena's own sampleMove (sent
// through JSON, as over the wire) or faults. Everything a bot or viewer would receive is
// serialised on the way, so a value that cannot travel fails here.
import { type Arena, type Fault, type Outcome, type PlayerId, createRng, isFault } from '@codearena/protocol';

export type Script = 'sample' | 'timeout';

export interface PlayOptions {
  players: PlayerId[];
  seed: string | number;
  args: unknown;
  /** How each player answers (default: every player samples). */
  script?: (player: PlayerId) => Script;
  /** Data bots: loadPlayer's result per player. */
  loaded?: ReadonlyMap<PlayerId, unknown>;
  /** Check, for the first this-many steps, that a step returning a new state leaves its input unchanged. */
  purityChecks?: number;
}

export interface Played {
  /** Every frame, serialised: equal strings ⇔ equal games. */
  frames: string[];
  /** Every message a bot was sent, serialised. */
  messages: string[];
  outcome: Outcome | null;
  turns: number;
  steps: number;
  /** Problems a conforming arena never shows (empty when all is well). */
  problems: string[];
}

export function playInProcess(arena: Arena, o: PlayOptions): Played {
  const problems: string[] = [];
  const rng = createRng(o.seed);
  const botRng = rng.fork('bots');
  let state = arena.init(o.players, rng.fork('init'), o.args, o.loaded);
  const stepRng = rng.fork('step');
  const frames = [JSON.stringify(arena.frame(state))];
  const messages: string[] = [];
  const send = (m: unknown) => messages.push(JSON.stringify(m));
  for (const id of o.players) {
    const m = arena.notify?.(state, id, 'start');
    if (m != null) send(m);
    for (const n of arena.notices?.(state, id) ?? []) send(n);
  }
  let outcome = arena.outcome(state);
  let steps = 0;
  while (!outcome && arena.turn(state) < arena.manifest.maxTurns) {
    const moves = new Map<PlayerId, unknown>();
    for (const id of o.players) {
      const obs = arena.observe(state, id);
      if (obs === null) continue;
      send(obs);
      if ((o.script?.(id) ?? 'sample') === 'timeout' || !arena.sampleMove) {
        moves.set(id, { kind: 'timeout', detail: 'scripted' } satisfies Fault);
        continue;
      }
      const wire = JSON.parse(JSON.stringify(arena.sampleMove(JSON.parse(JSON.stringify(obs)), botRng) ?? null));
      const move = arena.parseMove(wire, state, id);
      if (isFault(move)) problems.push(`turn ${arena.turn(state)}: sampleMove's reply for ${id} is a fault: ${move.kind} ${move.detail}`);
      moves.set(id, move);
    }
    const before = steps < (o.purityChecks ?? 0) ? JSON.stringify(state) : null;
    const turn = arena.turn(state);
    const next = arena.step(state, moves, stepRng);
    // A single-owner state may be advanced in place and returned (the runner keeps only the
    // newest); a step that returns a new state must leave the old one untouched.
    if (before !== null && next !== state && JSON.stringify(state) !== before) problems.push(`step ${steps} returned a new state but changed its input`);
    if (!(arena.turn(next) > turn)) problems.push(`step ${steps} did not advance the turn (${turn} → ${arena.turn(next)})`);
    state = next;
    steps++;
    for (const id of o.players) for (const n of arena.notices?.(state, id) ?? []) send(n);
    frames.push(JSON.stringify(arena.frame(state)));
    outcome = arena.outcome(state);
    if (problems.length > 20) break;
  }
  for (const id of o.players) {
    const m = arena.notify?.(state, id, 'end');
    if (m != null) send(m);
  }
  return { frames, messages, outcome, turns: arena.turn(state), steps, problems };
}

/** Replies no arena should take for a move (each must come back as a Fault, never a throw). */
export function garbageReplies(): { label: string; value: unknown }[] {
  let deep: unknown = 'bottom';
  for (let i = 0; i < 5000; i++) deep = { x: deep };
  return [
    { label: 'undefined', value: undefined },
    { label: 'null', value: null },
    { label: 'NaN', value: NaN },
    { label: 'empty string', value: '' },
    { label: 'broken JSON', value: '{"move": "up", "action": ' },
    { label: 'a 1 MB string', value: 'x'.repeat(1_000_000) },
    { label: 'a 5000-deep object', value: deep },
    { label: 'an unknown key', value: { __garbage__: true } },
    { label: 'an own __proto__ key', value: JSON.parse('{"__proto__": {"polluted": true}}') },
    { label: 'an empty array', value: [] },
    { label: 'an array of numbers', value: [1, 2, 3] },
  ];
}
