// Pre-match check of a codebase: it has an executable `run`, and its bot answers act requests
// with legal actions (a preflop decision, then one on the flop). Never throws.
import type { Validation, ValidateContext } from '@codearena/protocol';
import { createRng, isFault, validateWithBot, withStderr } from '@codearena/protocol';
import { actRequest, startNotice } from './api.ts';
import { PokerArgs } from './args.ts';
import { createGame, settingsFrom, step } from './game.ts';
import { parseMove } from './parse-move.ts';
import type { State } from './state.ts';
import manifestJson from '../arena.json' with { type: 'json' };

/** Generous: the first reply includes interpreter start-up inside a cold container. */
export const VALIDATE_DEADLINE_MS = 5000;
const PLAYERS = ['you', 'opponent'] as const;

/** A heads-up hand where "you" is to act preflop, then (the opponent having checked) on the flop. */
function positionsToAsk(): State[] {
  const settings = settingsFrom(PokerArgs.parse({ hands: 2 }), manifestJson.maxTurns);
  let s = createGame(PLAYERS, createRng('poker-validate'), settings);
  // Seat order is random: play until "you" is to act preflop.
  if (s.seats[s.hand!.toAct] !== 'you') s = step(s, new Map([['opponent', { action: 'call' }]]));
  const preflop = s;
  // you call (or check), then the opponent checks the flop if first: the flop decision is yours.
  let flop = step(
    s,
    new Map([
      [
        'you',
        preflop.hand!.currentBet > preflop.hand!.bets[preflop.hand!.toAct]! ? { action: 'call' } : { action: 'check' },
      ],
    ]),
  );
  while (flop.hand && flop.hand.street === 'preflop')
    flop = step(flop, new Map([[flop.seats[flop.hand.toAct]!, { action: 'check' }]]));
  if (flop.hand && flop.seats[flop.hand.toAct] !== 'you')
    flop = step(flop, new Map([['opponent', { action: 'check' }]]));
  return [preflop, flop];
}

export function validate(ctx: ValidateContext): Promise<Validation> {
  return validateWithBot(ctx, async (bot) => {
    const states = positionsToAsk();
    bot.notify(startNotice(states[0]!, 'you'));
    const answers: string[] = [];
    for (const state of states) {
      const req = actRequest(state, 'you');
      if (!req) return { ok: false, detail: 'internal: no decision to ask the bot for' };
      const reply = await bot.request(req, VALIDATE_DEADLINE_MS);
      if (!reply.ok) {
        return {
          ok: false,
          detail: await withStderr(
            `the bot gave no usable reply to a ${req.street} act request (${reply.fault.kind}: ${reply.fault.detail})`,
            bot,
          ),
        };
      }
      const move = parseMove(reply.value, state, 'you');
      if (isFault(move))
        return {
          ok: false,
          detail: await withStderr(
            `the bot's reply to a ${req.street} act request is not a legal action (${move.kind}: ${move.detail})`,
            bot,
          ),
        };
      answers.push(`${req.street}: ${JSON.stringify(move)} in ${Math.round(reply.ms)} ms`);
    }
    return { ok: true, detail: `bot answered ${answers.join('; ')}` };
  });
}
