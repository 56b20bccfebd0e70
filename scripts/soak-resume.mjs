#!/usr/bin/env node
// `npm run soak:resume [-- --kills N --seed S --keep]`: the long kill-anywhere resume test (issue
// 12). A BattleSnake tournament of a search agent and a noop agent runs once without interruption,
// then again SIGKILLed (its whole process group) at N seeded random moments across edit, validate
// and compete (default 25), each time resumed with `codearena run --resume`; it must end exactly
// like the first run, its log and index whole, no container and no lease left. Prints the kills
// per phase and the comparison; exit code 0 only when identical. The seed is printed; give it
// again (--seed or CODEARENA_SOAK_SEED) to aim at the same moments. The bounded version runs in
// `npm test` (server/src/tournament/kill-resume.docker.test.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { register } from 'tsx/esm/api';

register();
const { abandonRuns, killResume } = await import('../server/src/tournament/kill-resume.fixture.ts');

const usage = 'usage: soak-resume.mjs [--kills N] [--seed S] [--keep]   (N ≥ 1, S an integer)';
let opts;
try {
  opts = parseArgs({
    options: { kills: { type: 'string', default: '25' }, seed: { type: 'string' }, keep: { type: 'boolean' } },
  }).values;
} catch (e) {
  console.error(`${e.message}\n${usage}`);
  process.exit(2);
}
const kills = Number(opts.kills);
const seed = Number(opts.seed ?? process.env.CODEARENA_SOAK_SEED ?? Math.floor(Math.random() * 1e9));
if (!Number.isInteger(kills) || kills < 1 || !Number.isInteger(seed)) {
  console.error(`--kills must be a whole number ≥ 1 and --seed (or CODEARENA_SOAK_SEED) an integer\n${usage}`);
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'codearena-soak-resume-'));
const say = (line) => console.error(`[soak:resume] ${line}`);
let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    say(`${sig}: stopping the runs and removing their containers (the folder ${work} is kept)`);
    void abandonRuns(work).finally(() => process.exit(130));
  });
}

say(`seed ${seed}, ${kills} kills, working in ${work}`);
let report;
try {
  report = await killResume({
    config: {
      tournament: { rounds: 3, sims_per_round: 6, sim_concurrency: 2, seed: seed % 1000 },
      arena: { id: 'battlesnake' },
      players: [
        { name: 'tuner', agent: { kind: 'search', candidates: 3, sims_per_candidate: 2, step: 0.3 } },
        { name: 'control', agent: { kind: 'noop' } },
      ],
      limits: { edit_seconds: 300 },
    },
    kills,
    seed,
    work,
    log: say,
  });
} catch (e) {
  say(`FAILED: ${e.stack ?? e}`);
  await abandonRuns(work);
  say(`the runs and their output are kept in ${work}; reproduce with --seed ${seed}`);
  process.exit(1);
}

const { perPhase, differences } = report;
const phases = Object.entries(perPhase)
  .map(([p, n]) => `${p} ${n}`)
  .join(', ');
say(`${report.kills.length} kills (${phases}); ${report.attempts} processes; ${(report.ms / 60_000).toFixed(1)} min`);
say(`reference: ${report.referenceEvents} events`);
if (differences.length === 0) say('result: IDENTICAL to the uninterrupted run; log, index and leftovers clean');
else {
  say(`result: ${differences.length} DIFFERENCE(S):`);
  for (const d of differences) say(`  ${d}`);
}
const ok = differences.length === 0 && report.kills.length > 0;
if (ok && !opts.keep) rmSync(work, { recursive: true, force: true });
else say(`kept for inspection: ${work} (reproduce with --seed ${seed})`);
process.exit(ok ? 0 : 1);
