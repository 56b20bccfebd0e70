// `codearena ladder make` as users run it: the table, the JSON, the folder it resumes from, and
// errors that name the field and the fix (exit 2).
import { appendFileSync, cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { arenaDir } from '../paths.ts';
import { codearenaCli } from './cli-process.fixture.ts';

const cli = codearenaCli();
const bot = (b: string) => join(arenaDir('corewar'), 'bots', b);

describe('codearena ladder make', () => {
  it('ranks a ladder.yaml, prints the table, and plays nothing on a second run', () => {
    const dir = join(cli.tmp, 'spec');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'ladder.yaml');
    writeFileSync(
      file,
      `name: tiny\narena: corewar\nsims: 3\nseed: 4\nrungs:\n  - { name: imp, codebase: ${bot('imp')} }\n  - { name: paper, codebase: ${bot('paper')} }\n  - { name: dwarf, codebase: ${bot('dwarf')} }\n`,
    );
    const r = cli.run('ladder', 'make', 'corewar', file);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/tiny \(corewar\): 3 rungs/);
    expect(r.stdout).toMatch(/3 of 3 pairs played now/);
    expect(r.stdout).toMatch(/rung\s+rating\s+95% interval\s+W\/D\/L/);
    const again = cli.run('ladder', 'make', 'corewar', file, '--json');
    expect(again.status).toBe(0);
    const out = JSON.parse(again.stdout) as { played: string[]; dir: string; standings: { name: string }[] };
    expect(out.played).toEqual([]);
    expect(out.dir).toBe(join(cli.tmp, 'runs', 'ladders', 'tiny'));
    expect(out.standings.map((s) => s.name).sort()).toEqual(['dwarf', 'imp', 'paper']);
  });

  it("reports the pairs it replays because a rung's code changed", () => {
    const code = join(cli.tmp, 'code');
    for (const b of ['imp', 'paper', 'dwarf']) cpSync(bot(b), join(code, b), { recursive: true });
    const dirs = ['imp', 'paper', 'dwarf'].map((b) => join(code, b));
    const make = (...extra: string[]) =>
      cli.run('ladder', 'make', 'corewar', ...dirs, '--sims', '2', '--out', join(cli.tmp, 'edited'), ...extra);
    expect(make().status).toBe(0);
    appendFileSync(join(code, 'dwarf', 'warrior.red'), '; edited\n');
    const r = make();
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/2 of 3 pairs played now \(2 replayed: imp~dwarf, paper~dwarf — a rung's code/);
    appendFileSync(join(code, 'imp', 'warrior.red'), '; edited\n');
    const j = JSON.parse(make('--json').stdout) as { played: string[]; replayed: string[] };
    expect(j.replayed.sort()).toEqual(['imp~dwarf', 'imp~paper']);
    expect(j.played.sort()).toEqual(j.replayed.sort());
  });

  it('names the field and the fix in a bad ladder.yaml', () => {
    const file = join(cli.tmp, 'bad.yaml');
    writeFileSync(
      file,
      `name: bad\narena: corewar\nsims: 0\nrungs:\n  - { name: imp, codebase: ./nowhere }\n  - { name: imp, codebase: ${bot('paper')} }\n`,
    );
    const r = cli.run('ladder', 'make', 'corewar', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/sims/);
    expect(r.stderr).toMatch(/rungs\[0\]\.codebase/);
    expect(r.stderr).toMatch(/rungs\[1\]\.name/);
  });

  it('refuses a ladder of another arena and a single directory', () => {
    const one = cli.run('ladder', 'make', 'corewar', bot('imp'));
    expect(one.status).toBe(2);
    expect(one.stderr).toMatch(/at least 2 codebases/);
    const file = join(cli.tmp, 'snake.yaml');
    writeFileSync(
      file,
      `name: s\narena: battlesnake\nrungs:\n  - { name: a, codebase: ${bot('imp')} }\n  - { name: b, codebase: ${bot('paper')} }\n`,
    );
    const other = cli.run('ladder', 'make', 'corewar', file);
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/battlesnake ladder, not corewar/);
  });
});

describe('codearena ladder climb', () => {
  it('makes a shipped ladder first (ladders/<name>.yaml), then climbs it', () => {
    const player = join(cli.tmp, 'climber.yaml');
    writeFileSync(player, `name: climber\nagent: { kind: noop }\ncodebase: ${bot('stone')}\n`);
    const r = cli.run('ladder', 'climb', 'corewar', player, '--rounds', '1', '--wins', '1', '--sims', '2');
    expect(r.stderr).toMatch(/making ladder corewar from ladders\/corewar\.yaml/);
    expect(r.stderr).toMatch(/imp vs paper: \d+–\d+/);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/climber \(noop\) on corewar/);
    expect(r.stdout).toMatch(/highest rung held: .* \(\d of 7\)/);
    const pairs = readdirSync(join(cli.tmp, 'runs', 'ladders', 'corewar', 'pairs'));
    expect(pairs).toHaveLength(21);
  });
});
