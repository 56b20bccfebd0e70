// The shipped bots as real host processes (no Docker) through their `run` files: whole sims
// against each other with every message of the protocol, legal replies only, no reply to
// notices; and their own hand evaluators against phe.
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng, isFault, shuffle } from '@codearena/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { FULL_DECK } from './cards.ts';
import { strength } from './evaluate.ts';
import poker from './index.ts';
import type { State } from './state.ts';
import { type HostBot, spawnHostBot } from './test-support.ts';

const ARENA = join(dirname(fileURLToPath(import.meta.url)), '..');
const BOTS = {
  starter: join(ARENA, 'starter'),
  'reference-js': join(ARENA, 'bots', 'reference-js'),
  caller: join(ARENA, 'bots', 'caller'),
};

const open: HostBot[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((b) => b.close()));
});

/** Plays a sim in-process with real bot programs; returns the last state and the slowest reply. */
async function play(dirs: Record<string, string>, args: object, seed: number): Promise<{ state: State; slowest: number }> {
  const bots = new Map(Object.entries(dirs).map(([id, dir]) => [id, spawnHostBot(dir)]));
  open.push(...bots.values());
  let state = poker.init([...bots.keys()], createRng(seed), args);
  for (const [id, bot] of bots) bot.notify(poker.notify!(state, id, 'start'));
  let slowest = 0;
  let first = true;
  while (!poker.outcome(state)) {
    const id = state.seats[state.hand!.toAct]!;
    expect(bots.get(id)!.unread(), `${id} wrote a line nobody asked for`).toBe(0);
    const reply = await bots.get(id)!.request(poker.observe(state, id), first ? 5000 : 1000);
    if ('error' in reply) throw new Error(`${id}: ${reply.error}\n${bots.get(id)!.stderr()}`);
    if (!first) slowest = Math.max(slowest, reply.ms);
    first = false;
    const move = poker.parseMove(reply.value, state, id);
    if (isFault(move)) throw new Error(`${id}: ${move.detail}`);
    state = poker.step(state, new Map([[id, move]]), createRng(0));
    for (const [other, bot] of bots) for (const n of poker.notices!(state, other)) bot.notify(n);
  }
  for (const [id, bot] of bots) bot.notify(poker.notify!(state, id, 'end'));
  await new Promise((r) => setTimeout(r, 100));
  for (const [id, bot] of bots) {
    expect(bot.unread(), `${id} answered a notice`).toBe(0);
    expect(bot.stderr()).not.toMatch(/Traceback|Error/);
  }
  return { state, slowest };
}

describe.each(Object.entries(BOTS))('%s bot', (_name, dir) => {
  it('has an executable run file', () => {
    expect(() => accessSync(join(dir, 'run'), constants.X_OK)).not.toThrow();
  });
});

describe('bots play whole sims', () => {
  it('starter vs reference-js heads-up: legal, prompt replies and nothing but replies', async () => {
    const { state, slowest } = await play({ starter: BOTS.starter, reference: BOTS['reference-js'] }, { hands: 16 }, 1);
    expect(state.handsPlayed).toBe(16);
    expect(slowest).toBeLessThan(500);
  });

  it('a three-handed table with the caller', async () => {
    const { state } = await play({ starter: BOTS.starter, reference: BOTS['reference-js'], caller: BOTS.caller }, { hands: 9 }, 2);
    expect(state.handsPlayed).toBe(9);
  });
});

/** Random matchups on a shared board, skewed toward flushes and straights. */
function matchups(n: number): number[][][] {
  const rng = createRng('bot-evaluators');
  return Array.from({ length: n }, (_, i) => {
    let deck = FULL_DECK.slice();
    if (i % 3 === 1) deck = deck.filter((c) => (c & 3) < 2);
    if (i % 3 === 2) deck = deck.filter((c) => c >> 2 >= 8 || c >> 2 <= 3);
    const d = shuffle(deck, rng);
    return [[d[0]!, d[1]!, ...d.slice(4, 9)], [d[2]!, d[3]!, ...d.slice(4, 9)]];
  });
}
const truth = (pairs: number[][][]) => pairs.map(([a, b]) => Math.sign(strength(b!) - strength(a!)));

describe("the bots' own hand evaluators agree with phe", () => {
  it('starter (Python)', () => {
    const pairs = matchups(5000);
    const out = execFileSync('python3', ['-c', [
      'import json, sys',
      `sys.path.insert(0, ${JSON.stringify(join(BOTS.starter, 'bot'))})`,
      'from cards import evaluate',
      'print(json.dumps([(evaluate(a) > evaluate(b)) - (evaluate(a) < evaluate(b)) for a, b in json.load(sys.stdin)]))',
    ].join('\n')], { input: JSON.stringify(pairs), encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
    expect(JSON.parse(out)).toEqual(truth(pairs));
  });

  it('reference-js', () => {
    const { evaluate } = createRequire(import.meta.url)(join(BOTS['reference-js'], 'eval.cjs')) as { evaluate: (c: number[]) => number };
    const pairs = matchups(20000);
    expect(pairs.map(([a, b]) => Math.sign(evaluate(a!) - evaluate(b!)))).toEqual(truth(pairs));
  });
});
