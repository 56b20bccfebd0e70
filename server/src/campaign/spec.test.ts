import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, formatIssue } from '../config/index.ts';
import { ROOT } from '../paths.ts';
import { loadCampaignSpec, parseCampaignText } from './spec.ts';

const dir = mkdtempSync(join(tmpdir(), 'codearena-campaign-spec-'));
mkdirSync(join(dir, 'bots', 'snake'), { recursive: true });
mkdirSync(join(dir, 'bots', 'warrior'), { recursive: true });
writeFileSync(join(dir, 'bots', 'warrior', 'warrior.red'), 'MOV 0, 1\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GOOD = `
campaign: { name: study, repeats: 2, seed: 7 }
tournament: { rounds: 2, sims_per_round: 4 }
arenas:
  - id: battlesnake
  - id: corewar
    args: {}
pairing: round-robin
roster:
  - name: tuner
    agent: { kind: search }
  - name: control
    agent: { kind: noop }
  - name: dwarf
    agent: { kind: noop }
    codebase: { corewar: bots/warrior, battlesnake: bots/snake }
limits: { edit_seconds: 60 }
`;

function problems(text: string): string[] {
  try {
    parseCampaignText(text, dir, 'spec.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).issues.map(formatIssue);
  }
  throw new Error('spec was accepted');
}

const variant = (from: string, to: string): string => {
  expect(GOOD).toContain(from);
  return GOOD.replace(from, to);
};

describe('loadCampaignSpec: good specs', () => {
  it('fills in defaults and keeps codebases as written', () => {
    const spec = parseCampaignText(GOOD, dir, 'good.yaml');
    expect(spec.campaign).toEqual({ name: 'study', repeats: 2, seed: 7 });
    expect(spec.tournament).toEqual({ rounds: 2, sims_per_round: 4, sim_concurrency: 2, transparent: false });
    expect(spec.arenas).toEqual([
      { id: 'battlesnake', args: {} },
      { id: 'corewar', args: {} },
    ]);
    expect(spec.pairing).toBe('round-robin');
    expect(spec.roster[2]?.codebase).toEqual({ corewar: 'bots/warrior', battlesnake: 'bots/snake' });
    expect(spec.limits.edit_seconds).toBe(60);
  });

  it('loads the shipped example, configs/campaign-demo.yaml', () => {
    const loaded = loadCampaignSpec(join(ROOT, 'configs', 'campaign-demo.yaml'));
    expect(loaded.baseDir).toBe(join(ROOT, 'configs'));
    expect(loaded.spec.arenas.map((a) => a.id)).toEqual(['battlesnake', 'corewar']);
    expect(loaded.raw).toContain('campaign:');
  });

  it('pairing defaults to round-robin; explicit groups and all-play-all are accepted', () => {
    expect(parseCampaignText(GOOD.replace('pairing: round-robin\n', ''), dir).pairing).toBe('round-robin');
    expect(parseCampaignText(variant('round-robin', 'all-play-all'), dir).pairing).toBe('all-play-all');
    expect(
      parseCampaignText(variant('round-robin', '[[tuner, control], [control, dwarf, tuner]]'), dir).pairing,
    ).toEqual([
      ['tuner', 'control'],
      ['control', 'dwarf', 'tuner'],
    ]);
  });
});

describe('loadCampaignSpec: each problem names the field, its line and the fix', () => {
  it('unknown arena lists the known ids', () => {
    expect(problems(variant('  - id: battlesnake', '  - id: battlesnak'))).toEqual([
      'line 5: arenas[0].id: "battlesnak" is not a known arena; use one of: battlesnake, corewar, halite, poker, robocode, robotrumble (did you mean "battlesnake"?)',
    ]);
  });

  it('an arena listed twice', () => {
    expect(problems(variant('  - id: corewar', '  - id: battlesnake'))).toEqual([
      'line 16: roster[2].codebase.corewar: "corewar" is not one of the campaign\'s arenas (battlesnake); add it to arenas or remove this line',
      'line 6: arenas[1].id: battlesnake is also arenas[0]; list each arena once (one tournament set per arena)',
    ]);
  });

  it("bad arena args, checked by the arena's own schema", () => {
    expect(problems(variant('  - id: battlesnake', '  - { id: battlesnake, args: { width: 100 } }'))).toEqual([
      'line 5: arenas[0].args.width: expected a whole number from 5 to 25, got 100',
    ]);
  });

  it('a group size the arena does not allow', () => {
    const five = variant(
      'limits:',
      '  - { name: e, agent: { kind: noop } }\n  - { name: f, agent: { kind: noop } }\nlimits:',
    );
    expect(problems(five.replace('round-robin', 'all-play-all'))).toEqual([
      'line 8: pairing: all-play-all puts the whole roster (5) in one tournament, but battlesnake is played by 2 to 4 players; use round-robin or explicit groups of 2 to 4',
    ]);
    expect(problems(five.replace('round-robin', '[[tuner, control], [tuner, control, dwarf, e, f]]'))).toEqual([
      'line 8: pairing[1]: a group of 5, but battlesnake is played by 2 to 4 players; make it smaller',
    ]);
  });

  it('unknown names in explicit groups, a name twice in a group, the same group twice', () => {
    expect(
      problems(variant('round-robin', '[[tuner, contrl], [dwarf, dwarf], [control, tuner], [tuner, control]]')),
    ).toEqual([
      'line 8: pairing[0][1]: "contrl" is not in the roster; use roster names: tuner, control, dwarf (did you mean "control"?)',
      'line 8: pairing[1][1]: "dwarf" is twice in this group; a player plays once per group',
      'line 8: pairing[3]: the same players as pairing[2]; remove it, or raise campaign.repeats to play a group more often',
    ]);
  });

  it('a misspelt pairing gets a suggestion', () => {
    expect(problems(variant('round-robin', 'roundrobin'))).toEqual([
      'line 8: pairing: "roundrobin" is not allowed; use one of: round-robin, all-play-all (did you mean "round-robin"?)',
    ]);
    expect(problems(variant('round-robin', '5'))).toEqual([
      'line 8: pairing: use round-robin, all-play-all, or a list of groups of roster names such as [[a, b], [a, c, d]]',
    ]);
  });

  it('duplicate player names', () => {
    expect(problems(variant('  - name: dwarf', '  - name: tuner'))).toEqual([
      'line 14: roster[2].name: "tuner" is also the name of roster[0]; player names must be unique, rename one of them',
    ]);
  });

  it('a codebase map naming an arena the campaign does not play', () => {
    expect(problems(variant('battlesnake: bots/snake', 'battlesnak: bots/snake'))).toEqual([
      'line 16: roster[2].codebase.battlesnak: "battlesnak" is not one of the campaign\'s arenas (battlesnake, corewar); add it to arenas or remove this line (did you mean "battlesnake"?)',
    ]);
  });

  it('a codebase that does not exist, per arena', () => {
    expect(problems(variant('corewar: bots/warrior', 'corewar: bots/warior'))).toEqual([
      `line 16: roster[2].codebase.corewar: directory ${join(dir, 'bots', 'warior')} does not exist (did you mean "bots/warrior"?); relative paths start at the config file's directory, ${dir}`,
    ]);
  });

  it('a codebase that fails the hardened copy check (a FIFO in it)', () => {
    const bad = join(dir, 'bots', 'fifo');
    mkdirSync(bad, { recursive: true });
    execFileSync('mkfifo', [join(bad, 'pipe')]);
    const [problem, ...rest] = problems(variant('codebase: { corewar: bots/warrior', 'codebase: { corewar: bots/fifo'));
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^line 16: roster\[2\]\.codebase\.corewar: .*pipe/);
  });

  it('a typo in a field name, a field in the wrong section, a bad campaign name', () => {
    expect(
      problems(
        variant(
          'campaign: { name: study, repeats: 2, seed: 7 }\ntournament: { rounds: 2, sims_per_round: 4 }',
          'campaign: { name: "my study", repet: 2, seed: 7 }\ntournament: { rounds: 2, sims_per_round: 4, edit_seconds: 9 }',
        ),
      ),
    ).toEqual([
      'line 2: campaign: unknown field `repet`; did you mean `repeats`?',
      'line 3: tournament: unknown field `edit_seconds`; it belongs under `limits`, move it there',
      'line 2: campaign.name: "my study" is not a valid name; use 1–60 letters, digits, "_" or "-", starting with a letter or digit (it starts every run id)',
    ]);
  });

  it('a missing campaign seed, and everything wrong in one message', () => {
    const text = variant(', seed: 7', '').replace('  - id: corewar', '  - id: chess');
    expect(problems(text)).toEqual([
      'line 6: arenas[1].id: "chess" is not a known arena; use one of: battlesnake, corewar, halite, poker, robocode, robotrumble',
      'line 2: campaign.seed: required field is missing; add `seed:` with a whole number from 0 to 2147483647',
    ]);
  });

  it('a file that is not a mapping, or empty, names the sections and the example', () => {
    expect(problems('- a\n- b\n')).toEqual([
      'the file must be a mapping with campaign, arenas and roster sections (see configs/campaign-demo.yaml)',
    ]);
    expect(problems('')).toEqual([
      'the file is empty; it needs campaign, arenas and roster sections (configs/campaign-demo.yaml is an example)',
    ]);
  });

  it('a missing file names the path and the example', () => {
    expect(() => loadCampaignSpec(join(dir, 'nope.yaml'))).toThrow(
      `file not found (looked for ${join(dir, 'nope.yaml')}); check the path, e.g. configs/campaign-demo.yaml`,
    );
  });
});
