// Messages between `run --serve` (the supervisor) and the gateway's own process (child.ts), over
// Node's IPC channel. The parent sends the options once, then the live tournaments' events; the
// child says when it serves (or why it cannot) and answers pings so a hung gateway is noticed.
import { z } from 'zod';
import type { Event } from '@codearena/protocol';
import type { HubOptions } from './hub.ts';

export interface ChildOptions {
  /** The index the gateway reads, a SQLite path or a postgres:// URL (its own connection; the
   *  tournament writes through another). */
  index: string;
  host: string;
  port: number;
  portFallback: boolean;
  token: string | null;
  webDist?: string;
  pollMs?: number;
  hub?: HubOptions;
  /** <runs>/ladders: the ladders the API serves. */
  ladders?: string;
}

/** Parent → child. The token travels here, never on the command line (which every user can read). */
export type ToChild =
  | { type: 'start'; options: ChildOptions }
  | { type: 'live'; tournamentId: string }
  | { type: 'event'; event: Event }
  | { type: 'ping'; n: number }
  | { type: 'close' };

/** Child → parent, checked: the parent acts on nothing it did not expect. */
export const FromChild = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), port: z.number().int().min(1).max(65535), url: z.string() }),
  z.object({ type: z.literal('failed'), message: z.string(), config: z.boolean() }),
  z.object({ type: z.literal('pong'), n: z.number().int() }),
]);
export type FromChild = z.infer<typeof FromChild>;
