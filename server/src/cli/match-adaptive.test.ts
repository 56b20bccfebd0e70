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

  it('--alpha, --beta and --margin set the test: a wider margin decides the same pair sooner', () => {
    const sims = (...rule: string[]) => {
      const r = cli.run('match', 'corewar', bot('paper'), bot('scanner'), '--adaptive', '--seed', '4', ...rule);
      expect(r.status, r.stderr).toBe(0);
      return { n: Number(/^corewar: (\d+) sims/.exec(r.stdout)?.[1]), out: r.stdout };
    };
    const defaults = sims();
    const wide = sims('--alpha', '0.1', '--beta', '0.2', '--margin', '0.3');
    expect(wide.out).toContain(
      `decided after ${wide.n} sims: paper wins (SPRT: alpha 0.1, beta 0.2, margin 0.3; max 100)`,
    );
    expect(wide.n).toBeLessThan(defaults.n);
  });

  it('a rule flag out of range, or without --adaptive, is a usage error naming the flag and its range', () => {
    const run = (...flags: string[]) => cli.run('match', 'corewar', bot('paper'), bot('stone'), ...flags);
    for (const [flags, message] of [
      [['--adaptive', '--alpha', '0.3'], '--alpha must be a number > 0 and ≤ 0.25, got 0.3'],
      [['--adaptive', '--beta', '0'], '--beta must be a number > 0 and ≤ 0.25, got 0'],
      [['--adaptive', '--margin', '0.5'], '--margin must be a number ≥ 0.02 and ≤ 0.45, got 0.5'],
      [['--adaptive', '--max', '20000'], '--max must be a whole number ≥ 1 and ≤ 10000, got 20000'],
      [['--margin', '0.2'], '--margin sets the sequential test; add --adaptive, or leave it out'],
    ] as const) {
      const r = run(...flags);
      expect(r.status, flags.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
    }
    const nan = run('--adaptive', '--alpha', 'often');
    expect(nan.status).not.toBe(0);
    expect(nan.stderr).toContain('--alpha must be a number, got "often"');
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
