// How a harness's edit phase ends when it does not simply finish: its budget runs out at the
// gateway (cost, steps), it crashes, hangs, or its provider refuses it; and a plain command
// harness reaching the gateway over the in-container loopback forwarder. One tournament of six
// players on CoreWar (host-side sims: quick); real harnesses, real containers, scripted providers.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Event, type EventOf, TournamentConfig } from '@codearena/protocol';
import { type ScriptedServer, startScriptedServer } from '@codearena/agent-llm/test-support/scripted-server.ts';
import { listContainers } from '@codearena/server/sandbox/cleanup.ts';
import { RunFolder } from '@codearena/server/store/run-folder.ts';
import { type TournamentOutcome, runTournament } from '@codearena/server/tournament/tournament.ts';
import { ensureHarness } from './install/harness-cache.ts';

const KEY_ENV = 'CODEARENA_TEST_CLI_LIMITS_KEY';
/** $0.003 per scripted call (1000 tokens in, 100 out). */
const PRICE = { input: 2, output: 10 };

/** A command harness that asks the gateway itself, over the loopback URL, with the token it was
 *  given: the Chat Completions wire, non-streaming. */
const ASK = `python3 - <<'EOF'
import json, os, urllib.request
req = urllib.request.Request(
    os.environ["OPENAI_BASE_URL"] + "/chat/completions",
    data=json.dumps({"model": os.environ["CODEARENA_MODEL"], "messages": [{"role": "user", "content": "hi"}]}).encode(),
    headers={"Authorization": "Bearer " + os.environ["OPENAI_API_KEY"], "Content-Type": "application/json"},
)
answer = json.load(urllib.request.urlopen(req))
open("answer.txt", "w").write(answer["choices"][0]["message"]["content"] + "\\n")
EOF`;

let runsDir: string;
const servers: Record<string, ScriptedServer> = {};
let outcome: TournamentOutcome;
let events: Event[];
const of = <T extends Event['type']>(t: T) => events.filter((e): e is EventOf<T> => e.type === t);
const finished = (player: string) => of('edit.finished').find((e) => e.player === player && e.round === 1)!;

beforeAll(async () => {
  await Promise.all([ensureHarness('claude-code'), ensureHarness('codex')]);
  runsDir = mkdtempSync(join(tmpdir(), 'codearena-cli-limits-'));
  process.env[KEY_ENV] = 'test-key';
  servers.spender = await startScriptedServer('anthropic', [
    { command: 'echo one > one.txt' },
    { command: 'echo two > two.txt' },
  ]);
  servers.counter = await startScriptedServer('openai', [{ command: 'echo one > one.txt' }, { text: 'Done.' }]);
  // 403, not 401: Claude Code takes a 401 for a stale login and asks again and again.
  servers.refused = await startScriptedServer('anthropic', [{ status: 403, message: 'this key may not use m' }]);
  servers.asker = await startScriptedServer('openai', [{ text: 'hello from the model' }]);
  servers.quiet = await startScriptedServer('openai', []);
  const upstream = (name: string) => ({
    base_url: servers[name]!.baseURL,
    api_key_env: KEY_ENV,
    price: PRICE,
  });
  const command = (cmd: string, limits = {}) => ({
    kind: 'cli',
    harness: 'command',
    provider: 'openai',
    model: 'gpt-test',
    command: cmd,
    limits,
    ...upstream('quiet'),
  });
  const config = TournamentConfig.parse({
    tournament: { rounds: 1, sims_per_round: 1, sim_concurrency: 2, seed: 2 },
    arena: { id: 'corewar' },
    players: [
      {
        name: 'spender',
        agent: { kind: 'cli', harness: 'claude-code', model: 'm', limits: { cost_usd: 0.001 }, ...upstream('spender') },
      },
      {
        name: 'counter',
        agent: { kind: 'cli', harness: 'codex', model: 'm', limits: { steps: 1 }, ...upstream('counter') },
      },
      { name: 'refused', agent: { kind: 'cli', harness: 'claude-code', model: 'm', ...upstream('refused') } },
      { name: 'asker', agent: { ...command(ASK), ...upstream('asker') } },
      { name: 'crasher', agent: command("echo 'the harness blew up' >&2; exit 3") },
      { name: 'sleeper', agent: command('sleep 600', { seconds: 8 }) },
    ],
    limits: { edit_seconds: 240, memory_mb: 1024 },
  });
  outcome = await runTournament({ config, rawConfig: '# cli limits test\n', runsDir });
  events = new RunFolder(outcome.runDir).readEvents();
}, 600_000);

afterAll(async () => {
  delete process.env[KEY_ENV];
  await Promise.all(Object.values(servers).map((s) => s.close()));
  if (!process.env.KEEP_RUNS) rmSync(runsDir, { recursive: true, force: true });
});

const diff = (player: string) => readFileSync(join(outcome.runDir, 'players', player, 'diffs', 'round-1.diff'), 'utf8');

describe('edit phases of harnesses that do not simply finish', () => {
  it('finishes the tournament', () => {
    expect(outcome.status).toBe('finished');
  });

  it('ends as cost_limit when the next call would pass the budget, keeping the work done', () => {
    expect(finished('spender')).toMatchObject({ exit: 'cost_limit', steps: 1 });
    expect(servers.spender!.answered()).toBe(1); // the refused call never reached the provider
    expect(diff('spender')).toContain('+one');
    expect(diff('spender')).not.toContain('two');
  });

  it('ends as step_limit after the last allowed call', () => {
    expect(finished('counter')).toMatchObject({ exit: 'step_limit', steps: 1 });
    expect(servers.counter!.answered()).toBe(1);
  });

  it('ends as provider_error when the provider refuses the harness, and the previous code plays', () => {
    expect(finished('refused').exit).toBe('provider_error');
    expect(finished('refused').summary).toMatch(/provider error: .*403.*this key may not use m/);
    expect(servers.refused!.answered()).toBe(0);
    expect(finished('refused').diff.files).toBe(0);
  });

  it('lets any command reach the gateway over the loopback URL, metered like the presets', () => {
    expect(finished('asker')).toMatchObject({ exit: 'submitted', steps: 1 });
    expect(diff('asker')).toContain('+hello from the model');
    expect(finished('asker').costUsd).toBeCloseTo(0.003, 12);
    expect(servers.asker!.calls[0]!.url).toBe('/v1/chat/completions');
  });

  it('ends a harness that exits non-zero as crashed, quoting its output', () => {
    expect(finished('crasher').exit).toBe('crashed');
    expect(finished('crasher').summary).toContain('the harness blew up');
    expect(finished('crasher').summary).toContain('exit code 3');
  });

  it('stops a harness that hangs at its time limit', () => {
    expect(finished('sleeper').exit).toBe('time_limit');
  });

  it('leaves no containers behind', async () => {
    expect(await listContainers(outcome.id)).toEqual([]);
  });
});
