// Runs the shipped bots as real host processes (no Docker) through their `run` files and the
// server's bot client, and checks
// they speak the protocol: no reply to start/end, one valid move per move request. How fast they
// answer is `npm run bench`'s business: the deadlines here are generous, so only a bot that does
// not answer trips them (on a busy machine an interpreter can take seconds to start).
import { accessSync, constants } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BotClient } from '@codearena/protocol';
import { createRng, isFault } from '@codearena/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { buildRequest } from './api.ts';
import { BattlesnakeArgs, boardOptions } from './args.ts';
import { parseMove } from './parse-move.ts';
import { createGame, step } from './rules.ts';
import type { State } from './state.ts';
import { startHostBot } from '@codearena/server/compete/host-bot.ts';
import { board, moves } from './test-support.ts';

const ARENA = join(dirname(fileURLToPath(import.meta.url)), '..');
const BOTS = {
  starter: join(ARENA, 'starter'),
  'reference-js': join(ARENA, 'bots', 'reference-js'),
  random: join(ARENA, 'bots', 'random'),
  'greedy-food': join(ARENA, 'bots', 'greedy-food'),
  'tail-chaser': join(ARENA, 'bots', 'tail-chaser'),
  'flood-fill': join(ARENA, 'bots', 'flood-fill'),
  territory: join(ARENA, 'bots', 'territory'),
};

const PATIENT_MS = 60_000;

const open: BotClient[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((b) => b.close()));
});

/** A mid-game position with food, three snakes and a snake that has just eaten. */
function midGame(): State {
  let s = createGame(['me', 'x', 'y'], createRng('bots-test'), boardOptions(BattlesnakeArgs.parse({})));
  s = step(s, moves({ me: 'right', x: 'left', y: 'down' }), createRng(1));
  return s;
}

describe.each(Object.entries(BOTS))('%s bot', (_name, dir) => {
  it('has an executable run file', () => {
    expect(() => accessSync(join(dir, 'run'), constants.X_OK)).not.toThrow();
  });

  it('answers move requests with valid moves, and stays silent otherwise', async () => {
    const bot = startHostBot(dir);
    open.push(bot);
    const positions: [State, string][] = [
      [createGame(['me', 'other'], createRng(5), boardOptions(BattlesnakeArgs.parse({}))), 'me'],
      [midGame(), 'me'],
      [
        board(
          [
            {
              id: 'me',
              body: [
                [0, 1],
                [1, 1],
                [1, 0],
                [0, 0],
                [0, 0],
              ],
              health: 5,
            }, // just ate: only "up" is safe
            {
              id: 'other',
              body: [
                [6, 6],
                [6, 5],
                [6, 4],
                [6, 3],
              ],
            },
          ],
          [[0, 3]],
        ),
        'me',
      ],
    ];
    bot.notify(buildRequest(positions[0]![0], 'me', 'start', 500));
    for (const [i, [state, id]] of positions.entries()) {
      const reply = await bot.request(buildRequest(state, id, 'move', 500), PATIENT_MS);
      expect(reply.ok, reply.ok ? '' : `${reply.fault.kind}: ${reply.fault.detail}\n${bot.stderrTail()}`).toBe(true);
      if (!reply.ok) continue;
      const move = parseMove(reply.value);
      expect(isFault(move), JSON.stringify(reply.value)).toBe(false);
      if (i === 2 && !isFault(move)) expect(move.move).toBe('up');
    }
    // "end" gets no reply: the next line the bot writes must answer the next move request.
    bot.notify(buildRequest(positions[0]![0], 'me', 'end', 500));
    const again = await bot.request(buildRequest(midGame(), 'me', 'move', 500), PATIENT_MS);
    expect(again.ok && !isFault(parseMove(again.value))).toBe(true);
    expect(bot.stderrTail()).not.toMatch(/Traceback|Error/);
  });
});
