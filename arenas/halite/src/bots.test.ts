// The shipped bots as real host processes (no Docker) through the server's bot client: they
// answer init and frames with valid replies, and the strong reference bot beats the weak one.
// Deadlines are generous: how fast they answer is the bench's business.
import { accessSync, constants, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BotClient } from '@codearena/protocol';
import { createRng, isFault } from '@codearena/protocol';
import { startHostBot } from '@codearena/server/compete/host-bot.ts';
import { playSim } from '@codearena/server/compete/turn-loop.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { frameMessage, initMessage } from './api.ts';
import halite from './index.ts';
import { parseMoves, parseReady } from './parse-move.ts';
import { createGame, step } from './rules.ts';

const ARENA = join(dirname(fileURLToPath(import.meta.url)), '..');
const BOTS = {
  starter: join(ARENA, 'starter'),
  overkill: join(ARENA, 'bots', 'overkill'),
  still: join(ARENA, 'bots', 'still'),
  nibbler: join(ARENA, 'bots', 'nibbler'),
  drifter: join(ARENA, 'bots', 'drifter'),
  straight: join(ARENA, 'bots', 'straight'),
  frontier: join(ARENA, 'bots', 'frontier'),
};
const PATIENT_MS = 60_000;

const open: BotClient[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((b) => b.close()));
});

describe.each(Object.entries(BOTS))('%s bot', (_name, dir) => {
  it('has an executable run file', () => {
    expect(() => accessSync(join(dir, 'run'), constants.X_OK)).not.toThrow();
  });

  it('answers init and frames with valid replies', async () => {
    const bot = startHostBot(dir);
    open.push(bot);
    let s = createGame(['me', 'other'], createRng(5), { width: 20, height: 20 });
    const ready = await bot.request(initMessage(s, 'me'), PATIENT_MS);
    expect(ready.ok && !isFault(parseReady(ready.value)), bot.stderrTail()).toBe(true);
    s = step(
      s,
      new Map([
        ['me', { ready: true }],
        ['other', { ready: true }],
      ]),
    );
    for (let t = 0; t < 30; t++) {
      const reply = await bot.request(frameMessage(s, 'me'), PATIENT_MS);
      expect(reply.ok, bot.stderrTail()).toBe(true);
      if (!reply.ok) return;
      const m = parseMoves(reply.value, s, 1);
      expect(isFault(m), JSON.stringify(m)).toBe(false);
      s = step(s, new Map([['me', m]]));
    }
    expect(bot.stderrTail()).not.toMatch(/Traceback|Error/);
  });
});

/** The reference bots from weakest to strongest, as `codearena match` graded them (BRIEF.md). */
const LADDER = ['still', 'nibbler', 'drifter', 'overkill', 'straight', 'frontier'] as const;

describe('reference bots', () => {
  it('ships the whole ladder', () => {
    expect([...LADDER].sort()).toEqual(readdirSync(join(ARENA, 'bots')).sort());
  });

  // One game a pair on a fixed map: bots and maps are deterministic, so this pins each rung's
  // edge over the one below (strong seat first, then swapped, so seat order cannot decide it).
  it.each(LADDER.slice(1).map((strong, i) => [strong, LADDER[i]!]))(
    '%s beats %s on a 20x20 map',
    async (strong, weak) => {
      for (const order of [
        [strong, weak],
        [weak, strong],
      ]) {
        const played = await playSim({
          arena: halite,
          args: halite.parseArgs({ width: 20, height: 20 }),
          seats: order.map((name) => ({ name, startBot: async () => startHostBot(BOTS[name]) })),
          seed: 11,
          deadlineMs: PATIENT_MS,
        });
        expect(played.faults).toEqual([]);
        expect(played.outcome?.ranks[strong], order.join(' vs ')).toBe(1);
      }
    },
  );
});
