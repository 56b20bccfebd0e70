// Pre-match check of a codebase: it has an executable `run`, and its bot answers one move
// request on a fresh board with a legal reply. Never throws: every failure is a Validation.
import type { Validation, ValidateContext } from '@codearena/protocol';
import { createRng, isFault, validateWithBot, withStderr } from '@codearena/protocol';
import { buildRequest } from './api.ts';
import { BattlesnakeArgs, boardOptions } from './args.ts';
import { parseMove } from './parse-move.ts';
import { createGame } from './setup.ts';

/** Generous: the first reply includes interpreter start-up inside a cold container. */
export const VALIDATE_DEADLINE_MS = 5000;
const VALIDATE_PLAYERS = ['you', 'opponent'] as const;

export function validate(ctx: ValidateContext): Promise<Validation> {
  return validateWithBot(ctx, async (bot) => {
    const state = createGame(
      VALIDATE_PLAYERS,
      createRng('battlesnake-validate'),
      boardOptions(BattlesnakeArgs.parse({})),
    );
    bot.notify(buildRequest(state, 'you', 'start', VALIDATE_DEADLINE_MS));
    const reply = await bot.request(buildRequest(state, 'you', 'move', VALIDATE_DEADLINE_MS), VALIDATE_DEADLINE_MS);
    if (!reply.ok) {
      return {
        ok: false,
        detail: await withStderr(
          `the bot gave no usable reply to a move request (${reply.fault.kind}: ${reply.fault.detail})`,
          bot,
        ),
      };
    }
    const move = parseMove(reply.value);
    if (isFault(move))
      return {
        ok: false,
        detail: await withStderr(
          `the bot's reply to a move request is not a valid move (${move.kind}: ${move.detail})`,
          bot,
        ),
      };
    bot.notify(buildRequest(state, 'you', 'end', VALIDATE_DEADLINE_MS));
    return { ok: true, detail: `bot answered ${JSON.stringify(move)} in ${Math.round(reply.ms)} ms` };
  });
}
