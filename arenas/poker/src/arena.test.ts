// The Arena wiring: manifest, args, requests and notices, move parsing, faults, the action cap,
// and whole sims between simple in-process players.
import { createRng, isFault } from '@codearena/protocol';
import { describe, expect, it } from 'vitest';
import manifestJson from '../arena.json' with { type: 'json' };
import type { ActRequest, HandEndNotice } from './api.ts';
import { PokerArgs } from './args.ts';
import { createGame, outcome, settingsFrom, step } from './game.ts';
import poker from './index.ts';
import type { State } from './state.ts';
import { callingStation, playSim, randomPolicy } from './test-support.ts';

const newGame = (
  players: string[],
  args: object = {},
  seed: string | number = 1,
  maxActions = manifestJson.maxTurns,
): State => createGame(players, createRng(seed), settingsFrom(PokerArgs.parse(args), maxActions));
const toAct = (s: State) => s.seats[s.hand!.toAct]!;

describe('manifest and args', () => {
  it('matches arena.json', () => {
    expect(poker.manifest).toEqual(manifestJson);
    expect(poker.manifest).toMatchObject({
      id: 'poker',
      players: { min: 2, max: 6 },
      botKind: 'process',
      image: 'codearena/base:latest',
    });
  });

  it('parses args with defaults and rejects unknown or inconsistent fields', () => {
    expect(poker.parseArgs({})).toEqual({
      hands: 60,
      starting_stack: 1000,
      small_blind: 5,
      big_blind: 10,
      duplicate: true,
      reset_stacks: true,
    });
    expect(poker.parseArgs(undefined)).toMatchObject({ hands: 60 });
    expect(() => poker.parseArgs({ hand: 10 })).toThrow(/hand/);
    expect(() => poker.parseArgs({ hands: 0 })).toThrow(/hands/);
    expect(() => poker.parseArgs({ small_blind: 20, big_blind: 10 })).toThrow(/small_blind/);
    expect(() => poker.parseArgs({ starting_stack: 10 })).toThrow(/starting_stack/);
  });
});

describe('requests and notices', () => {
  it('asks only the player to act, with everything it needs', () => {
    const s = poker.init(['alice', 'bob', 'carol'], createRng(3), poker.parseArgs({}), new Map());
    const who = toAct(s);
    for (const id of s.seats) expect(poker.observe(s, id) === null).toBe(id !== who);
    const req = poker.observe(s, who) as ActRequest;
    expect(req).toMatchObject({
      type: 'act',
      hand: 1,
      hands: 60,
      hands_remaining: 59,
      you: who,
      street: 'preflop',
      board: [],
      small_blind: 5,
      big_blind: 10,
      starting_stack: 1000,
      pot: 15,
      pots: [],
      current_bet: 10,
      to_call: 10,
    });
    expect(req.hole_cards).toHaveLength(2);
    expect(req.players.map((p) => p.id)).toEqual(s.seats);
    expect(req.players.map((p) => p.position)[req.button]).toBe('BTN');
    expect(req.legal_actions).toEqual([
      { action: 'fold' },
      { action: 'call', amount: 10, cost: 10 },
      { action: 'raise', min: 20, max: 1000 },
    ]);
    expect(req.history.map((e) => e.action)).toEqual(['small_blind', 'big_blind']);
    // Nobody sees anyone else's cards.
    expect(JSON.stringify(req)).not.toContain('"hole_cards":[]');
    expect(Object.keys(req)).not.toContain('deals');
  });

  it('sends start, a hand_end after every hand (showdown cards included) and end', () => {
    let s = poker.init(['a', 'b'], createRng(4), poker.parseArgs({ hands: 2 }), new Map());
    expect(poker.notify(s, 'a', 'start')).toMatchObject({
      type: 'start',
      you: 'a',
      players: s.seats,
      hands: 2,
      duplicate: true,
    });
    expect(poker.notices(s, 'a')).toEqual([]);
    // Both call down: the hand ends at a showdown.
    while (s.handsPlayed === 0)
      s = step(
        s,
        new Map([
          [
            toAct(s),
            poker.parseMove(
              callingStation(poker.observe(s, toAct(s)) as ActRequest, createRng(0)),
              s,
              toAct(s),
            ) as never,
          ],
        ]),
      );
    const [notice] = poker.notices(s, 'b') as HandEndNotice[];
    expect(notice).toMatchObject({ type: 'hand_end', you: 'b', hand: 1, hands: 2, reason: 'showdown' });
    expect(notice!.board).toHaveLength(5);
    expect(notice!.showdown.map((x) => x.player).sort()).toEqual(['a', 'b']);
    expect(notice!.net).toEqual(notice!.deltas);
    expect(Object.values(notice!.deltas).reduce((x, y) => x + y, 0)).toBe(0);
    expect(poker.notify(s, 'a', 'end')).toMatchObject({ type: 'end', hands_played: 1 });
  });
});

describe('moves', () => {
  const s = newGame(['a', 'b']);
  const who = toAct(s);
  it.each([
    ['not JSON', 'bad_output'],
    [[1, 2], 'bad_output'],
    [{ move: 'call' }, 'bad_output'],
    [{ action: 'call', shout: 'hi' }, 'bad_output'],
    [{ action: 'allin' }, 'invalid_move'],
    [{ action: 'raise' }, 'invalid_move'],
    [{ action: 'raise', amount: 25.5 }, 'invalid_move'],
    [{ action: 'raise', amount: '40' }, 'invalid_move'],
    [{ action: 'raise', amount: 15 }, 'invalid_move'],
    [{ action: 'raise', amount: 1001 }, 'invalid_move'],
    [{ action: 'check' }, 'invalid_move'],
  ])('%j is a %s fault', (raw, kind) => {
    const m = poker.parseMove(raw, s, who);
    expect(isFault(m) && m.kind).toBe(kind);
  });

  it('accepts legal replies, as objects or raw lines', () => {
    expect(poker.parseMove({ action: 'call' }, s, who)).toEqual({ action: 'call' });
    expect(poker.parseMove({ action: 'call', amount: 10 }, s, who)).toEqual({ action: 'call' });
    expect(poker.parseMove('{"action":"raise","amount":1000}', s, who)).toEqual({ action: 'raise', amount: 1000 });
    expect(poker.parseMove({ action: 'fold' }, s, who)).toEqual({ action: 'fold' });
  });

  it('a reply from a player who is not to act is a fault', () => {
    const other = s.seats.find((id) => id !== who)!;
    expect(poker.parseMove({ action: 'fold' }, s, other)).toMatchObject({ kind: 'invalid_move' });
  });

  it('a fault folds the hand, and the next hand is dealt in the same step', () => {
    const next = poker.step(s, new Map([[who, { kind: 'timeout', detail: 'late' }]]), createRng(0));
    expect(next.handsPlayed).toBe(1);
    expect(next.lastHands[0]!.history.at(-1)).toMatchObject({ player: who, action: 'fold', fault: true });
    expect(next.hand!.index).toBe(1);
    expect(next.actions).toBe(1);
    expect(s.handsPlayed).toBe(0); // step does not touch its input
  });
});

describe('whole sims', () => {
  it('play to the end with chips conserved, ranked by net chips', async () => {
    for (const n of [2, 3, 6]) {
      const players = Array.from({ length: n }, (_, i) => `p${i}`);
      const states = await playSim(players, Object.fromEntries(players.map((p) => [p, randomPolicy])), `sim-${n}`);
      const last = states.at(-1)!;
      expect(last.handsPlayed).toBe(60);
      expect(last.net.reduce((a, b) => a + b, 0)).toBe(0);
      const o = outcome(last)!;
      expect(o.reason).toBe('60 hands');
      const order = [...players].sort((x, y) => o.scores![y]! - o.scores![x]!);
      expect(o.ranks[order[0]!]).toBe(1);
      for (const st of states.slice(-20)) expect(JSON.parse(JSON.stringify(poker.frame(st)))).toEqual(poker.frame(st));
    }
  });

  it('are deterministic: same seed and players, same states', async () => {
    const play = () => playSim(['a', 'b', 'c'], { a: randomPolicy, b: randomPolicy, c: callingStation }, 'det');
    expect((await play()).map((s) => s.net)).toEqual((await play()).map((s) => s.net));
  });

  it('duplicate deals cancel the cards: two calling stations break even', async () => {
    const last = (await playSim(['a', 'b'], { a: callingStation, b: callingStation }, 'stations')).at(-1)!;
    expect(last.net).toEqual([0, 0]);
    expect(outcome(last)!.ranks).toEqual({ a: 1, b: 1 });
    const luck = (
      await playSim(['a', 'b'], { a: callingStation, b: callingStation }, 'stations', { duplicate: false })
    ).at(-1)!;
    expect(luck.net).not.toEqual([0, 0]);
  });

  it('with carried-over stacks, a player with no chips sits out and the sim ends when one has them all', async () => {
    const last = (
      await playSim(['a', 'b', 'c'], { a: randomPolicy, b: randomPolicy, c: randomPolicy }, 'carry', {
        reset_stacks: false,
      })
    ).at(-1)!;
    expect(last.bankroll.reduce((x, y) => x + y, 0)).toBe(3000);
    expect(last.net.map((v) => v + 1000)).toEqual(last.bankroll);
    if (last.ended === 'one player left') expect(last.bankroll.filter((c) => c > 0)).toHaveLength(1);
  });

  it('stop cleanly at the action cap, the unfinished hand void', () => {
    let s = newGame(['a', 'b'], {}, 'cap', 7);
    const rng = createRng('cap');
    while (!outcome(s))
      s = step(
        s,
        new Map([
          [
            toAct(s),
            poker.parseMove(randomPolicy(poker.observe(s, toAct(s)) as ActRequest, rng), s, toAct(s)) as never,
          ],
        ]),
      );
    expect(s.actions).toBe(7);
    expect(outcome(s)!.reason).toMatch(/^action limit after \d+ hands$/);
    expect(s.net.reduce((a, b) => a + b, 0)).toBe(0);
  });
});
