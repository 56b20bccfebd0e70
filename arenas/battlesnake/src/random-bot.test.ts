// The `random` reference bot is a ladder rung, so it must be reproducible: two processes given
// the same game (its id comes from the sim's seed) answer every turn alike, while its moves still
// vary from turn to turn. A whole game is played with the real rules, the bot moving both snakes.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BotClient } from '@codearena/protocol';
import { createRng, isFault } from '@codearena/protocol';
import { startHostBot } from '@codearena/server/compete/host-bot.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { buildRequest } from './api.ts';
import { BattlesnakeArgs, boardOptions } from './args.ts';
import { parseMove } from './parse-move.ts';
import { createGame, step } from './rules.ts';
import { type Direction, type State, isAlive } from './state.ts';
import { moves } from './test-support.ts';

const RANDOM = join(dirname(fileURLToPath(import.meta.url)), '..', 'bots', 'random');
const PATIENT_MS = 60_000;

const open: BotClient[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((b) => b.close()));
});

async function moveOf(bot: BotClient, state: State, id: string): Promise<Direction> {
  const reply = await bot.request(buildRequest(state, id, 'move', 500), PATIENT_MS);
  if (!reply.ok) throw new Error(`${reply.fault.kind}: ${reply.fault.detail}\n${bot.stderrTail()}`);
  const move = parseMove(reply.value);
  if (isFault(move)) throw new Error(JSON.stringify(reply.value));
  return move.move;
}

/** The moves one bot process makes for both snakes over a whole game (at most 60 turns). */
async function playGame(seed: number): Promise<string[]> {
  const bot = startHostBot(RANDOM);
  open.push(bot);
  let s = createGame(['me', 'other'], createRng(seed), boardOptions(BattlesnakeArgs.parse({})));
  const played: string[] = [];
  for (let turn = 0; turn < 60 && s.snakes.every(isAlive); turn++) {
    const me = await moveOf(bot, s, 'me');
    const other = await moveOf(bot, s, 'other');
    played.push(`${me}/${other}`);
    s = step(s, moves({ me, other }), createRng(turn));
  }
  return played;
}

describe('the random bot', () => {
  it('makes the same moves in the same game, and varies them from turn to turn', async () => {
    const first = await playGame(5);
    const second = await playGame(5);
    expect(first.length).toBeGreaterThan(5);
    expect(second).toEqual(first);
    expect(new Set(first.map((m) => m.split('/')[0])).size).toBeGreaterThan(1);
  });
});
