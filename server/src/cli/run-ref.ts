// A run named on the command line (`--resume <run>`, `replay <run>`): a run folder's path, or a
// run id looked up in the runs folder. Errors say what was looked for and how to find the runs.
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { TournamentId, type TournamentConfig } from '@codearena/protocol';
import { RunFolder } from '../store/run-folder.ts';
import { UsageError } from './preflight.ts';

export interface RunRef {
  folder: RunFolder;
  id: string;
  /** The folder the run folder is in (where its index lives). */
  runsDir: string;
  config: TournamentConfig;
  rawConfig: string;
}

export function resolveRunRef(ref: string, runsDir: string, what: string): RunRef {
  const asDir = resolve(ref);
  const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();
  let dir: string;
  if (isDir(asDir) && existsSync(join(asDir, 'events.jsonl'))) dir = asDir;
  else if (TournamentId.safeParse(ref).success && isDir(join(runsDir, ref))) dir = join(runsDir, ref);
  else
    throw new UsageError(
      `${what}: no run "${ref}" — neither a run folder (a directory holding events.jsonl) nor a run id in ${runsDir}.\n` +
        `Fix: pass a run id from \`codearena list\` (add --runs <dir> if the runs live elsewhere), or the run folder's path.`,
    );
  const folder = new RunFolder(dir);
  if (!existsSync(folder.eventsFile))
    throw new UsageError(`${what}: ${dir} has no events.jsonl, so it is not a run folder (or its log was removed)`);
  const config = folder.readConfig();
  if (!config)
    throw new UsageError(
      `${what}: ${join(dir, 'config.json')} is missing or not a tournament config; the run cannot be continued without it`,
    );
  return { folder, id: basename(dir), runsDir: dirname(dir), config, rawConfig: folder.readConfigYaml() };
}
