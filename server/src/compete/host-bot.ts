// A codebase's bot as a bare host process, through the same client a tournament uses: for tests
// of our own shipped bots (never for untrusted code; tournaments run bots in sandboxes).
import { join } from 'node:path';
import type { BotClient, Fault } from '@codearena/protocol';
import { spawnHostProcess } from '../sandbox/host-process.ts';
import { type BotClientOptions, createBotClient } from './bot-client.ts';

export function startHostBot(dir: string, o?: BotClientOptions): BotClient & { readonly dead: Fault | null } {
  return createBotClient(spawnHostProcess([join(dir, 'run')], dir), o);
}
