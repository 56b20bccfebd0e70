// `codearena run` / campaign preflight: the preset harnesses a config's cli players use are
// installed on the host (a real npm install into a temp cache root) before anything starts.
import { readdirSync } from 'node:fs';
import { harnessCacheRoot, installedHarness } from '@codearena/agent-cli/install/harness-cache.ts';
import { useTempHarnessCache } from '@codearena/agent-cli/install/test-support.ts';
import { TournamentConfig, type TournamentConfigInput } from '@codearena/protocol';
import { expect, it } from 'vitest';
import { requireHarnesses } from './preflight.ts';

useTempHarnessCache();

const config = (agents: TournamentConfigInput['players'][number]['agent'][]) =>
  TournamentConfig.parse({
    tournament: {},
    arena: { id: 'battlesnake' },
    players: agents.map((agent, i) => ({ name: `p${i}`, agent })),
  });

it('installs nothing for native and command players', async () => {
  await requireHarnesses([
    config([{ kind: 'noop' }, { kind: 'cli', harness: 'command', provider: 'openai', model: 'm', command: 'true' }]),
  ]);
  expect(() => readdirSync(harnessCacheRoot())).toThrow(/ENOENT/);
});

it('installs each preset harness the configs use, once, before the tournament', { timeout: 15 * 60_000 }, async () => {
  const codex = { kind: 'cli', harness: 'codex', model: 'gpt-test' } as const;
  await requireHarnesses([config([codex, { kind: 'noop' }]), config([codex, codex])]);
  const got = installedHarness('codex');
  expect(got?.version).toBe('0.171.0');
  expect(readdirSync(harnessCacheRoot())).toEqual([got!.dir.split('/').at(-1)]);
  expect(installedHarness('claude-code')).toBeNull();
});
