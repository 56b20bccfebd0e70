// A small tournament of every turn-based arena (process and data bots) through the codearena command, as users
// run it: a search agent tuning the starter's params.json, a reference bot held by a noop agent,
// validation, sims, replays. (RoboCode has its own: arenas/robocode/src/cli.docker.test.ts.)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { arenaIds, getArena } from '../arenas.ts';
import { codearenaCli } from '../cli/cli-process.fixture.ts';

const cliProcess = codearenaCli(900_000);
/** Short games where the arena has a knob for it: the subject is the tournament, not the game. */
const ARGS: Record<string, string> = {
  halite: '{ width: 16, height: 16 }',
  robotrumble: '{ max_turns: 40 }',
  poker: '{ hands: 10 }',
  corewar: '{ max_cycles: 20000 }',
};

describe.each(arenaIds().filter((id) => !getArena(id).arena.engine))('a %s tournament', (id) => {
  it('runs to the end with search and noop players, every codebase valid, replays with frames', () => {
    const entry = getArena(id);
    const [bot, botDir] = Object.entries(entry.bots).at(-1)!;
    const cfg = join(cliProcess.tmp, `${id}.yaml`);
    writeFileSync(
      cfg,
      [
        `tournament: { name: t-${id}, rounds: 1, sims_per_round: 2, sim_concurrency: 1, seed: 3 }`,
        `arena: { id: ${id}, args: ${ARGS[id] ?? '{}'} }`,
        'players:',
        '  - { name: tuner, agent: { kind: search, candidates: 1, sims_per_candidate: 2, step: 0.5 } }',
        `  - { name: ${bot}, agent: { kind: noop }, codebase: ${botDir} }`,
      ].join('\n'),
    );
    const r = cliProcess.run('run', cfg, '--quiet');
    expect(r.status, r.stderr + r.stdout).toBe(0);
    const run = join(
      cliProcess.tmp,
      'runs',
      readdirSync(join(cliProcess.tmp, 'runs')).find((d) => d.includes(`t-${id}`))!,
    );
    const results = JSON.parse(readFileSync(join(run, 'rounds', '1', 'results.json'), 'utf8')) as {
      validations: Record<string, { ok: boolean; detail: string }>;
    };
    for (const p of ['tuner', bot])
      expect(results.validations[p]?.ok, `${p}: ${results.validations[p]?.detail}`).toBe(true);
    const events = readFileSync(join(run, 'events.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; player?: string; exit?: string });
    expect(events.at(-1)!.type).toBe('tournament.finished');
    expect(['submitted', 'unchanged']).toContain(
      events.find((e) => e.type === 'edit.finished' && e.player === 'tuner')!.exit,
    );
    for (const sim of ['0', '1']) {
      const replay = JSON.parse(readFileSync(join(run, 'rounds', '1', 'sims', `${sim}.json`), 'utf8')) as {
        arena: string;
        frames: unknown[];
      };
      expect(replay.arena).toBe(id);
      expect(replay.frames.length).toBeGreaterThan(2);
    }
  });
});
