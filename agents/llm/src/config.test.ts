// The llm agent's config as users write it: defaults, the messages bad fields get from the
// config loader, the example config, and the pre-flight check of keys and prices.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfigText } from '@codearena/server/config/index.ts';
import { checkAgents } from '@codearena/server/edit/agents.ts';
import { ROOT } from '@codearena/server/paths.ts';
import { agentProblems, configWith } from './test-support/agent-config.ts';
import { apiKeyStatus, modelPlayerIssues } from './index.ts';

describe('llm agent config', () => {
  it('fills in the defaults', () => {
    const c = parseConfigText(configWith('{ kind: llm, provider: openai, model: gpt-4o }'), ROOT);
    expect(c.players[0]!.agent).toEqual({
      kind: 'llm',
      provider: 'openai',
      model: 'gpt-4o',
      tool_calls: true,
      request_timeout_seconds: 300,
      retries: 6,
      limits: { steps: 50, cost_usd: 1, command_timeout_seconds: 30, output_chars: 10_000, format_errors: 3 },
    });
  });

  it('says what is wrong with each field and what to write', () => {
    expect(agentProblems('{ kind: llm, provider: openia, model: gpt-4o }')).toEqual([
      'line 6: players[0].agent.provider: "openia" is not allowed; use one of: openai, anthropic (did you mean "openai"?)',
    ]);
    expect(agentProblems('{ kind: llm, provider: openai }')).toEqual([
      'line 6: players[0].agent.model: required field is missing; add `model:` with text',
    ]);
    expect(agentProblems('{ kind: llm, provider: openai, model: m, base_url: localhost:8000 }')[0]).toMatch(
      /players\[0\]\.agent\.base_url: "localhost:8000" is not a valid base_url; use an http\(s\) URL such as http:\/\/127\.0\.0\.1:8000\/v1/,
    );
    expect(agentProblems('{ kind: llm, provider: openai, model: m, api_key_env: sk-abc123 }')[0]).toMatch(
      /api_key_env: "sk-abc123" is not a valid api_key_env; write the name of an environment variable, e\.g\. OPENROUTER_API_KEY, not the key itself/,
    );
    expect(agentProblems('{ kind: llm, provider: openai, model: m, limits: { step: 5, cost_usd: -1 } }')).toEqual([
      expect.stringMatching(/players\[0\]\.agent\.limits: unknown field `step`; did you mean `steps`\?/),
      expect.stringMatching(/players\[0\]\.agent\.limits\.cost_usd: expected a number > 0 and ≤ 10000, got -1/),
    ]);
    expect(agentProblems('{ kind: llm, provider: openai, model: m, tools: false }')[0]).toMatch(
      /unknown field `tools`; remove it, or use one of: .*tool_calls/,
    );
    expect(agentProblems('{ kind: gpt }')[0]).toMatch(/"gpt" is not an agent kind; use one of: noop, search, llm, cli/);
  });

  it('ships an example config that loads, and whose only problem here is the missing key', () => {
    const { config: c } = loadConfig(resolve(ROOT, 'configs/llm.yaml'));
    expect(c.players.map((p) => p.agent.kind)).toEqual(['llm', 'llm', 'noop']);
    expect(modelPlayerIssues(c.players, { OPENAI_API_KEY: 'sk-x' })).toEqual([]);
    let err: unknown;
    try {
      checkAgents(c, 'configs/llm.yaml', {});
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toBe(
      [
        'configs/llm.yaml has 2 problems:',
        '  players[0].agent.provider: the API key variable OPENAI_API_KEY is not set; export OPENAI_API_KEY=… before running, or name another variable with api_key_env',
        '  players[1].agent.provider: the API key variable OPENAI_API_KEY is not set; export OPENAI_API_KEY=… before running, or name another variable with api_key_env',
      ].join('\n'),
    );
  });

  it('names the variable a player asked for, and models without a price', () => {
    const c = parseConfigText(
      configWith(
        '{ kind: llm, provider: openai, model: llama3.1, base_url: "http://127.0.0.1:11434/v1", api_key_env: OLLAMA_KEY }',
      ),
      ROOT,
    );
    expect(modelPlayerIssues(c.players, {})).toEqual([
      {
        path: 'players[0].agent.api_key_env',
        message: expect.stringMatching(/OLLAMA_KEY is not set; .*still needs the variable set, to any value/),
      },
      {
        path: 'players[0].agent.model',
        message: expect.stringMatching(
          /no built-in price for model "llama3.1".*price: \{ input: .*0 and 0 for a local model/,
        ),
      },
    ]);
  });

  it('reports which key variables are set, never their values', () => {
    expect(apiKeyStatus({ ANTHROPIC_API_KEY: 'secret', OPENAI_API_KEY: ' ' })).toEqual([
      { name: 'OPENAI_API_KEY', set: false },
      { name: 'ANTHROPIC_API_KEY', set: true },
      { name: 'OPENROUTER_API_KEY', set: false },
    ]);
  });
});
