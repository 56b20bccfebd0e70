// An agent's config inside a minimal tournament config, as the config tests write it, and the
// loader's messages for a bad one.
import { expect } from 'vitest';
import { ConfigError, formatIssue, parseConfigText } from '@codearena/server/config/index.ts';
import { ROOT } from '@codearena/server/paths.ts';

/** A one-round BattleSnake config with player `a` on `agent` (YAML flow text) against a noop. */
export const configWith = (agent: string) => `
arena: { id: battlesnake }
tournament: { rounds: 1 }
players:
  - name: a
    agent: ${agent}
  - name: b
    agent: { kind: noop }
`;

/** The loader's problems with `agent` (the test fails if it is accepted). */
export function agentProblems(agent: string): string[] {
  try {
    parseConfigText(configWith(agent), ROOT, 'test.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).issues.map(formatIssue);
  }
  throw new Error('config was accepted');
}
