// The shipped bots as real host processes (no Docker) through their `run` files, the server's
// bot client and turn loop: whole sims against each other with every message of the protocol,
// legal replies only, no reply to notices; and their own hand evaluators against phe.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng, shuffle } from '@codearena/protocol';
import { startHostBot } from '@codearena/server/compete/host-bot.ts';
import { playSim } from '@codearena/server/compete/turn-loop.ts';
import { describe, expect, it } from 'vitest';
import { FULL_DECK } from './cards.ts';
import { strength } from './evaluate.ts';
import poker from './index.ts';
import type { State } from './state.ts';

const ARENA = join(dirname(fileURLToPath(import.meta.url)), '..');
const BOTS = {
  starter: join(ARENA, 'starter'),
  'reference-js': join(ARENA, 'bots', 'reference-js'),
  caller: join(ARENA, 'bots', 'caller'),
  dice: join(ARENA, 'bots', 'dice'),
  rock: join(ARENA, 'bots', 'rock'),
  shover: join(ARENA, 'bots', 'shover'),
  outs: join(ARENA, 'bots', 'outs'),
};

/**
 * Deadline per reply: generous, so only a bot that does not answer trips it (on a busy machine
 * Python can take seconds to start). How fast bots answer is `npm run bench`'s business.
 */
const PATIENT_MS = 60_000;
/** The ladder sims' seed. */
const SEED = 1;

interface Played {
  state: State;
  /** Each seat's rank by net (1 = most chips won). */
  ranks: Record<string, number>;
}

/** Plays a sim with real bot programs through the server's turn loop and bot client; returns
 *  the last state. Every fault fails the test: an illegal or garbled reply, a late one, and a
 *  line nobody asked for (an answer to a notice: the client tolerates none here, so the bot is
 *  stopped and its next request faults). */
async function play(dirs: Record<string, string>, args: object, seed: number): Promise<Played> {
  const clients: ReturnType<typeof startHostBot>[] = [];
  const seats = Object.entries(dirs).map(([name, dir]) => ({
    name,
    startBot: async () => {
      const bot = startHostBot(dir, { maxUnsolicitedLines: 0 });
      clients.push(bot);
      return bot;
    },
  }));
  const played = await playSim({ arena: poker, args: poker.parseArgs(args), seats, seed, deadlineMs: PATIENT_MS });
  expect(played.faults).toEqual([]);
  expect(played.outcome).not.toBeNull();
  for (const bot of clients) expect(bot.stderrTail()).not.toMatch(/Traceback|Error/);
  return { state: played.state, ranks: played.outcome?.ranks ?? {} };
}

describe.each(Object.entries(BOTS))('%s bot', (_name, dir) => {
  it('has an executable run file', () => {
    expect(() => accessSync(join(dir, 'run'), constants.X_OK)).not.toThrow();
  });
});

describe('bots play whole sims', () => {
  it('starter vs reference-js heads-up: legal replies and nothing but replies', async () => {
    const { state } = await play({ starter: BOTS.starter, reference: BOTS['reference-js'] }, { hands: 16 }, 1);
    expect(state.handsPlayed).toBe(16);
  });

  it('a three-handed table with the caller', async () => {
    const { state } = await play(
      { starter: BOTS.starter, reference: BOTS['reference-js'], caller: BOTS.caller },
      { hands: 9 },
      2,
    );
    expect(state.handsPlayed).toBe(9);
  });

  it('a six-handed table of every reference bot', async () => {
    const { starter: _starter, ...refs } = BOTS;
    expect(Object.keys(refs)).toHaveLength(6);
    const { state } = await play(refs, { hands: 12 }, 3);
    expect(state.handsPlayed).toBe(12);
  });
});

/** The reference bots from weakest to strongest, as `codearena match` graded them (the win
 *  matrix is in BRIEF.md). */
const LADDER = ['dice', 'caller', 'rock', 'shover', 'outs', 'reference-js'] as const;

describe('the ladder of reference bots', () => {
  it('ships every bot on it', () => {
    expect([...LADDER].sort()).toEqual(readdirSync(join(ARENA, 'bots')).sort());
  });

  // One heads-up sim a pair on a fixed seed (duplicate deals, so each bot holds both sides of
  // every deal): bots and deals are deterministic, so this pins each rung's edge over the one
  // below. How often it wins is the win matrix's business, not this test's.
  it.each(LADDER.slice(1).map((strong, i) => [strong, LADDER[i]!]))('%s beats %s', async (strong, weak) => {
    const { ranks } = await play({ [strong]: BOTS[strong], [weak]: BOTS[weak] }, { hands: 60 }, SEED);
    expect(ranks[strong]).toBe(1);
    expect(ranks[weak]).toBe(2);
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
    return [
      [d[0]!, d[1]!, ...d.slice(4, 9)],
      [d[2]!, d[3]!, ...d.slice(4, 9)],
    ];
  });
}
const truth = (pairs: number[][][]) => pairs.map(([a, b]) => Math.sign(strength(b!) - strength(a!)));

describe("the bots' own hand evaluators agree with phe", () => {
  it('starter (Python)', () => {
    const pairs = matchups(5000);
    const out = execFileSync(
      'python3',
      [
        '-c',
        [
          'import json, sys',
          `sys.path.insert(0, ${JSON.stringify(join(BOTS.starter, 'bot'))})`,
          'from cards import evaluate',
          'print(json.dumps([(evaluate(a) > evaluate(b)) - (evaluate(a) < evaluate(b)) for a, b in json.load(sys.stdin)]))',
        ].join('\n'),
      ],
      { input: JSON.stringify(pairs), encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } },
    );
    expect(JSON.parse(out)).toEqual(truth(pairs));
  });

  it('reference-js', () => {
    const { evaluate } = createRequire(import.meta.url)(join(BOTS['reference-js'], 'eval.cjs')) as {
      evaluate: (c: number[]) => number;
    };
    const pairs = matchups(20000);
    expect(pairs.map(([a, b]) => Math.sign(evaluate(a!) - evaluate(b!)))).toEqual(truth(pairs));
  });
});
