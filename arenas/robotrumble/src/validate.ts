// Pre-match check of a codebase: it has an executable `run`, and its bot answers a first-turn
// request with a well-formed reply. Never throws: every failure is a Validation.
import type { Validation, ValidateContext } from '@codearena/protocol';
import { createRng, isFault, validateWithBot, withStderr } from '@codearena/protocol';
import { buildRequest } from './api.ts';
import { RobotRumbleArgs, settingsOf } from './args.ts';
import { parseMove } from './parse-move.ts';
import { createGame } from './rules.ts';

/** Generous: the first reply includes interpreter start-up inside a cold container. */
export const VALIDATE_DEADLINE_MS = 5000;

export function validate(ctx: ValidateContext): Promise<Validation> {
  return validateWithBot(ctx, async (bot) => {
    const state = createGame(
      ['you', 'opponent'],
      createRng('robotrumble-validate'),
      settingsOf(RobotRumbleArgs.parse({})),
    );
    const reply = await bot.request(buildRequest(state, 'you'), VALIDATE_DEADLINE_MS);
    if (!reply.ok)
      return {
        ok: false,
        detail: await withStderr(
          `the bot gave no usable reply to a turn request (${reply.fault.kind}: ${reply.fault.detail})`,
          bot,
        ),
      };
    const move = parseMove(reply.value, state, 'you');
    if (isFault(move))
      return {
        ok: false,
        detail: await withStderr(`the bot's reply to a turn request is not valid (${move.kind}: ${move.detail})`, bot),
      };
    return { ok: true, detail: `bot gave ${move.actions.length} action(s) in ${Math.round(reply.ms)} ms` };
  });
}
