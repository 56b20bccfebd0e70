// `codearena campaign plan`, through the real binary: no Docker, no API key, nothing run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CampaignJob } from '@codearena/protocol';
import { ROOT } from '../paths.ts';

const DEMO = join(ROOT, 'configs', 'campaign-demo.yaml');
const dir = mkdtempSync(join(tmpdir(), 'codearena-campaign-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function codearena(...args: string[]) {
  // A runs folder of its own: plan must not create anything there.
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', CODEARENA_RUNS: join(dir, 'runs') };
  delete env.OPENAI_API_KEY;
  delete env.ANTHROPIC_API_KEY;
  return spawnSync('node', [join(ROOT, 'server', 'bin', 'codearena.js'), ...args], {
    encoding: 'utf8',
    env,
    timeout: 120_000,
  });
}

describe('codearena campaign plan', () => {
  it('prints every tournament of the demo campaign and the totals', () => {
    const r = codearena('campaign', 'plan', DEMO);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Campaign demo-campaign');
    expect(r.stdout).toMatch(/#\s+arena\s+players\s+repeat\s+seed\s+run id/);
    expect(r.stdout).toMatch(
      /^ 0 {2}battlesnake {2}tuner vs control +0 +\d+ {2}demo-campaign-battlesnake-tuner-control-r0$/m,
    );
    expect(r.stdout).toMatch(/^11 {2}corewar {6}control vs dwarf +1 +\d+ {2}demo-campaign-corewar-control-dwarf-r1$/m);
    expect(r.stdout).toMatch(/^tournaments +12$/m);
    // 12 tournaments × (2 rounds + round 0) × 4 sims; 12 × 2 rounds × 2 players.
    expect(r.stdout).toMatch(/^sims +144 /m);
    expect(r.stdout).toMatch(/^edit phases +48 /m);
    expect(r.stdout).toContain('model spend  at most $0.00');
    expect(r.stdout).toContain('call no model: tuner, control, dwarf');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--json: the jobs and totals as one JSON object', () => {
    const r = codearena('campaign', 'plan', DEMO, '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { campaign: string; jobs: unknown[]; totals: { tournaments: number } };
    expect(out.campaign).toBe('demo-campaign');
    const jobs = out.jobs.map((j) => CampaignJob.parse(j));
    expect(jobs.map((j) => j.index)).toEqual([...Array(12).keys()]);
    expect(new Set(jobs.map((j) => j.runId)).size).toBe(12);
    expect(jobs[8]?.config.players.find((p) => p.name === 'dwarf')?.codebase).toBe(
      join(ROOT, 'arenas', 'corewar', 'bots', 'dwarf'),
    );
    expect(out.totals.tournaments).toBe(12);
  });

  it('a bad spec: exit 2 and one message naming every problem, nothing on stdout', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      [
        'campaign: { name: x, seed: 1 }',
        'arenas: [ { id: battlesnak } ]',
        'pairing: roundrobin',
        'roster:',
        '  - { name: a, agent: { kind: noop } }',
        '  - { name: b, agent: { kind: nop } }',
        '',
      ].join('\n'),
    );
    const r = codearena('campaign', 'plan', bad);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        `error: ${bad} has 3 problems:`,
        '  line 2: arenas[0].id: "battlesnak" is not a known arena; use one of: battlesnake, corewar, halite, poker, robocode, robotrumble (did you mean "battlesnake"?)',
        '  line 3: pairing: "roundrobin" is not allowed; use one of: round-robin, all-play-all (did you mean "round-robin"?)',
        '  line 6: roster[1].agent.kind: "nop" is not an agent kind; use one of: noop, search, llm, cli (did you mean "noop"?)',
        '',
      ].join('\n'),
    );
  });
});
