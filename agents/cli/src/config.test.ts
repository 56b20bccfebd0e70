// The cli agent's config as users write it: defaults, the messages bad fields get from the config
// loader, the example config, and the pre-flight check of keys and prices.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelPlayerIssues } from '@codearena/agent-llm';
import { ConfigError, loadConfig, parseConfigText } from '@codearena/server/config/index.ts';
import { checkAgents } from '@codearena/server/edit/agents.ts';
import { ROOT } from '@codearena/server/paths.ts';
import { agentProblems, configWith } from '@codearena/agent-llm/test-support/agent-config.ts';
import { createCliAgent } from './index.ts';

describe('cli agent config', () => {
  it('fills the defaults: the harness picks its provider, the budget is the native agent’s', () => {
    const c = parseConfigText(configWith('{ kind: cli, harness: codex, model: gpt-5-mini }'), ROOT);
    expect(c.players[0]!.agent).toEqual({
      kind: 'cli',
      harness: 'codex',
      model: 'gpt-5-mini',
      request_timeout_seconds: 300,
      limits: { steps: 50, cost_usd: 1 },
    });
  });

  it('names the field and the fix for each mistake', () => {
    expect(agentProblems('{ kind: cli, harness: command, model: m }')).toEqual([
      expect.stringMatching(/players\[0\]\.agent\.command: harness: command needs command: "<shell command>"/),
      expect.stringMatching(/players\[0\]\.agent\.provider: harness: command needs provider: anthropic or openai/),
    ]);
    expect(agentProblems('{ kind: cli, harness: claude-code, model: m, provider: openai }')[0]).toMatch(
      /players\[0\]\.agent\.provider: claude-code speaks the Anthropic Messages API, so its provider is anthropic/,
    );
    expect(agentProblems('{ kind: cli, harness: codex, model: m, command: "codex exec" }')[0]).toMatch(
      /players\[0\]\.agent\.command: command: is for harness: command only/,
    );
    expect(agentProblems('{ kind: cli, harness: aider, model: m }')[0]).toMatch(
      /players\[0\]\.agent\.harness: .*claude-code.*codex.*command/,
    );
    expect(agentProblems('{ kind: cli, harness: codex, model: m, env: { "1BAD": x } }')[0]).toMatch(
      /players\[0\]\.agent\.env\.1BAD: "1BAD" is not a variable name/,
    );
    expect(agentProblems('{ kind: cli, harness: codex, model: m, api_key_env: "sk-123" }')[0]).toMatch(
      /name of an environment variable/,
    );
  });

  it('ships an example config that loads, and whose only problems here are the missing keys', () => {
    const { config: c } = loadConfig(resolve(ROOT, 'configs/harnesses.yaml'));
    expect(c.players.map((p) => `${p.agent.kind}:${'harness' in p.agent ? p.agent.harness : ''}`)).toEqual([
      'cli:claude-code',
      'cli:codex',
      'llm:',
    ]);
    expect(modelPlayerIssues(c.players, { OPENAI_API_KEY: 'sk-x', ANTHROPIC_API_KEY: 'sk-y' })).toEqual([]);
    let err: unknown;
    try {
      checkAgents(c, 'configs/harnesses.yaml', { OPENAI_API_KEY: 'sk-x' });
    } catch (e) {
      err = e;
    }
    expect((err as ConfigError).message).toBe(
      [
        'configs/harnesses.yaml has 1 problem:',
        '  players[0].agent.provider: the API key variable ANTHROPIC_API_KEY is not set; export ANTHROPIC_API_KEY=… before running, or name another variable with api_key_env',
      ].join('\n'),
    );
  });

  it('refuses to build an agent without its key or a price, and needs neither key offline (replay)', () => {
    const c = parseConfigText(configWith('{ kind: cli, harness: codex, model: local-model }'), ROOT).players[0]!.agent;
    if (c.kind !== 'cli') throw new Error('cli expected');
    expect(() => createCliAgent(c, { env: {} })).toThrow(
      /OPENAI_API_KEY is not set.*no built-in price for model "local-model"/,
    );
    const priced = { ...c, price: { input: 0, output: 0 } };
    expect(createCliAgent(priced, { env: {}, offline: true })).toMatchObject({ id: 'codex', model: 'local-model' });
  });
});
