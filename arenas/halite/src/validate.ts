// Pre-match check of a codebase: it has an executable `run`, its bot answers the init message
// with {"ready": true} and one frame with a well-formed moves reply. Never throws.
import type { ValidateContext, Validation } from '@codearena/protocol';
import { createRng, isFault, validateWithBot, withStderr } from '@codearena/protocol';
import { frameMessage, initMessage } from './api.ts';
import { parseMoves, parseReady } from './parse-move.ts';
import { createGame, step } from './rules.ts';

/** Generous: the first reply includes interpreter start-up inside a cold container. */
export const VALIDATE_DEADLINE_MS = 10_000;
const PLAYERS = ['you', 'opponent'] as const;

export function validate(ctx: ValidateContext): Promise<Validation> {
  return validateWithBot(ctx, async (bot) => {
    let state = createGame(PLAYERS, createRng('halite-validate'), { width: 20, height: 20 });
    const fail = async (what: string) => ({ ok: false, detail: await withStderr(what, bot) });
    const ready = await bot.request(initMessage(state, 'you'), VALIDATE_DEADLINE_MS);
    if (!ready.ok) return fail(`no usable reply to the init message (${ready.fault.kind}: ${ready.fault.detail})`);
    const ack = parseReady(ready.value);
    if (isFault(ack)) return fail(`the reply to the init message is not {"ready":true} (${ack.detail})`);
    state = step(state, new Map([...PLAYERS].map((p) => [p, { ready: true }])));
    const reply = await bot.request(frameMessage(state, 'you'), VALIDATE_DEADLINE_MS);
    if (!reply.ok) return fail(`no usable reply to a frame (${reply.fault.kind}: ${reply.fault.detail})`);
    const moves = parseMoves(reply.value, state, 1);
    if (isFault(moves)) return fail(`the reply to a frame is not a valid moves reply (${moves.kind}: ${moves.detail})`);
    return {
      ok: true,
      detail: `bot answered init and a frame (${moves.moves.length} moves) in ${Math.round(reply.ms)} ms`,
    };
  });
}
