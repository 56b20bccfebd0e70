// Bad `arena.args` read like every other config error (`arena.args.<field>: what is wrong; the
// fix`), not as zod's JSON dump; through the function and through `codearena run` itself.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getArena } from '../arenas.ts';
import { ROOT } from '../paths.ts';
import { checkArenaArgs } from './arena-args.ts';
import { ConfigError } from './config-error.ts';
import { formatIssue } from './config-error.ts';
import { parseConfigText } from './load-config.ts';

const dir = mkdtempSync(join(tmpdir(), 'codearena-args-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const configWith = (arena: string, args: string) =>
  `tournament: { rounds: 1 }\narena:\n  id: ${arena}\n  args: ${args}\nplayers:\n  - { name: a, agent: { kind: noop } }\n  - { name: b, agent: { kind: noop } }\n`;

/** The printed problems for `args`, or [] when the arena takes them. */
function problems(arena: string, args: string): string[] {
  const text = configWith(arena, args);
  const config = parseConfigText(text, dir, 'args.yaml');
  try {
    checkArenaArgs(getArena(arena).arena, config, 'args.yaml', text);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).issues.map(formatIssue);
  }
}

describe('arena.args errors name the field, the problem and the fix', () => {
  it('accepts good args and returns them parsed', () => {
    const text = configWith('battlesnake', '{ width: 7 }');
    expect(checkArenaArgs(getArena('battlesnake').arena, parseConfigText(text, dir), 'x.yaml', text)).toMatchObject({
      width: 7,
      height: 11,
    });
    expect(problems('poker', '{ hands: 10 }')).toEqual([]);
  });

  it('out-of-range and fractional numbers state the range, with the line', () => {
    expect(problems('battlesnake', '{ width: 100, height: 7.5 }')).toEqual([
      'line 4: arena.args.width: expected a whole number from 5 to 25, got 100',
      'line 4: arena.args.height: expected a whole number from 5 to 25, got 7.5',
    ]);
  });

  it('an unknown arg suggests the right one, or lists them', () => {
    expect(problems('battlesnake', '{ widht: 9 }')).toEqual([
      'line 4: arena.args: unknown field `widht`; did you mean `width`?',
    ]);
    expect(problems('poker', '{ colour: red }')).toEqual([
      'line 4: arena.args: unknown field `colour`; remove it, or use one of: hands, starting_stack, small_blind, big_blind, duplicate, reset_stacks',
    ]);
  });

  it('a wrong type says what to write', () => {
    expect(problems('poker', '{ duplicate: "yes" }')).toEqual([
      'line 4: arena.args.duplicate: expected true or false, got "yes"; write true or false, without quotes',
    ]);
  });

  it('rules across fields say how to fix them', () => {
    expect(problems('poker', '{ small_blind: 50 }')).toEqual([
      'line 4: arena.args.small_blind: must not exceed big_blind (10); lower small_blind or raise big_blind',
    ]);
  });
});

describe('codearena run with bad arena args', () => {
  it('exits 2 with readable lines, not a zod dump', () => {
    const file = join(dir, 'bad-args.yaml');
    writeFileSync(file, configWith('poker', '{ hands: 0, small_blind: 50, widht: 3 }'));
    const r = spawnSync('node', [join(ROOT, 'server', 'bin', 'codearena.js'), 'run', file], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain(`${file} has 3 problems:`);
    expect(r.stderr).toContain('line 4: arena.args.hands: expected a whole number from 1 to 1000, got 0');
    expect(r.stderr).toContain('line 4: arena.args: unknown field `widht`; remove it, or use one of: hands,');
    expect(r.stderr).toContain('arena.args.small_blind: must not exceed big_blind');
    expect(r.stderr).not.toContain('"code"');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
