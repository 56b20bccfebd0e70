// Plays whole sims of any registered arena in-process through the turn loop, as a tournament
// would, with scripted players instead of bot programs: each either answers with the arena's own
// sampleMove (sent through JSON, as over the wire) or faults. Everything a bot or viewer would
// receive is serialised on the way, so a value that cannot travel fails here.
import type { Arena, CodebaseReader, Fault, Outcome, PlayerId } from '@codearena/protocol';
import { type Policy, playLocal } from '../compete/local-play.ts';

export type Script = 'sample' | 'timeout';

export interface PlayOptions {
  players: PlayerId[];
  seed: string | number;
  args: unknown;
  /** How each player answers (default: every player samples). */
  script?: (player: PlayerId) => Script;
  /** Data bots: each player's codebase. */
  readers?: ReadonlyMap<PlayerId, CodebaseReader>;
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

const timeout: Policy = (): Fault => ({ kind: 'timeout', detail: 'scripted' });

export async function playInProcess(arena: Arena, o: PlayOptions): Promise<Played> {
  const problems: string[] = [];
  const frames: string[] = [];
  const messages: string[] = [];
  const scriptOf = (p: PlayerId): Script => o.script?.(p) ?? 'sample';
  let steps = 0;
  // The arena under test, watched step by step.
  const watched: Arena = {
    ...arena,
    step(state, moves, rng) {
      const before = steps < (o.purityChecks ?? 0) ? JSON.stringify(state) : null;
      const turn = arena.turn(state);
      const next = arena.step(state, moves, rng);
      // A single-owner state may be advanced in place and returned (the runner keeps only the
      // newest); a step that returns a new state must leave the old one untouched.
      if (before !== null && next !== state && JSON.stringify(state) !== before)
        problems.push(`step ${steps} returned a new state but changed its input`);
      if (!(arena.turn(next) > turn))
        problems.push(`step ${steps} did not advance the turn (${turn} → ${arena.turn(next)})`);
      steps++;
      return next;
    },
  };
  const played = await playLocal(watched, {
    players: o.players,
    seed: o.seed,
    args: o.args,
    sent: messages,
    ...(o.readers ? { readers: o.readers } : {}),
    policy: (p) => (scriptOf(p) === 'timeout' ? timeout : arena.sampleMove),
    onState: (s) => frames.push(JSON.stringify(arena.frame(s))),
  });
  for (const f of played.faults) {
    if (scriptOf(f.player) === 'sample')
      problems.push(`${f.count} of ${f.player}'s sampled replies were faults: ${f.kind} ${f.detail}`);
  }
  return { frames, messages, outcome: played.outcome, turns: played.turns, steps, problems };
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
