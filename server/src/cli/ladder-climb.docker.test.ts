// `codearena ladder climb` as users run it: the JSON climb and the table's result line, and
// errors that name the argument or field and the fix (exit 2) before any tournament starts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LadderClimb } from '@codearena/protocol';
import { describe, expect, it } from 'vitest';
import { arenaDir } from '../paths.ts';
import { LadderFolder } from '../ladder/ladder-folder.ts';
import { codearenaCli } from './cli-process.fixture.ts';
import { climbReport } from './ladder.ts';

const cli = codearenaCli();
const bot = (b: string) => join(arenaDir('corewar'), 'bots', b);

function playerFile(name: string, text: string): string {
  const dir = join(cli.tmp, 'players');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

describe('codearena ladder climb', () => {
  it('refuses a ladder not made yet, and bad options or player files, naming the fix', () => {
    const me = playerFile('me.yaml', `name: me\nagent: { kind: noop }\ncodebase: ${bot('dwarf')}\n`);
    const none = cli.run('ladder', 'climb', 'nowhere', me);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/no ladder "nowhere".*run `codearena ladder make` first/);
    const wins = cli.run('ladder', 'climb', 'nowhere', me, '--rounds', '1', '--wins', '2');
    expect(wins.status).toBe(2);
    expect(wins.stderr).toMatch(/--wins 2 is more than --rounds 1/);

    expect(cli.run('ladder', 'make', 'corewar', bot('imp'), bot('paper'), '--sims', '4').status).toBe(0);
    const bad = playerFile('bad.yaml', `name: me\nagent: { kind: wizard }\ncodebase: ./nowhere\n`);
    const r = cli.run('ladder', 'climb', 'corewar', bad);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/agent/);
    expect(r.stderr).toMatch(/codebase.*does not exist/);
    const clash = playerFile('clash.yaml', `name: imp\nagent: { kind: noop }\n`);
    const c = cli.run('ladder', 'climb', 'corewar', clash);
    expect(c.status).toBe(2);
    expect(c.stderr).toMatch(/name.*also a rung of ladder corewar; rename the player/);
    const key = playerFile(
      'key.yaml',
      `name: me\nagent: { kind: llm, provider: openai, model: gpt-5-mini, api_key_env: NO_SUCH_KEY_X }\n`,
    );
    const k = cli.run('ladder', 'climb', 'corewar', key);
    expect(k.status).toBe(2);
    expect(k.stderr).toMatch(/NO_SUCH_KEY_X/);
  });

  it('climbs a made ladder: the climb as JSON, written to the ladder folder, and its table', () => {
    const me = playerFile('dwarf.yaml', `name: me\nagent: { kind: noop }\ncodebase: ${bot('dwarf')}\n`);
    const ladderDir = join(cli.tmp, 'runs', 'ladders', 'corewar');
    const j = cli.run('ladder', 'climb', ladderDir, me, '--rounds', '2', '--wins', '1', '--sims', '2', '--json');
    expect(j.stderr).not.toMatch(/error/);
    expect(j.status).toBe(0);
    const climb = LadderClimb.parse(JSON.parse(j.stdout));
    expect(climb).toMatchObject({ ladder: 'corewar', player: 'me', agent: 'noop', rounds: 2, wins: 1 });
    expect([...climb.rungs].sort()).toEqual(['imp', 'paper']);
    expect(climb.steps.length).toBeGreaterThan(0);
    expect(new LadderFolder(ladderDir).readClimb(climb.id)).toEqual(climb);
    const table = climbReport(climb, 'f.json');
    expect(table).toMatch(/me \(noop\) on corewar \(a rung is held with 1 of 2 round wins/);
    expect(table).toMatch(/rung\s+won\/played\s+held\s+stopped early\s+run/);
    expect(table).toContain(`highest rung held: ${climb.highest ?? 'none'} (${climb.height} of 2)`);
  });
});
