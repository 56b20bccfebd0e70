// `arena.args` from a tournament config. Without a size, the map side is drawn from the
// original's list (environment/main.cpp: 20, 25, 25, 30, 30, 30, 35 ... 50, square maps).
import { z } from 'zod';

export const MAP_SIDES = [20, 25, 25, 30, 30, 30, 35, 35, 35, 35, 40, 40, 40, 45, 45, 50] as const;

export const HaliteArgs = z
  .object({
    /** Asked map width; the generator may cut a few columns so the map tiles evenly. 12 is the
     *  least at which every player count gets a map. */
    width: z.number().int().min(12).max(50).optional(),
    height: z.number().int().min(12).max(50).optional(),
  })
  .strict();
export type HaliteArgs = z.infer<typeof HaliteArgs>;
