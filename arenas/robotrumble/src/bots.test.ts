// Runs the shipped bots as real host processes (no Docker) through their `run` files and the
// server's bot client: each answers real turn requests with valid replies. The JavaScript
// adapter of the starter (the other language `run` may choose) is started directly.
import { accessSync, constants } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BotClient } from '@codearena/protocol';
import { createRng, isFault } from '@codearena/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { createBotClient } from '@codearena/server/compete/bot-client.ts';
import { startHostBot } from '@codearena/server/compete/host-bot.ts';
import { playSim } from '@codearena/server/compete/turn-loop.ts';
import { spawnHostProcess } from '@codearena/server/sandbox/host-process.ts';
import { buildRequest } from './api.ts';
import { RobotRumbleArgs, settingsOf } from './args.ts';
import { robotrumble } from './index.ts';
import { parseMove } from './parse-move.ts';
import { createGame } from './rules.ts';
import { position } from './test-support.ts';

const ARENA = join(dirname(fileURLToPath(import.meta.url)), '..');
const STARTER = join(ARENA, 'starter');
const BOTS: Record<string, () => BotClient> = {
  'starter (python, via run)': () => startHostBot(STARTER),
  'starter (javascript adapter)': () =>
    createBotClient(spawnHostProcess(['node', join(STARTER, 'javascript', 'main.js')], STARTER)),
  random: () => startHostBot(join(ARENA, 'bots', 'random')),
  hunter: () => startHostBot(join(ARENA, 'bots', 'hunter')),
  rusher: () => startHostBot(join(ARENA, 'bots', 'rusher')),
  squad: () => startHostBot(join(ARENA, 'bots', 'squad')),
  turtle: () => startHostBot(join(ARENA, 'bots', 'turtle')),
  tactician: () => startHostBot(join(ARENA, 'bots', 'tactician')),
};
const PATIENT_MS = 60_000;

const open: BotClient[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((b) => b.close()));
});

describe.each(Object.keys(BOTS))('%s', (name) => {
  it('answers turn requests with valid actions for its own units', async () => {
    const bot = BOTS[name]!();
    open.push(bot);
    const fresh = createGame(['R', 'B'], createRng(5), settingsOf(RobotRumbleArgs.parse({})));
    // Enemies adjacent, at distance 2, and a unit on a spawn point just before a clearing.
    const fight = position(
      [
        [200, 9, 9, 'red'],
        [201, 10, 9, 'blue'],
        [202, 9, 11, 'blue'],
        [203, 1, 9, 'red'],
      ],
      { turn: 9 },
    );
    for (const [state, player] of [
      [fresh, 'R'],
      [fresh, 'B'],
      [fight, 'R'],
    ] as const) {
      const reply = await bot.request(buildRequest(state, player), PATIENT_MS);
      expect(reply.ok, JSON.stringify(reply)).toBe(true);
      const move = reply.ok ? parseMove(reply.value, state, player) : null;
      expect(isFault(move), JSON.stringify(move)).toBe(false);
      if (move && !isFault(move)) expect(move.ignored).toBe(0);
    }
  });
});

describe('shipped codebases', () => {
  it('have executable run files', () => {
    const bots = ['random', 'hunter', 'rusher', 'squad', 'turtle', 'tactician'];
    for (const dir of [STARTER, ...bots.map((b) => join(ARENA, 'bots', b))])
      expect(() => accessSync(join(dir, 'run'), constants.X_OK), dir).not.toThrow();
  });

  it('the starter plays a whole game against the random bot without a fault', async () => {
    const args = robotrumble.parseArgs({ max_turns: 30 });
    const played = await playSim({
      arena: robotrumble,
      args,
      seats: [
        { name: 'starter', startBot: async () => startHostBot(STARTER) },
        { name: 'random', startBot: async () => startHostBot(join(ARENA, 'bots', 'random')) },
      ],
      seed: 'bots-test',
      deadlineMs: PATIENT_MS,
    });
    expect(played.faults).toEqual([]);
    expect(played.outcome).not.toBeNull();
    expect(played.turns).toBe(30);
  });
});
