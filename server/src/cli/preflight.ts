// Checks made before any work starts, each failing with the fix in its message.
import { accessSync, constants, lstatSync, statSync } from 'node:fs';
import { join } from 'node:path';
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
    if (!(await imageExists(image)))
      throw new UsageError(`Docker image ${image} is missing.\nFix: run \`npm run setup\` to build it.`, 3);
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
