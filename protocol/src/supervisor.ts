// The contract between the host and server/src/sandbox/supervisor.py, the process that starts a
// bot container's processes (one per container, see server/src/sandbox/supervisor.ts). JSON
// lines over the supervisor's exec stream, which only the host and the supervisor reach.
import { z } from 'zod';

/** Host → supervisor: run argv as uid:gid (never root) with these variables added. */
export interface SupervisorOrder {
  id: number;
  uid: number;
  gid: number;
  argv: string[];
  env: Record<string, string>;
}

/** Supervisor → host, one line each: ready (its pid in the container), a command started (its
 *  pid) or could not start (error), a command ended (exit: its code, 128 + signal when killed). */
export const SupervisorReply = z.union([
  z.object({ ready: z.number().int().positive() }),
  z.object({ id: z.number().int(), pid: z.number().int().positive() }),
  z.object({ id: z.number().int().nullable().optional(), error: z.string() }),
  z.object({ id: z.number().int(), exit: z.number().int() }),
]);
export type SupervisorReply = z.infer<typeof SupervisorReply>;
