// `arena.args` from a tournament config, snake_case as users type them in YAML.
import { z } from 'zod';

export const PokerArgs = z
  .object({
    /** Hands per sim. With duplicate deals a multiple of the player count keeps every deal
     *  balanced; 60 is one for every table size from 2 to 6. */
    hands: z.number().int().min(1).max(1000).default(60),
    /** Every player starts every hand with this many chips (stacks reset each hand). */
    starting_stack: z.number().int().min(2).max(1_000_000).default(1000),
    small_blind: z.number().int().min(1).default(5),
    big_blind: z.number().int().min(1).default(10),
    /** Replay every deal once per seat rotation (see BRIEF.md), cutting the luck of the cards. */
    duplicate: z.boolean().default(true),
    /** true: every hand starts at starting_stack (cash-game style, no one busts). false: chips
     *  carry over, a player with none sits out, the sim ends early when one player has them all. */
    reset_stacks: z.boolean().default(true),
  })
  .strict()
  // Messages follow the field's path in config errors: what is wrong, then the fix.
  .refine((a) => a.small_blind <= a.big_blind, {
    path: ['small_blind'],
    error: (iss) => `must not exceed big_blind (${bigBlindOf(iss.input)}); lower small_blind or raise big_blind`,
  })
  .refine((a) => a.starting_stack > a.big_blind, {
    path: ['starting_stack'],
    error: (iss) => `must exceed big_blind (${bigBlindOf(iss.input)}); raise starting_stack or lower big_blind`,
  });

const bigBlindOf = (input: unknown): unknown => (input as { big_blind?: unknown } | null)?.big_blind;
export type PokerArgs = z.infer<typeof PokerArgs>;
