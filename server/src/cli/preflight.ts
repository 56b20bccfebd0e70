// Checks made before any work starts, each failing with the fix in its message.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, lstatSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  ensureHarness,
  harnessTitle,
  installedHarness,
  type PresetHarness,
} from '@codearena/agent-cli/install/harness-cache.ts';
import type { TournamentConfig } from '@codearena/protocol';
import { ROOT, arenaDir } from '../paths.ts';
import { dockerAvailable, imageExists } from '../sandbox/docker-client.ts';

export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export async function requireDocker(images: string[]): Promise<void> {
  const d = await dockerAvailable();
  if (!d.ok)
    throw new UsageError(
      `Docker is not reachable (${d.error}).\nFix: run \`npm run setup\` (installs and starts Docker on Debian as root), or start your Docker daemon.`,
      3,
    );
  for (const image of images) {
    if (await imageExists(image)) continue;
    // Arena images that only their arena needs (a JDK, say) are built the first time it is used.
    const arena = onDemandArena(image);
    if (arena) {
      process.stderr.write(`codearena: building the ${arena} image ${image} (first use of the arena; once)\n`);
      const built = spawnSync('bash', [join(ROOT, 'docker', 'setup.sh'), '--arena', arena], {
        cwd: ROOT,
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      if (built.status === 0 && (await imageExists(image))) continue;
      throw new UsageError(
        `Docker image ${image} could not be built (setup exit ${built.status ?? built.signal}).\nFix: run \`bash docker/setup.sh --arena ${arena}\` and read its messages.`,
        3,
      );
    }
    throw new UsageError(`Docker image ${image} is missing.\nFix: run \`npm run setup\` to build it.`, 3);
  }
}

/** The arena whose own recipe (arenas/<id>/image/build.sh) makes `image`, if any: such images
 *  are built at the arena's first use. */
export function onDemandArena(image: string): string | null {
  const m = /^codearena\/([a-z][a-z0-9-]*):latest$/.exec(image);
  return m && existsSync(join(arenaDir(m[1]!), 'image', 'build.sh')) ? m[1]! : null;
}

/** Harness programs (Claude Code, Codex) that cli players use are installed on the host at their
 *  first use, before the tournament starts, with progress on stderr; `harness: command` brings
 *  its own program. */
export async function requireHarnesses(configs: readonly TournamentConfig[]): Promise<void> {
  const used = new Set<PresetHarness>();
  for (const c of configs)
    for (const { agent } of c.players) if (agent.kind === 'cli' && agent.harness !== 'command') used.add(agent.harness);
  for (const h of used) {
    if (installedHarness(h)) continue;
    process.stderr.write(`codearena: the ${harnessTitle(h)} harness is not installed yet (first use; once)\n`);
    try {
      await ensureHarness(h, { log: (line) => process.stderr.write(`codearena: ${line}\n`) });
    } catch (e) {
      // Its message names what failed and the fix.
      throw new UsageError((e as Error).message, 3);
    }
  }
}

/** A process-bot codebase is a directory with an executable `run` at its root. */
export function requireCodebase(dir: string): void {
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new UsageError(`codebase ${dir} does not exist; pass a directory holding an executable \`run\` file`);
  }
  if (!st.isDirectory())
    throw new UsageError(`codebase ${dir} is not a directory; pass the directory that holds \`run\``);
  try {
    accessSync(join(dir, 'run'), constants.X_OK);
  } catch {
    throw new UsageError(
      `codebase ${dir} has no executable \`run\` file at its root.\nFix: add one (e.g. \`#!/bin/sh\\nexec python3 main.py\`) and \`chmod +x ${join(dir, 'run')}\``,
    );
  }
}

/** A data-bot codebase is a directory holding the arena's data files (e.g. CoreWar's warrior.red). */
export function requireDataCodebase(dir: string, files: readonly string[]): void {
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new UsageError(`codebase ${dir} does not exist; pass a directory holding ${files.join(', ')}`);
  }
  if (!st.isDirectory())
    throw new UsageError(`codebase ${dir} is not a directory; pass the directory that holds ${files.join(', ')}`);
  for (const f of files) {
    let ok = false;
    try {
      ok = lstatSync(join(dir, f)).isFile();
    } catch {
      /* missing */
    }
    if (!ok)
      throw new UsageError(
        `codebase ${dir} has no ${f} at its root (a regular file; symlinks are refused).\nFix: add ${f} to ${dir}`,
      );
  }
}
