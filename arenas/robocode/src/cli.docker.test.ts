// RoboCode through the codearena command, as users run it: `match` with JSON out, and a small
// tournament to the end with a search agent (tuning the starter's params.json, compiled into
// the robot) and noop players, whose replays hold frames the renderer accepts.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codearenaCli } from '@codearena/server/cli/cli-process.fixture.ts';
import { RobocodeFrame } from './frame.ts';

const ARENA = join(dirname(fileURLToPath(import.meta.url)), '..');
const cliProcess = codearenaCli(900_000);
const cli = cliProcess.run;

const starter = join(ARENA, 'starter');
const bot = (name: string) => join(ARENA, 'bots', name);

describe('codearena match robocode', () => {
  it('plays the starter against a reference robot and prints one JSON object; same seed, same battles', () => {
    const r = cli('match', 'robocode', starter, bot('sitter'), '--sims', '2', '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { sims: number; players: { name: string; wins: number; faults: number }[] };
    expect(out.sims).toBe(2);
    expect(out.players.map((p) => p.name)).toEqual(['starter', 'sitter']);
    expect(out.players[0]!.wins).toBe(2); // the sitter never moves
    expect(out.players.map((p) => p.faults)).toEqual([0, 0]);
    expect(JSON.parse(cli('match', 'robocode', starter, bot('sitter'), '--sims', '2', '--json').stdout)).toEqual(out);
  });

  it('refuses a codebase without robot.json, naming the fix', () => {
    const r = cli('match', 'robocode', cliProcess.tmp, bot('sitter'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('has no robot.json at its root');
  });
});

describe('a RoboCode tournament', () => {
  it('runs to the end with search and noop players; replays hold frames a viewer can draw', () => {
    const cfg = join(cliProcess.tmp, 'robocode.yaml');
    writeFileSync(
      cfg,
      [
        'tournament: { name: rc, rounds: 1, sims_per_round: 2, sim_concurrency: 1, seed: 5 }',
        'arena: { id: robocode, args: { rounds: 2, width: 600, height: 600 } }',
        'players:',
        '  - { name: tuner, agent: { kind: search, candidates: 1, sims_per_candidate: 2, step: 0.5 } }',
        `  - { name: wallrider, agent: { kind: noop }, codebase: ${bot('wallrider')} }`,
        '  - { name: control, agent: { kind: noop } }',
        'limits: { edit_seconds: 600 }',
      ].join('\n'),
    );
    const r = cli('run', cfg, '--quiet');
    expect(r.status, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toMatch(/Winner: (tuner|wallrider|control|tie)/);
    const run = join(
      cliProcess.tmp,
      'runs',
      readdirSync(join(cliProcess.tmp, 'runs')).find((d) => d.includes('rc'))!,
    );
    const results = JSON.parse(readFileSync(join(run, 'rounds', '1', 'results.json'), 'utf8')) as {
      validations: Record<string, { ok: boolean; detail: string }>;
    };
    for (const p of ['tuner', 'wallrider', 'control'])
      expect(results.validations[p], p).toMatchObject({ ok: true, detail: expect.stringMatching(/builds and plays/) });
    const events = readFileSync(join(run, 'events.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; player?: string; exit?: string; fault?: unknown });
    expect(events.at(-1)!.type).toBe('tournament.finished');
    // The search agent played its self-play battles in the engine and ended normally.
    const tuned = events.find((e) => e.type === 'edit.finished' && e.player === 'tuner')!;
    expect(['submitted', 'unchanged']).toContain(tuned.exit);
    expect(events.filter((e) => e.type === 'fault')).toEqual([]);
    for (const sim of ['0', '1']) {
      const replay = JSON.parse(readFileSync(join(run, 'rounds', '1', 'sims', `${sim}.json`), 'utf8')) as {
        arena: string;
        frames: unknown[];
        turns: number;
      };
      expect(replay.arena).toBe('robocode');
      expect(replay.turns).toBeGreaterThan(0);
      expect(replay.frames.length).toBeGreaterThan(10);
      for (const f of replay.frames) expect(RobocodeFrame.safeParse(f).success).toBe(true);
      expect((replay.frames[0] as RobocodeFrame).players).toEqual(['tuner', 'wallrider', 'control']);
    }
  });
});
