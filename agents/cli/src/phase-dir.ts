// The files of one harness phase in the phase's private host dir (EditContext.privateDir, mounted
// read-only at /codearena/phase): the run spec, the task, the harness's config, the gateway's
// socket. They hold the phase's gateway token, so each belongs to the workspace's user alone.
import { chmodSync, chownSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Gives a path to the workspace user alone. Without root the host cannot give files away; the
 *  workspace then runs as the host user, who owns them already. */
export function giveToWorkspace(path: string, user: { uid: number; gid: number }): void {
  if (process.getuid?.() === 0) chownSync(path, user.uid, user.gid);
  chmodSync(path, 0o600);
}

export function writePhaseFile(dir: string, name: string, text: string, user: { uid: number; gid: number }): void {
  const path = join(dir, name);
  writeFileSync(path, text, { mode: 0o600 });
  giveToWorkspace(path, user);
}
