// Hand-worked cases of the betting and pot rules, one hand at a time with chosen cards.
import { describe, expect, it } from 'vitest';
import { buildPots, illegality, legalActions } from './rules.ts';
import { moveOf as m, table } from './test-support.ts';

const ROYAL_BOARD = 'Ts Js Qs Ks As';

describe('blinds, button and order of play', () => {
  it('heads-up: the button posts the small blind, acts first before the flop and last after it', () => {
    const t = table({ ids: ['a', 'b'], button: 0, stacks: [1000, 1000] });
    expect([t.hand.smallBlindSeat, t.hand.bigBlindSeat]).toEqual([0, 1]);
    expect(t.hand.history.map((e) => [e.player, e.action, e.to])).toEqual([
      ['a', 'small_blind', 5],
      ['b', 'big_blind', 10],
    ]);
    expect(t.who()).toBe('a');
    expect(legalActions(t.hand, 0)).toEqual({ check: false, call: { to: 10, cost: 5 }, raise: { min: 20, max: 1000 } });
    t.act('a', m('call'));
    // The big blind has the option: check or raise.
    expect(t.who()).toBe('b');
    expect(legalActions(t.hand, 1)).toEqual({ check: true, call: null, raise: { min: 20, max: 1000 } });
    t.act('b', m('check'));
    expect(t.hand.street).toBe('flop');
    expect(t.who()).toBe('b');
    t.act('b', m('check')).act('a', m('check'));
    expect(t.hand.street).toBe('turn');
    expect(t.who()).toBe('b');
  });

  it('three-handed: small blind left of the button, big blind next, the button first before the flop, the small blind first after', () => {
    const t = table({ ids: ['a', 'b', 'c'], button: 0, stacks: [1000, 1000, 1000] });
    expect([t.hand.smallBlindSeat, t.hand.bigBlindSeat, t.hand.toAct]).toEqual([1, 2, 0]);
    t.act('a', m('call')).act('b', m('call')).act('c', m('check'));
    expect(t.hand.street).toBe('flop');
    expect(t.who()).toBe('b');
    const u = table({ ids: ['a', 'b', 'c'], button: 2, stacks: [1000, 1000, 1000] });
    expect([u.hand.smallBlindSeat, u.hand.bigBlindSeat, u.who()]).toEqual([0, 1, 'c']);
    u.act('c', m('call')).act('a', m('fold')).act('b', m('check'));
    expect(u.who()).toBe('b'); // the small blind folded: the big blind opens the flop
  });

  it('six-handed: under the gun acts first', () => {
    const t = table({ ids: ['a', 'b', 'c', 'd', 'e', 'f'], button: 4, stacks: [1000, 1000, 1000, 1000, 1000, 1000] });
    expect([t.hand.smallBlindSeat, t.hand.bigBlindSeat, t.who()]).toEqual([5, 0, 'b']);
  });
});

describe('raises', () => {
  it('a raise must be at least the last full raise over the current bet', () => {
    const t = table({ ids: ['a', 'b', 'c', 'd'], button: 0, stacks: [1000, 1000, 1000, 1000] });
    expect(t.who()).toBe('d');
    expect(legalActions(t.hand, 3).raise).toEqual({ min: 20, max: 1000 });
    t.act('d', m('raise', 30)); // raises by 20
    expect(legalActions(t.hand, 0).raise).toEqual({ min: 50, max: 1000 });
    expect(illegality(t.hand, 0, m('raise', 40))).toMatch(/outside \[50, 1000\]/);
    t.act('a', m('raise', 50)); // by 20 again
    expect(legalActions(t.hand, 1).raise?.min).toBe(70);
    t.act('b', m('raise', 120)); // by 70
    expect(legalActions(t.hand, 2).raise?.min).toBe(190);
    expect(legalActions(t.hand, 2).call).toEqual({ to: 120, cost: 110 });
  });

  it('the first bet of a street is at least the big blind', () => {
    const t = table({ ids: ['a', 'b'], button: 0, stacks: [1000, 1000] });
    t.act('a', m('call')).act('b', m('check'));
    expect(legalActions(t.hand, 1)).toEqual({ check: true, call: null, raise: { min: 10, max: 990 } });
    expect(illegality(t.hand, 1, m('raise', 9))).not.toBeNull();
  });

  it('an all-in below a full raise does not reopen the betting for players who already acted', () => {
    const t = table({ ids: ['a', 'b', 'c'], button: 0, stacks: [1000, 1000, 160] });
    t.act('a', m('call')).act('b', m('call')).act('c', m('check'));
    t.act('b', m('raise', 100)); // flop bet
    t.act('c', m('raise', 150)); // all-in, 50 more: short of a full raise (100)
    expect(t.hand.currentBet).toBe(150);
    expect(t.hand.lastRaise).toBe(100);
    expect(legalActions(t.hand, 0).raise).toEqual({ min: 250, max: 990 }); // a has not acted yet: may raise
    t.act('a', m('call'));
    expect(t.who()).toBe('b');
    expect(legalActions(t.hand, 1)).toEqual({ check: false, call: { to: 150, cost: 50 }, raise: null });
    expect(illegality(t.hand, 1, m('raise', 990))).toMatch(/not allowed/);
    t.act('b', m('call'));
    expect(t.hand.street).toBe('turn');
  });

  it('short all-ins that add up to a full raise do reopen it', () => {
    const t = table({ ids: ['a', 'b', 'c', 'd'], button: 0, stacks: [1000, 1000, 160, 230] });
    t.act('d', m('call')).act('a', m('call')).act('b', m('call')).act('c', m('check'));
    t.act('b', m('raise', 100));
    t.act('c', m('raise', 150)); // all-in, +50
    t.act('d', m('raise', 220)); // all-in, +70: still short of 100
    t.act('a', m('call'));
    expect(t.who()).toBe('b');
    // b faces 120 more, at least a full raise of 100.
    expect(legalActions(t.hand, 1).raise).toEqual({ min: 320, max: 990 });
  });

  it('nobody left to call: a player facing an all-in may only call or fold', () => {
    const t = table({ ids: ['a', 'b'], button: 0, stacks: [1000, 300] });
    t.act('a', m('call')).act('b', m('raise', 300)); // all-in
    expect(legalActions(t.hand, 0)).toEqual({ check: false, call: { to: 300, cost: 290 }, raise: null });
  });
});

describe('pots and showdown', () => {
  it('three all-ins of different sizes make a main pot and side pots, each won by the best hand eligible', () => {
    // a best, b second, c third, d worst.
    const t = table({
      ids: ['a', 'b', 'c', 'd'],
      button: 0,
      stacks: [100, 300, 600, 1000],
      hole: ['As Ad', 'Ks Kd', 'Qs Qd', '8c 4h'],
      board: '2c 7d 9h Js 3s',
    });
    t.act('d', m('raise', 1000)).act('a', m('call')).act('b', m('call')).act('c', m('call'));
    const r = t.result!;
    expect(r.reason).toBe('showdown');
    expect(r.board).toEqual(['2c', '7d', '9h', 'Js', '3s']);
    expect(r.pots).toEqual([
      { amount: 400, eligible: ['a', 'b', 'c', 'd'], winners: ['a'] },
      { amount: 600, eligible: ['b', 'c', 'd'], winners: ['b'] },
      { amount: 600, eligible: ['c', 'd'], winners: ['c'] },
      { amount: 400, eligible: ['d'], winners: ['d'] }, // d's uncalled chips come back
    ]);
    expect(r.deltas).toEqual({ a: 300, b: 300, c: 0, d: -600 });
    expect(r.showdown.map((s) => [s.player, s.hand])).toEqual([
      ['a', 'One Pair'],
      ['b', 'One Pair'],
      ['c', 'One Pair'],
      ['d', 'High Card'],
    ]);
  });

  it('a worse hand that covers a better one wins only the side pots it is eligible for', () => {
    const t = table({
      ids: ['a', 'b', 'c'],
      button: 0,
      stacks: [200, 500, 500],
      hole: ['7h 7c', 'Kh Kc', '2h 3c'],
      board: '7s Qd 9c 4s Td',
    });
    t.act('a', m('raise', 200)).act('b', m('raise', 500)).act('c', m('call'));
    expect(t.result!.pots).toEqual([
      { amount: 600, eligible: ['a', 'b', 'c'], winners: ['a'] },
      { amount: 600, eligible: ['b', 'c'], winners: ['b'] },
    ]);
    expect(t.result!.deltas).toEqual({ a: 400, b: 100, c: -500 });
  });

  it('a board that plays splits the pot', () => {
    const t = table({ ids: ['a', 'b'], button: 0, stacks: [1000, 1000], hole: ['2c 3d', '4h 5c'], board: ROYAL_BOARD });
    t.act('a', m('raise', 100)).act('b', m('call'));
    for (let i = 0; i < 3; i++) t.act('b', m('check')).act('a', m('check'));
    expect(t.result!.pots).toEqual([{ amount: 200, eligible: ['a', 'b'], winners: ['b', 'a'] }]); // winners listed from the button's left
    expect(t.result!.deltas).toEqual({ a: 0, b: 0 });
    expect(t.result!.showdown.map((s) => s.hand)).toEqual(['Straight Flush', 'Straight Flush']);
  });

  it('equal best hands split; the odd chip goes to the first winner left of the button', () => {
    const t = table({
      ids: ['a', 'b', 'c'],
      button: 0,
      stacks: [1000, 1000, 1000],
      hole: ['2c 3d', '4h 5c', '6d 7d'],
      board: ROYAL_BOARD,
    });
    t.act('a', m('call')).act('b', m('fold')).act('c', m('check'));
    for (let i = 0; i < 3; i++) t.act('c', m('check')).act('a', m('check'));
    // Pot 25 (the small blind's 5 is dead): c sits left of the button before a.
    expect(t.result!.pots).toEqual([{ amount: 25, eligible: ['a', 'c'], winners: ['c', 'a'] }]);
    expect(t.result!.deltas).toEqual({ a: 2, b: -5, c: 3 });
  });

  it('kickers decide between equal pairs; the best five of seven cards count', () => {
    const t = table({
      ids: ['a', 'b'],
      button: 0,
      stacks: [1000, 1000],
      hole: ['Ah Qc', 'Ad Jc'],
      board: 'As 8d 5h 3c 2s',
    });
    t.act('a', m('raise', 1000)).act('b', m('call'));
    expect(t.result!.pots[0]!.winners).toEqual(['a']);
    // The wheel: A-2-3-4-5 is a straight, the lowest one.
    const w = table({
      ids: ['a', 'b'],
      button: 0,
      stacks: [1000, 1000],
      hole: ['4d Kc', '6d 4c'],
      board: 'As 2d 3h 5c 9s',
    });
    w.act('a', m('raise', 1000)).act('b', m('call'));
    expect(w.result!.showdown.map((s) => s.hand)).toEqual(['Straight', 'Straight']);
    expect(w.result!.pots[0]!.winners).toEqual(['b']); // 6-high beats the wheel
  });

  it('a fold wins the pot without a showdown; nothing is shown', () => {
    const t = table({ ids: ['a', 'b'], button: 0, stacks: [1000, 1000] });
    t.act('a', m('raise', 30)).act('b', m('fold'));
    expect(t.result).toMatchObject({ reason: 'fold', showdown: [], board: [], deltas: { a: 10, b: -10 } });
  });

  it('a faulted (null) or illegal action folds and is marked as a fault', () => {
    const t = table({ ids: ['a', 'b'], button: 0, stacks: [1000, 1000] });
    t.act('a', m('check')); // facing the big blind: illegal
    expect(t.hand.history.at(-1)).toMatchObject({ player: 'a', action: 'fold', fault: true });
    expect(t.result!.deltas).toEqual({ a: -5, b: 5 });
    const u = table({ ids: ['a', 'b'], button: 0, stacks: [1000, 1000] });
    u.act('a', m('call')).act('b', null);
    expect(u.result!.deltas).toEqual({ a: 10, b: -10 });
  });

  it('a big blind all-in for less than a big blind: the other player calls the full blind and gets the excess back', () => {
    const t = table({
      ids: ['a', 'b'],
      button: 0,
      stacks: [1000, 6],
      hole: ['2c 3d', 'Ah Ac'],
      board: '9s 8d 7h Kc Qs',
    });
    expect(t.who()).toBe('a');
    expect(legalActions(t.hand, 0)).toEqual({ check: false, call: { to: 10, cost: 5 }, raise: null });
    t.act('a', m('call'));
    expect(t.result!.pots).toEqual([
      { amount: 12, eligible: ['a', 'b'], winners: ['b'] },
      { amount: 4, eligible: ['a'], winners: ['a'] },
    ]);
    expect(t.result!.deltas).toEqual({ a: -6, b: 6 });
  });
});

describe('buildPots', () => {
  it('layers commitments and folds dead money above every contender into the pot below', () => {
    expect(buildPots([100, 300, 300, 0], [false, false, false, true])).toEqual([
      { amount: 300, eligible: [0, 1, 2] },
      { amount: 400, eligible: [1, 2] },
    ]);
    // Seat 2 folded after putting in the most: its top layer has no contender.
    expect(buildPots([50, 50, 80], [false, false, true])).toEqual([{ amount: 180, eligible: [0, 1] }]);
  });
});
