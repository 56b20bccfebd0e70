// Where everything of one run lives on disk (runs/<id>/...). One place, so the CLI, agents'
// log mounts and the web view agree.
import { join } from 'node:path';

export function runLayout(runDir: string) {
  return {
    runDir,
    configYaml: join(runDir, 'config.yaml'),
    roundsDir: join(runDir, 'rounds'),
    roundDir: (r: number) => join(runDir, 'rounds', String(r)),
    roundResults: (r: number) => join(runDir, 'rounds', String(r), 'results.json'),
    replay: (r: number, sim: number) => join(runDir, 'rounds', String(r), 'sims', `${sim}.json`),
    repo: (player: string) => join(runDir, 'players', player, 'repo'),
    diff: (player: string, r: number) => join(runDir, 'players', player, 'diffs', `round-${r}.diff`),
    trajectory: (player: string, r: number) => join(runDir, 'players', player, 'trajectory', `round-${r}.jsonl`),
    scratch: (player: string, r: number) => join(runDir, 'players', player, 'scratch', `round-${r}`),
    snapshot: (r: number, player: string) => join(runDir, 'snapshots', `round-${r}`, player),
  };
}
export type RunLayout = ReturnType<typeof runLayout>;

/** A sortable, readable run id: 20261125-071700-demo-3f9a. */
export function newRunId(name: string, now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}-${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}`;
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 32) || 'run';
  const rand = Math.floor(Math.random() * 0xffff).toString(16).padStart(4, '0');
  return `${stamp}-${slug}-${rand}`;
}
