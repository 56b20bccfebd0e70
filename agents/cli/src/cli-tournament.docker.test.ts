// A whole tournament of a Claude Code player, a Codex player and a native llm player, all on
// scripted providers on loopback. Everything else is real: the pinned harness programs from npm,
// the model gateway on a unix socket, the workspace containers (network none) they run in, git,
// the sims. The scripted tool calls change each bot, and the changes land in the round commits.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Event, type EventOf, TournamentConfig } from '@codearena/protocol';
import { RAISE_FOOD } from '@codearena/agent-llm/test-support/bot-edits.ts';
import { type ScriptedServer, startScriptedServer } from '@codearena/agent-llm/test-support/scripted-server.ts';
import { buildLeaderboard } from '@codearena/server/rating/leaderboard.ts';
import { listContainers } from '@codearena/server/sandbox/cleanup.ts';
import { StoreIndex } from '@codearena/server/store/index-db.ts';
import { RunFolder } from '@codearena/server/store/run-folder.ts';
import { type TournamentOutcome, runTournament } from '@codearena/server/tournament/tournament.ts';
import { costOf } from '@codearena/agent-llm';
import { ensureHarness } from './install/harness-cache.ts';

const KEY_ENV = 'CODEARENA_TEST_CLI_KEY';
// The provider key, in two halves: the scripted commands put it together inside the container,
// so the whole key is written nowhere but in this process's environment.
const KEY_HEAD = 'sk-codearena-';
const KEY_TAIL = 'never-inside-4242';
const KEY = KEY_HEAD + KEY_TAIL;
const PRICE = { input: 2, output: 10 };

const ALWAYS_UP = `cat > bot/strategy.py <<'EOF'
"""Always up: a deliberately bad strategy (the test needs a change that shows in the results)."""


def choose_move(request, params):
    return "up"
EOF`;

/** Looks for the key everywhere in the container (environments of every process, every file)
 *  and shows that it could see the harness's environment (the gateway token's variable). */
const PROBE = `k='${KEY_HEAD}'; k="$k"'${KEY_TAIL}'
seen=$(for f in /proc/[0-9]*/environ; do tr '\\0' '\\n' < "$f"; echo; done 2>/dev/null)
echo "token vars: $(printf '%s\\n' "$seen" | grep -c '^CODEARENA_GATEWAY_TOKEN=cgw-')"
echo "key in environments: $(printf '%s\\n' "$seen" | grep -cF "$k")"
echo "key in files: $(grep -rlsF --exclude-dir=proc --exclude-dir=sys "$k" / 2>/dev/null | wc -l)"
echo probe done`;

let runsDir: string;
let store: StoreIndex;
let claude: ScriptedServer;
let codex: ScriptedServer;
let native: ScriptedServer;
let outcome: TournamentOutcome;
let events: Event[];
const of = <T extends Event['type']>(t: T) => events.filter((e): e is EventOf<T> => e.type === t);
const file = (...p: string[]) => readFileSync(join(outcome.runDir, ...p), 'utf8');

beforeAll(async () => {
  await Promise.all([ensureHarness('claude-code'), ensureHarness('codex')]);
  runsDir = mkdtempSync(join(tmpdir(), 'codearena-cli-runs-'));
  store = new StoreIndex(join(runsDir, 'codearena.sqlite'));
  process.env[KEY_ENV] = KEY;
  claude = await startScriptedServer('anthropic', [
    // round 1: two tool calls, then the final answer
    { text: 'Food matters more: raise food_weight.', command: RAISE_FOOD },
    { command: "printf 'round 1: food_weight 4 -> 9\\n' > NOTES.md" },
    { text: 'Done: food_weight is 9.' },
    // round 2: looks for the key, changes nothing
    { command: PROBE },
    { text: 'Nothing to change.' },
  ]);
  codex = await startScriptedServer('openai', [
    { text: 'Replace the strategy.', command: ALWAYS_UP },
    { text: 'Done.' },
    { command: PROBE },
    { text: 'Nothing to change.' },
  ]);
  native = await startScriptedServer('openai', [{ command: RAISE_FOOD }, { command: 'submit' }, { command: 'submit' }]);
  const upstream = (server: ScriptedServer) => ({
    base_url: server.baseURL,
    api_key_env: KEY_ENV,
    price: PRICE,
    limits: { steps: 8 },
  });
  const config = TournamentConfig.parse({
    tournament: { rounds: 2, sims_per_round: 2, sim_concurrency: 2, seed: 5 },
    arena: { id: 'battlesnake' },
    players: [
      { name: 'claude', agent: { kind: 'cli', harness: 'claude-code', model: 'claude-test', ...upstream(claude) } },
      { name: 'codex', agent: { kind: 'cli', harness: 'codex', model: 'gpt-test', ...upstream(codex) } },
      {
        name: 'native',
        agent: { kind: 'llm', provider: 'openai', model: 'gpt-test', retries: 0, ...upstream(native) },
      },
    ],
    limits: { edit_seconds: 240, memory_mb: 1024 },
  });
  outcome = await runTournament({ config, rawConfig: '# cli test\n', runsDir, store });
  events = new RunFolder(outcome.runDir).readEvents();
}, 600_000);

afterAll(async () => {
  delete process.env[KEY_ENV];
  store?.close();
  await Promise.all([claude?.close(), codex?.close(), native?.close()]);
  if (!process.env.KEEP_RUNS) rmSync(runsDir, { recursive: true, force: true });
});

describe('a tournament of Claude Code, Codex and a native llm player', () => {
  it('plays every round, each player ending as its script makes it', () => {
    expect(outcome.status).toBe('finished');
    const exits = of('edit.finished')
      .map((e) => `${e.round} ${e.player} ${e.exit} ${e.steps}`)
      .sort();
    expect(exits).toEqual([
      '1 claude submitted 3',
      '1 codex submitted 2',
      '1 native submitted 2',
      '2 claude unchanged 2',
      '2 codex unchanged 2',
      '2 native unchanged 1',
    ]);
    expect([claude.left(), codex.left(), native.left()]).toEqual([0, 0, 0]);
    // Streaming requests, over each harness's own API.
    expect(claude.calls.every((c) => c.url.startsWith('/v1/messages'))).toBe(true);
    expect(codex.calls.every((c) => c.url === '/v1/responses')).toBe(true);
    expect(claude.requests.every((r) => r.stream === true)).toBe(true);
    expect(codex.requests.every((r) => r.stream === true)).toBe(true);
  });

  it("lands each harness's edits in the round's commit", () => {
    expect(file('players', 'claude', 'diffs', 'round-1.diff')).toMatch(/^\+.*"value": 9\.0/m);
    expect(file('players', 'claude', 'diffs', 'round-1.diff')).toContain('+round 1: food_weight 4 -> 9');
    expect(file('players', 'codex', 'diffs', 'round-1.diff')).toMatch(/^\+ {4}return "up"$/m);
    expect(file('players', 'native', 'diffs', 'round-1.diff')).toMatch(/^\+.*"value": 9\.0/m);
    expect(
      of('validation')
        .filter((v) => v.round > 0)
        .every((v) => v.ok),
    ).toBe(true);
  });

  it('meters every exchange at the gateway: steps with tokens and cost, from the usage fields', () => {
    const perCall = costOf({ input: 1000, output: 100, cachedInput: 0, cacheWrite: 0 }, PRICE);
    for (const player of ['claude', 'codex']) {
      const steps = of('edit.step').filter((s) => s.player === player && s.round === 1);
      expect(steps.length).toBeGreaterThan(0);
      for (const s of steps) {
        expect(s.tokens).toEqual({ input: 1000, output: 100 });
        expect(s.costUsd).toBeCloseTo(perCall, 12);
      }
      const fin = of('edit.finished').find((e) => e.player === player && e.round === 1)!;
      expect(fin.costUsd).toBeCloseTo(fin.steps * perCall, 12);
    }
    // The live view's step says what the model did and what came of it.
    const first = of('edit.step').find((s) => s.player === 'claude' && s.round === 1 && s.step === 1)!;
    expect(first.action).toContain('food_weight');
    expect(first.thought).toBe('Food matters more: raise food_weight.');
    // The answers ledger keeps each relayed answer's bytes, for resume and replay.
    const answers = new RunFolder(outcome.runDir).readAnswers('codex', 1);
    expect(answers).toHaveLength(2);
    expect(answers.every((a) => a.wire?.contentType.startsWith('text/event-stream'))).toBe(true);
  });

  it('keeps the provider key out of the containers and the run folder', () => {
    for (const player of ['claude', 'codex']) {
      const probe = of('edit.step').find((s) => s.player === player && s.round === 2 && s.step === 1)!;
      expect(probe.output).toContain('probe done');
      expect(probe.output).toMatch(/token vars: [1-9]/); // it did see the harness's environment
      expect(probe.output).toContain('key in environments: 0');
      expect(probe.output).toContain('key in files: 0');
    }
    const leaks: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        const st = statSync(path);
        if (st.isDirectory()) walk(path);
        else if (st.isFile() && readFileSync(path).includes(KEY)) leaks.push(path);
      }
    };
    walk(outcome.runDir);
    expect(leaks).toEqual([]);
  });

  it('ranks harness and model together on the leaderboard by agent', () => {
    const lb = buildLeaderboard(store.roundResults({ arena: 'battlesnake' }), 'agent', { samples: 0 });
    expect(lb.rows.map((r) => r.id).sort()).toEqual(['claude-code:claude-test', 'codex:gpt-test', 'llm:gpt-test']);
  });

  it('leaves no containers behind', async () => {
    expect(await listContainers(outcome.id)).toEqual([]);
    const tags = execFileSync(
      'git',
      ['-c', 'safe.directory=*', '-C', join(outcome.runDir, 'players', 'codex', 'repo'), 'tag', '--list'],
      { encoding: 'utf8' },
    );
    expect(tags.trim().split('\n')).toEqual(['round-0', 'round-1', 'round-2']);
  });
});
