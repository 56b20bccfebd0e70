// The command line as users meet it: a config whose llm players cannot run is refused before
// anything starts, and `codearena doctor` says which key variables are set.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '@codearena/server/paths.ts';

const BIN = join(ROOT, 'server', 'bin', 'codearena.js');
const runs = mkdtempSync(join(tmpdir(), 'codearena-preflight-'));
afterAll(() => rmSync(runs, { recursive: true, force: true }));

const cli = (env: Record<string, string>, ...args: string[]) => {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/_API_KEY$/.test(k)));
  return spawnSync('node', [BIN, ...args], {
    encoding: 'utf8',
    env: { ...clean, CODEARENA_RUNS: runs, NO_COLOR: '1', ...env },
    timeout: 60_000,
  });
};

describe('codearena run with llm players', () => {
  it('refuses a config whose key is not set, naming each player and the fix, exit 2', () => {
    const r = cli({}, 'run', join(ROOT, 'configs', 'llm.yaml'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      'players[0].agent.provider: the API key variable OPENAI_API_KEY is not set; export OPENAI_API_KEY=…',
    );
    expect(r.stderr).toContain('players[1].agent.provider');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('codearena doctor', () => {
  it('reports which API key variables are set, without their values', () => {
    const r = cli({ ANTHROPIC_API_KEY: 'sk-ant-secret' }, 'doctor');
    expect(r.stdout).toContain('✓ API keys: OPENAI_API_KEY not set, ANTHROPIC_API_KEY set, OPENROUTER_API_KEY not set');
    expect(r.stdout).not.toContain('sk-ant-secret');
  });
});
