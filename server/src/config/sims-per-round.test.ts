// tournament.sims_per_round: a fixed count or { max, stop: sprt, … }; each mistake is named with
// its line and the fix.
import { describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { ConfigError, formatIssue, parseConfigText } from './index.ts';

const config = (sims: string) =>
  `tournament:\n  sims_per_round: ${sims}\narena: { id: corewar }\nplayers:\n  - { name: a, agent: { kind: noop } }\n  - { name: b, agent: { kind: noop } }\n`;

function problems(sims: string): string[] {
  try {
    parseConfigText(config(sims), tmpdir(), 'test.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).issues.map(formatIssue);
  }
  throw new Error('config was accepted');
}

const FIX = 'write a number of sims (e.g. 10) or { max: 100, stop: sprt } (optional: alpha, beta, margin)';

describe('sims_per_round', () => {
  it('takes a count, or the sequential form with its defaults filled in', () => {
    expect(parseConfigText(config('12'), tmpdir()).tournament.sims_per_round).toBe(12);
    expect(parseConfigText(config('{ max: 200, stop: sprt }'), tmpdir()).tournament.sims_per_round).toEqual({
      max: 200,
      stop: 'sprt',
      alpha: 0.05,
      beta: 0.05,
      margin: 0.1,
    });
    expect(
      parseConfigText(config('{ max: 50, stop: sprt, alpha: 0.01, beta: 0.1, margin: 0.1 }'), tmpdir()).tournament
        .sims_per_round,
    ).toEqual({ max: 50, stop: 'sprt', alpha: 0.01, beta: 0.1, margin: 0.1 });
  });

  it('names the field and the fix for each mistake', () => {
    expect(problems('{ stop: sprt }')).toEqual([
      `line 2: tournament.sims_per_round: max: expected number, received undefined; ${FIX}`,
    ]);
    expect(problems('{ max: 100, stop: wald }')).toEqual([
      `line 2: tournament.sims_per_round: stop: expected "sprt"; ${FIX}`,
    ]);
    expect(problems('many')).toEqual([`line 2: tournament.sims_per_round: ${FIX}`]);
    expect(problems('{ max: 100, stop: sprt, alpha: 0.5 }')).toEqual([
      'line 2: tournament.sims_per_round.alpha: expected a number > 0 and ≤ 0.25, got 0.5',
    ]);
    expect(problems('{ max: 100, stop: sprt, alfa: 0.01 }')).toEqual([
      'line 2: tournament.sims_per_round: unknown field `alfa`; remove it, or use one of: max, stop, alpha, beta, margin',
    ]);
  });
});
