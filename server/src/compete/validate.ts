// Runs the arena's own check of a codebase inside the player's runtime. Never throws: an
// exception in the check is itself a failed validation with its message.
import { type Arena, LimitsConfig, type Validation, type ValidateContext } from '@codearena/protocol';
import { execOnHost } from '../sandbox/collect.ts';
import { InfraError } from '../sandbox/infra-error.ts';
import { sandboxLimitsFrom } from '../sandbox/limits.ts';
import { type PlayerRuntime, openRuntime } from './runtime.ts';

/** What an arena's validate() gets for a codebase in this runtime. */
export function validateContext<Args>(rt: PlayerRuntime, args: Args): ValidateContext<Args> {
  return {
    codeDir: rt.codeDir,
    readFile: (path, maxBytes) => rt.reader.readFile(path, maxBytes),
    exec: (cmd, timeoutMs) =>
      rt.sandbox ? rt.sandbox.exec(cmd, { timeoutMs, cwd: rt.codeDir }) : execOnHost(cmd, rt.codeDir, { timeoutMs }),
    startBot: () => rt.startBot(),
    args,
  };
}

/** `args`: the tournament's parsed arena args (default: the arena's defaults). */
export async function validateCodebase(arena: Arena, rt: PlayerRuntime, args?: unknown): Promise<Validation> {
  try {
    return await arena.validate(validateContext(rt, args === undefined ? arena.parseArgs(undefined) : args));
  } catch (e) {
    return { ok: false, detail: `validation failed: ${(e as Error).message}` };
  }
}

/** Validation that infrastructure cannot fail: a failed check on a container that died (or a
 *  daemon that stopped answering) is repeated on a fresh container; when that keeps failing it
 *  throws an InfraError instead of blaming the codebase. */
export async function validateOnWorkingInfra(
  arena: Arena,
  rt: PlayerRuntime,
  args?: unknown,
  attempts = 3,
): Promise<Validation> {
  for (let attempt = 1; ; attempt++) {
    const v = await validateCodebase(arena, rt, args);
    if (v.ok) return v;
    const problem = await rt.checkInfra();
    if (problem === null) return v;
    if (attempt >= attempts)
      throw new InfraError(
        `validating ${rt.name} failed ${attempt} times on broken infrastructure; the last: ${problem}`,
      );
    await rt.recover();
  }
}

/** The context of a codebase run as bare host processes, for arenas' own tests of validate()
 *  (never for untrusted code). dispose() stops any bot process it started. */
export async function hostValidateContext<Args>(
  arena: Arena<unknown, unknown, Args>,
  dir: string,
  args?: Args,
): Promise<ValidateContext<Args> & { dispose(): Promise<void> }> {
  const limits = sandboxLimitsFrom(LimitsConfig.parse({}));
  const rt = await openRuntime('test', dir, {
    mode: 'host',
    arena: arena as Arena,
    runId: 'test',
    limits,
    role: 'test',
  });
  return { ...validateContext(rt, args ?? arena.parseArgs(undefined)), dispose: () => rt.dispose() };
}
