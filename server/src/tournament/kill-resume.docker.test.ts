// Kill -9 anywhere, resume, the same result (issue 12): a BattleSnake tournament of a search agent
// and a noop agent is SIGKILLed (its whole process group) at seeded random moments across edit,
// validate and compete, each time resumed with `codearena run --resume`, and must end with the
// rounds table, per-sim results, ratings, edits, results files and diffs of the same tournament
// run without interruption; its log without gaps, its index equal to a reindex, no container and
// no lease left. The long version is `npm run soak:resume` (scripts/soak-resume.mjs).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type KillResumeReport, abandonRuns, killResume } from './kill-resume.fixture.ts';

const KILLS = 7;
const seed = Number(process.env.CODEARENA_SOAK_SEED ?? 12);
let work: string;
let report: KillResumeReport;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'codearena-kill-resume-'));
  report = await killResume({
    config: {
      tournament: { rounds: 2, sims_per_round: 4, sim_concurrency: 2, seed: 5 },
      arena: { id: 'battlesnake' },
      players: [
        { name: 'tuner', agent: { kind: 'search', candidates: 3, sims_per_candidate: 2, step: 0.3 } },
        { name: 'control', agent: { kind: 'noop' } },
      ],
      limits: { edit_seconds: 300 },
    },
    kills: KILLS,
    seed,
    work,
    log: (line) => process.stderr.write(`[kill-resume] ${line}\n`),
  });
  process.stderr.write(
    `[kill-resume] seed ${seed}: ${report.kills.length} kills ${JSON.stringify(report.perPhase)}, ` +
      `${report.attempts} processes, ${(report.ms / 1000).toFixed(0)} s\n`,
  );
}, 900_000);

afterAll(async () => {
  if (work) {
    await abandonRuns(work);
    rmSync(work, { recursive: true, force: true });
  }
});

describe(`a tournament SIGKILLed ${KILLS} times and resumed (seed from CODEARENA_SOAK_SEED, default 12)`, () => {
  it('was killed in every phase: edit, validate and compete', () => {
    // A kill aimed at the very end may find the run already done (it then just finished).
    expect(report.kills.length).toBeGreaterThanOrEqual(KILLS - 1);
    expect(report.attempts).toBe(report.kills.length + 1);
    expect(report.perPhase.edit, JSON.stringify(report.kills)).toBeGreaterThan(0);
    expect(report.perPhase.validate, JSON.stringify(report.kills)).toBeGreaterThan(0);
    expect(report.perPhase.compete, JSON.stringify(report.kills)).toBeGreaterThan(0);
  });

  it('ends exactly as the run without interruption, its log and index whole, nothing left behind', () => {
    expect(report.differences).toEqual([]);
  });
});
