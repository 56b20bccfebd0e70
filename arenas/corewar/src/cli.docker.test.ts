// CoreWar through the codearena command, as users run it: `match` on codebases of the right
// shape (no container: the host engine reads warrior.red), and a small tournament end to end
// (validation, sims, replays with frames; its edit workspaces need Docker).
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codearenaCli } from '@codearena/server/cli/cli-process.fixture.ts';
import { decodeCore } from '../renderer/core-map.ts';

const ARENA = join(dirname(fileURLToPath(import.meta.url)), '..');
const cliProcess = codearenaCli();
const cli = cliProcess.run;

const starter = join(ARENA, 'starter');
const dwarf = join(ARENA, 'bots', 'dwarf');

describe('codearena match corewar', () => {
  it('plays the starter against the Dwarf and prints one JSON object', () => {
    const r = cli('match', 'corewar', starter, dwarf, '--sims', '10', '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.sims).toBe(10);
    expect(out.players.map((p: { name: string }) => p.name)).toEqual(['starter', 'dwarf']);
    for (const p of out.players) expect(p.wins + p.losses + p.ties).toBe(10);
    expect(out.players[0].wins).toBeGreaterThan(out.players[0].losses); // the stone/imp beats a lone Dwarf
    expect(out.players[0].faults + out.players[1].faults).toBe(0);
    // Same seed, same battles.
    expect(JSON.parse(cli('match', 'corewar', starter, dwarf, '--sims', '10', '--json').stdout)).toEqual(out);
  });

  it('plays three and more warriors at once', () => {
    const r = cli(
      'match',
      'corewar',
      starter,
      dwarf,
      join(ARENA, 'bots', 'paper'),
      join(ARENA, 'bots', 'imp'),
      '--sims',
      '4',
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/corewar: 4 sims/);
    expect(r.stdout).toMatch(/paper\s+\d+\s+\d+\s+\d+\s+0/);
  });

  it('records a warrior that does not assemble as a fault, with the line', () => {
    const broken = join(cliProcess.tmp, 'broken');
    mkdirSync(broken, { recursive: true });
    writeFileSync(join(broken, 'warrior.red'), ';assert 1\nmov 0, 1\njmp nowhere\n');
    const r = cli('match', 'corewar', broken, dwarf, '--sims', '2');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/broken\s+0\s+2\s+0\s+2/);
    expect(r.stdout).toContain('line 3: A-operand "nowhere": undefined symbol "nowhere"');
  });

  it('refuses a codebase without warrior.red, or with a symlink for it, naming the fix', () => {
    const empty = join(cliProcess.tmp, 'empty');
    mkdirSync(empty, { recursive: true });
    const r = cli('match', 'corewar', empty, dwarf);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('has no warrior.red at its root');
    const linked = join(cliProcess.tmp, 'linked');
    mkdirSync(linked, { recursive: true });
    symlinkSync('/etc/passwd', join(linked, 'warrior.red'));
    expect(cli('match', 'corewar', linked, dwarf).status).toBe(2);
  });
});

describe('a CoreWar tournament', () => {
  it('validates, plays, and writes replays whose frames a viewer can draw', () => {
    const cfg = join(cliProcess.tmp, 'corewar.yaml');
    writeFileSync(
      cfg,
      [
        'tournament: { rounds: 1, sims_per_round: 3, seed: 9 }',
        'arena: { id: corewar, args: { max_cycles: 20000 } }',
        'players:',
        '  - { name: stone, agent: { kind: noop } }',
        `  - { name: paper, agent: { kind: noop }, codebase: ${join(ARENA, 'bots', 'paper')} }`,
      ].join('\n'),
    );
    const r = cli('run', cfg, '--quiet');
    expect(r.status, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toMatch(/Winner: (stone|paper|tie)/);
    const run = readdirSync(join(cliProcess.tmp, 'runs')).find((d) => d.includes('corewar'))!;
    const results = JSON.parse(readFileSync(join(cliProcess.tmp, 'runs', run, 'rounds', '1', 'results.json'), 'utf8'));
    expect(results.validations.stone).toMatchObject({ ok: true, detail: expect.stringMatching(/^"Stone and Imp"/) });
    const replay = JSON.parse(readFileSync(join(cliProcess.tmp, 'runs', run, 'rounds', '1', 'sims', '0.json'), 'utf8'));
    expect(replay.arena).toBe('corewar');
    expect(replay.frames.length).toBeGreaterThan(1);
    for (const f of replay.frames) expect(decodeCore(f.core, f.coreSize)).toHaveLength(8000);
    expect(replay.frames.at(-1).maxCycles).toBe(20000);
  });
});
