// Battle settings: `arena.args` from a tournament config (snake_case as users type them in
// YAML), defaulting to the ICWS'94 standard hill: core 8000, 80000 cycles, 8000 processes,
// length 100, distance 100.
import { z } from 'zod';

export interface Settings {
  coreSize: number;
  /** Cycles before a battle is a tie; each cycle every living warrior executes one instruction. */
  maxCycles: number;
  /** Processes per warrior. */
  maxProcesses: number;
  /** Instructions per warrior. */
  maxLength: number;
  /** Minimum distance between two warriors' first instructions. */
  minDistance: number;
  pspaceSize: number;
}

/** The most warriors in one battle (the manifest's players.max); placement relies on it. */
export const MAX_WARRIORS = 8;

export const CorewarArgs = z
  .object({
    core_size: z.number().int().min(16).max(65536).default(8000),
    max_cycles: z.number().int().min(1).max(10_000_000).default(80000),
    max_processes: z.number().int().min(1).max(65536).default(8000),
    max_length: z.number().int().min(1).max(1000).default(100),
    /** Default: max_length (100 by default), as pMARS. */
    min_distance: z.number().int().min(1).optional(),
    /** P-space cells per warrior; default coreSize / 16 (or the nearest divisor), as pMARS. */
    pspace_size: z.number().int().min(1).optional(),
  })
  .strict()
  // Messages follow the field's path in config errors (`arena.args.core_size: …`): the value,
  // what is wrong with it, then the fix.
  .superRefine((a, ctx) => {
    const minDistance = a.min_distance ?? a.max_length;
    if (minDistance < a.max_length) {
      ctx.addIssue({
        code: 'custom',
        path: ['min_distance'],
        message: `${minDistance} is less than max_length (${a.max_length}), so warriors could overlap; raise min_distance or lower max_length`,
      });
    }
    if (a.core_size < 2 * minDistance) {
      ctx.addIssue({
        code: 'custom',
        path: ['core_size'],
        message: `${a.core_size} is less than 2 × min_distance (${minDistance}); raise core_size or lower min_distance`,
      });
    }
    if (a.core_size < MAX_WARRIORS * a.max_length) {
      ctx.addIssue({
        code: 'custom',
        path: ['core_size'],
        message: `${a.core_size} cannot hold ${MAX_WARRIORS} warriors of max_length (${a.max_length}); raise core_size to at least ${MAX_WARRIORS * a.max_length} or lower max_length`,
      });
    }
    if (a.pspace_size !== undefined && a.pspace_size > a.core_size) {
      ctx.addIssue({
        code: 'custom',
        path: ['pspace_size'],
        message: `${a.pspace_size} exceeds core_size (${a.core_size}); lower pspace_size or leave it out for the default`,
      });
    }
  });
export type CorewarArgs = z.infer<typeof CorewarArgs>;

/** pMARS: the P-space is coreSize / i for the largest i ≤ 16 dividing coreSize. */
export function defaultPspaceSize(coreSize: number): number {
  for (let i = 16; i > 0; i--) if (coreSize % i === 0) return coreSize / i;
  return coreSize;
}

/** Battle settings from parsed args. */
export function settingsOf(a: CorewarArgs): Settings {
  return {
    coreSize: a.core_size,
    maxCycles: a.max_cycles,
    maxProcesses: a.max_processes,
    maxLength: a.max_length,
    minDistance: a.min_distance ?? a.max_length,
    pspaceSize: a.pspace_size ?? defaultPspaceSize(a.core_size),
  };
}

export const DEFAULT_SETTINGS: Settings = settingsOf(CorewarArgs.parse({}));
