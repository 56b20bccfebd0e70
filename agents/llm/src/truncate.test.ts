import { describe, expect, it } from 'vitest';
import { observation } from './prompts.ts';
import { truncateMiddle } from './truncate.ts';

describe('output truncation', () => {
  it('keeps head and tail and says how much was cut', () => {
    const text = `${'a'.repeat(600)}${'b'.repeat(600)}`;
    const cut = truncateMiddle(text, 100);
    expect(cut.startsWith('a'.repeat(50))).toBe(true);
    expect(cut.endsWith('b'.repeat(50))).toBe(true);
    expect(cut).toContain('[1100 characters omitted]');
    expect(truncateMiddle('short', 100)).toBe('short');
  });

  it('formats observations: exit code, timeout, empty output, capture limit', () => {
    const r = { exitCode: 0, stdout: '', stderr: '', timedOut: false, truncated: false, ms: 5 };
    expect(observation(r, 100, 30)).toBe('Exit code 0.\n(no output)');
    expect(observation({ ...r, exitCode: 124, stdout: 'partial', timedOut: true }, 100, 30)).toMatch(
      /stopped after 30 s[\s\S]*partial/,
    );
    expect(observation({ ...r, stdout: 'x'.repeat(5000), truncated: true }, 1000, 30)).toMatch(
      /omitted[\s\S]*only its beginning was kept/,
    );
  });
});
