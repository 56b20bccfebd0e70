// `codearena list` and `codearena doctor` as users run them (the real binary): a tournament whose
// process was killed shows as interrupted, with the command that resumes it; one still held by its
// process shows as running.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../paths.ts';
import { tournamentEvents } from '../store/events.fixture.ts';
import { StoreIndex } from '../store/index-db.ts';
import { RunFolder } from '../store/run-folder.ts';
import { type LeaseHandle, acquireLease } from '../store/run-lease.ts';
import { killContenders, killedHolder } from '../store/run-lease.fixture.ts';

const BIN = join(ROOT, 'server', 'bin', 'codearena.js');
let runs: string;
let held: LeaseHandle;
const cli = (...args: string[]) =>
  spawnSync('node', [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CODEARENA_RUNS: join(runs, 'elsewhere'), NO_COLOR: '1' },
    timeout: 300_000,
  });

/** A tournament's log (whole, or cut off before round 2 as by a crash), written and indexed. */
function logged(store: StoreIndex, id: string, t0: number, whole: boolean): RunFolder {
  const folder = new RunFolder(join(runs, id));
  const all = tournamentEvents({ id, runDir: folder.runDir, t0 });
  const events = whole
    ? all
    : all.slice(
        0,
        all.findIndex((e) => e.type === 'round.started' && e.round === 2),
      );
  const log = folder.openLog();
  for (const e of events) log.append(e);
  log.close();
  store.ingestMany(events);
  return folder;
}

beforeAll(async () => {
  runs = mkdtempSync(join(tmpdir(), 'codearena-list-'));
  const store = new StoreIndex(join(runs, 'codearena.sqlite'));
  logged(store, 'old-finished', 1_760_000_000_000, true);
  await killedHolder(logged(store, 'mid-killed', 1_760_000_100_000, false));
  held = acquireLease(logged(store, 'new-running', 1_760_000_200_000, false));
  store.close();
});
afterAll(() => {
  held.release();
  killContenders();
  rmSync(runs, { recursive: true, force: true });
});

describe('codearena list', () => {
  it('lists newest first with honest status, rounds done and the resume command', () => {
    const r = cli('list', '--runs', runs);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^id\s+name\s+arena\s+status\s+rounds\s+winner$/);
    expect(lines[2]).toMatch(/^new-running\s+smoke\s+battlesnake\s+running\s+1\/2\s+—$/);
    expect(lines[3]).toMatch(/^mid-killed\s+smoke\s+battlesnake\s+interrupted\s+1\/2\s+—$/);
    expect(lines[4]).toMatch(/^old-finished\s+smoke\s+battlesnake\s+finished\s+2\/2\s+bob$/);
    expect(r.stdout).toContain(`interrupted mid-killed — resume: codearena run --resume mid-killed --runs ${runs}`);
    expect(r.stdout).not.toContain('resume: codearena run --resume new-running');
  });

  it('--json gives the same, machine-readable', () => {
    const r = cli('list', '--runs', runs, '--json');
    expect(r.status).toBe(0);
    const { tournaments } = JSON.parse(r.stdout) as {
      tournaments: { id: string; status: string; roundsDone: number; resume: string | null }[];
    };
    expect(tournaments.map((t) => [t.id, t.status, t.roundsDone, t.resume])).toEqual([
      ['new-running', 'running', 1, null],
      ['mid-killed', 'interrupted', 1, `codearena run --resume mid-killed --runs ${runs}`],
      ['old-finished', 'finished', 2, null],
    ]);
  });
});

describe('codearena doctor', () => {
  it('lists the interrupted tournaments of --runs with their resume commands', () => {
    const r = cli('doctor', '--runs', runs);
    expect(r.stdout).toContain(`runs folder: ${runs}`);
    expect(r.stdout).toContain('! interrupted tournaments: 1: mid-killed');
    expect(r.stdout).toContain(`fix: codearena run --resume mid-killed --runs ${runs}`);
    // A note, not a problem of the machine: it alone does not fail the check-up.
    expect(r.stdout).not.toMatch(/✗ interrupted/);
  });

  it('reports none for a store without interrupted tournaments', () => {
    const empty = join(runs, 'empty');
    const r = cli('doctor', '--runs', empty);
    expect(r.stdout).toContain('✓ interrupted tournaments: none');
  });
});
