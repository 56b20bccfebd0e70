// `codearena match --adaptive` as users run it (CoreWar: data warriors, no Docker): it plays until
// the sequential test decides, prints the sims used and the decision, and counts the same sims at
// any concurrency.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { arenaDir } from '../paths.ts';
import { codearenaCli } from './cli-process.fixture.ts';

const cli = codearenaCli();
const bot = (name: string) => join(arenaDir('corewar'), 'bots', name);

describe('codearena match --adaptive', () => {
  it('stops once the winner is decided and prints the sims used and the decision', () => {
    const r = cli.run('match', 'corewar', bot('paper'), bot('scanner'), '--adaptive', '--seed', '4');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const used = /^corewar: (\d+) sims/.exec(r.stdout);
    expect(Number(used?.[1])).toBeLessThan(100);
    expect(r.stdout).toContain(
      `decided after ${used?.[1]} sims: paper wins (SPRT: alpha 0.05, beta 0.05, margin 0.1; max 100)`,
    );
  });

  it('reports the same sims and decision in JSON at concurrency 1 and 3', () => {
    const json = (c: string) =>
      JSON.parse(
        cli.run(
          'match',
          'corewar',
          bot('paper'),
          bot('scanner'),
          bot('imp'),
          '--adaptive',
          '--json',
          '--concurrency',
          c,
        ).stdout,
      ) as { sims: number; players: { name: string; wins: number }[]; decision: { decided: boolean; winner: string } };
    const one = json('1');
    expect(one.decision).toMatchObject({ decided: true, winner: 'paper' });
    const three = json('3');
    expect({ ...three, decision: { ...three.decision, uncounted: 0 } }).toEqual({
      ...one,
      decision: { ...one.decision, uncounted: 0 },
    });
  });

  it('a close pair plays to --max and is scored as a fixed count', () => {
    const r = cli.run('match', 'corewar', bot('paper'), bot('stone'), '--adaptive', '--max', '12', '--seed', '4');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^corewar: 12 sims/);
    expect(r.stdout).toMatch(
      /no decision before max: all 12 sims scored as a fixed count, (paper wins|stone wins|a tie)/,
    );
  });

  it('--max without --adaptive, or --sims with it, is a usage error naming the fix', () => {
    const max = cli.run('match', 'corewar', bot('paper'), bot('stone'), '--max', '12');
    expect(max.status).toBe(2);
    expect(max.stderr).toContain('--max bounds an adaptive match; add --adaptive, or use --sims for a fixed count');
    const sims = cli.run('match', 'corewar', bot('paper'), bot('stone'), '--adaptive', '--sims', '12');
    expect(sims.status).toBe(2);
    expect(sims.stderr).toContain('--sims is a fixed count; with --adaptive bound the sims with --max instead');
  });
});
