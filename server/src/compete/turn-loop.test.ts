// The one turn loop with in-process players: faults are data (a player that faults, throws or
// never starts still gets a finished sim), the same seed gives the same game, every state is
// seen, and a sim always ends (maxTurns, a step that forgets the turn, an abort).
import { type Arena, type Fault, type PlayerId, createRng, defineArena } from '@codearena/protocol';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { localBot, playLocal } from './local-play.ts';
import { playSim } from './turn-loop.ts';

/** Each turn both players name a number in [0, 10); the higher total after maxTurns wins. */
interface Sum {
  turn: number;
  totals: Record<PlayerId, number>;
  noise: number;
}
const toy = (o: { advance?: boolean } = {}): Arena<Sum, { n: number }, object> =>
  defineArena<Sum, { n: number }, object>({
    manifest: {
      id: 'sum',
      name: 'Sum',
      description: '',
      players: { min: 2, max: 2 },
      botKind: 'process',
      turnDeadlineMs: 100,
      startupGraceMs: 0,
      image: 'x',
      maxTurns: 6,
    },
    args: z.object({}).strict(),
    validate: async () => ({ ok: true, detail: '' }),
    init: (players, rng) => ({ turn: 0, totals: Object.fromEntries(players.map((p) => [p, 0])), noise: rng.int(1000) }),
    observe: (s, p) => ({ you: p, turn: s.turn }),
    parseMove: (raw): { n: number } | Fault => {
      const n = (raw as { n?: unknown } | null)?.n;
      return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < 10
        ? { n }
        : { kind: 'invalid_move', detail: `bad ${JSON.stringify(raw)}` };
    },
    step: (s, moves, rng) => ({
      turn: s.turn + (o.advance === false ? 0 : 1),
      totals: Object.fromEntries(
        Object.entries(s.totals).map(([p, t]) => {
          const m = moves.get(p);
          return [p, t + (m && !('kind' in m) ? m.n : 0)];
        }),
      ),
      noise: s.noise + rng.int(1000),
    }),
    outcome: () => null,
    frame: (s) => s,
    turn: (s) => s.turn,
    sampleMove: (_obs, rng) => ({ n: rng.int(10) }),
  });

describe('playSim', () => {
  it('plays in-process players to maxTurns; same seed, same game; another seed, another', async () => {
    const arena = toy();
    const play = async (seed: string) => {
      const states: string[] = [];
      const r = await playLocal(arena, {
        players: ['a', 'b'],
        seed,
        args: {},
        onState: (s) => states.push(JSON.stringify(s)),
      });
      return { ...r, states };
    };
    const one = await play('s1');
    expect(one.turns).toBe(6);
    expect(one.states).toHaveLength(7);
    expect(one.faults).toEqual([]);
    expect(one.outcome).toBeNull();
    expect((await play('s1')).states).toEqual(one.states);
    expect((await play('s2')).states).not.toEqual(one.states);
  });

  it('tallies faults as data: bad replies, a throwing player, a bot that never started', async () => {
    const arena = toy();
    const sent: string[] = [];
    const r = await playSim({
      arena,
      args: {},
      seed: 1,
      deadlineMs: 100,
      seats: [
        { name: 'garbler', startBot: async () => localBot(() => ({ n: 'seven' }), sent) },
        {
          name: 'thrower',
          startBot: async () =>
            localBot(() => {
              throw new Error('boom');
            }),
        },
        { name: 'ghost', startBot: () => Promise.reject(new Error('no such file')) },
      ],
    });
    expect(r.turns).toBe(6);
    // One tally per player and kind, with its first detail; a bot that never started is counted
    // once (its turns are faults to the rules, not new ones to the tally).
    expect(new Set(r.faults)).toEqual(
      new Set([
        { player: 'ghost', kind: 'crash', count: 1, detail: 'could not start: no such file' },
        { player: 'garbler', kind: 'invalid_move', count: 6, detail: 'bad {"n":"seven"}' },
        { player: 'thrower', kind: 'crash', count: 6, detail: 'boom' },
      ]),
    );
    expect(sent).toHaveLength(6);
  });

  it('ends a sim whose step forgets to advance the turn, and one that is aborted', async () => {
    const stuck = await playLocal(toy({ advance: false }), { players: ['a', 'b'], seed: 1, args: {} });
    expect(stuck.turns).toBe(0);
    const stop = new AbortController();
    stop.abort();
    const aborted = await playSim({
      arena: toy(),
      args: {},
      seed: 1,
      deadlineMs: 100,
      signal: stop.signal,
      seats: [
        { name: 'a', startBot: async () => localBot(() => ({ n: 1 })) },
        { name: 'b', startBot: async () => localBot(() => ({ n: 1 })) },
      ],
    });
    expect(aborted).toMatchObject({ aborted: true, turns: 0, outcome: null });
  });

  it('closes every bot it started, whatever happened', async () => {
    let closed = 0;
    const bot = () => ({ ...localBot(() => ({ n: 1 })), close: async () => void closed++ });
    await playSim({
      arena: toy(),
      args: {},
      seed: createRng(3).int(100),
      deadlineMs: 100,
      seats: [
        { name: 'a', startBot: async () => bot() },
        { name: 'b', startBot: async () => bot() },
      ],
    });
    expect(closed).toBe(2);
  });
});
