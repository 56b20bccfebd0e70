// The codearena command as users run it: a real process, real Docker, its output and exit code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_BOTS, ROOT, arenaDir } from '../paths.ts';
import { listContainers } from '../sandbox/cleanup.ts';

const BIN = join(ROOT, 'server', 'bin', 'codearena.js');
let runs: string;
const env = () => ({ ...process.env, CODEARENA_RUNS: runs, NO_COLOR: '1' });
const cli = (...args: string[]) =>
  spawnSync('node', [BIN, ...args], { encoding: 'utf8', env: env(), timeout: 300_000 });

beforeAll(() => {
  runs = mkdtempSync(join(tmpdir(), 'codearena-cli-'));
});
afterAll(() => rmSync(runs, { recursive: true, force: true }));

const starter = join(arenaDir('battlesnake'), 'starter');
const reference = join(arenaDir('battlesnake'), 'bots', 'reference-js');

describe('codearena match', () => {
  it('prints one JSON object with the players in the order given', () => {
    const r = cli('match', 'battlesnake', reference, starter, '--sims', '4', '--seed', '3', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.sims).toBe(4);
    expect(out.players.map((p: { name: string }) => p.name)).toEqual(['reference-js', 'starter']);
    for (const p of out.players) {
      expect(Object.keys(p).sort()).toEqual(['faults', 'losses', 'name', 'ties', 'wins']);
      expect(p.wins + p.losses + p.ties).toBe(4);
    }
  });

  it('accepts any directory with an executable run, and reports faults in the table', () => {
    const r = cli('match', 'battlesnake', join(FIXTURE_BOTS, 'garbage'), starter, '--sims', '1');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/garbage\s+0\s+1\s+0\s+[1-9]/);
    expect(r.stdout).toContain('Faults');
  });

  it('refuses a directory without an executable run, naming the fix', () => {
    const empty = join(runs, 'empty');
    mkdirSync(empty, { recursive: true });
    const r = cli('match', 'battlesnake', empty, starter);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no executable `run`');
    expect(r.stderr).toContain('chmod +x');
  });

  it('names the known arenas for an unknown one', () => {
    const r = cli('match', 'chess', starter, starter);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('known arenas: battlesnake');
  });
});

describe('codearena run', () => {
  it('rejects a bad config with every problem, no stack trace, exit 2', () => {
    const bad = join(runs, 'bad.yaml');
    writeFileSync(
      bad,
      'tournament:\n  rounds: three\narena: { id: battlesnake }\nplayers:\n  - name: a\n    agent: { kind: gpt }\n  - name: b\n    agent: { kind: noop }\n',
    );
    const r = cli('run', bad);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('tournament.rounds');
    expect(r.stderr).toContain('players[0].agent.kind');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('runs a tournament to the end, then prints rounds and a leaderboard with intervals', () => {
    const cfg = join(runs, 'tiny.yaml');
    writeFileSync(
      cfg,
      'tournament: { rounds: 1, sims_per_round: 2, seed: 5 }\narena: { id: battlesnake }\nplayers:\n  - { name: left, agent: { kind: noop } }\n  - { name: right, agent: { kind: noop }, codebase: ' +
        reference +
        ' }\n',
    );
    const r = cli('run', cfg);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Rounds');
    expect(r.stdout).toMatch(/Winner: (left|right|tie)/);
    expect(r.stdout).toMatch(/95% CI/);
    expect(r.stdout).toMatch(/\[\d+, \d+\]/);
    const lb = cli('leaderboard', '--json');
    expect(lb.status).toBe(0);
    const rows = JSON.parse(lb.stdout).rows;
    expect(rows.map((x: { id: string }) => x.id).sort()).toEqual(['left', 'right']);
    for (const row of rows) expect(row.lo).toBeLessThanOrEqual(row.hi);
  });

  it('stops cleanly on Ctrl-C: exit 130, log closed as aborted, no containers left', async () => {
    const cfg = join(runs, 'long.yaml');
    writeFileSync(
      cfg,
      'tournament: { name: interrupted, rounds: 5, sims_per_round: 40, seed: 9 }\narena: { id: battlesnake }\nplayers:\n  - { name: a, agent: { kind: noop } }\n  - { name: b, agent: { kind: noop } }\n',
    );
    const child = spawn('node', [BIN, 'run', cfg], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let out = '';
    child.stdout.on('data', (b) => (out += b));
    const started = new Promise<void>((resolve) => {
      child.stderr.on('data', (b) => {
        err += b;
        if (/sims \d+\/40/.test(err)) resolve();
      });
    });
    await started;
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(out).toContain('aborted');
    // Only this tournament's containers: other codearena processes may share the daemon.
    expect((await listContainers()).filter((c) => c.runId.includes('-interrupted-'))).toEqual([]);
  });
});

describe('codearena arenas and doctor', () => {
  it('lists battlesnake', () => {
    const r = cli('arenas');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/battlesnake\s+BattleSnake/);
  });

  it('doctor passes on a set-up machine', () => {
    const r = cli('doctor');
    expect(r.stdout).toContain('Docker daemon');
    expect(r.stdout).toContain('all good');
    expect(r.status).toBe(0);
  });
});
