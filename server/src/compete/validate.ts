// Runs the arena's own check of a codebase inside the player's runtime. Never throws: an
// exception in the check is itself a failed validation with its message.
import type { Arena, Validation } from '@codearena/protocol';
import { execOnHost } from '../sandbox/collect.ts';
import type { PlayerRuntime } from './runtime.ts';

export async function validateCodebase(arena: Arena, rt: PlayerRuntime, args?: unknown): Promise<Validation> {
  try {
    return await arena.validate({
      codeDir: rt.codeDir,
      readFile: (path, maxBytes) => rt.reader.readFile(path, maxBytes),
      exec: (cmd, timeoutMs) => (rt.sandbox ? rt.sandbox.exec(cmd, { timeoutMs, cwd: rt.codeDir }) : execOnHost(cmd, rt.codeDir, { timeoutMs })),
      startBot: () => rt.startBot(),
      args,
    });
  } catch (e) {
    return { ok: false, detail: `validation failed: ${(e as Error).message}` };
  }
}
