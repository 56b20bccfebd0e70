// The contract between the host and agents/cli/runner/harness-runner.mjs, the small program that
// starts a CLI harness inside the player's workspace container.
import { z } from 'zod';

/** /codearena/phase/spec.json, written by the host (trusted), read by the runner. */
export interface HarnessRunSpec {
  /** Directories to create first (the harness's writable home and config dirs, under /tmp). */
  mkdirs: string[];
  /** [from, to]: config files copied from the read-only phase dir into a writable home. */
  copies: [string, string][];
  cwd: string;
  /** File whose content is the harness's stdin (the task). */
  stdin: string;
  /** A loopback TCP port forwarded to the gateway's unix socket, for harnesses that only take
   *  an http:// URL. */
  forward?: { port: number; socket: string };
  argv: string[];
  /** The harness's whole environment (nothing is inherited). */
  env: Record<string, string>;
}

/** The runner's one stdout line when the harness ended. Parsed on the host as hostile (the
 *  harness shares the container and could print a look-alike first; the last line counts). */
export const HarnessExit = z.object({
  code: z.number().int().nullable(),
  signal: z.string().nullable(),
  stdout: z.string(),
  stderr: z.string(),
});
export type HarnessExit = z.infer<typeof HarnessExit>;
