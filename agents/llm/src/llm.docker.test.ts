// A whole tournament of two LLM players, one per wire format, against scripted providers on
// loopback. Everything else is real: the workspace containers the commands run in, git, the
// sims. The scripted commands change each bot, and the change shows in the diffs and results.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Event, type EventOf, TournamentConfig } from '@codearena/protocol';
import { buildLeaderboard } from '@codearena/server/rating/leaderboard.ts';
import { listContainers } from '@codearena/server/sandbox/cleanup.ts';
import { StoreIndex } from '@codearena/server/store/index-db.ts';
import { RunFolder } from '@codearena/server/store/run-folder.ts';
import { type TournamentOutcome, runTournament } from '@codearena/server/tournament/tournament.ts';
import { costOf, priceFor } from './pricing.ts';
import { RAISE_FOOD } from './test-support/bot-edits.ts';
import { type ScriptedServer, startScriptedServer } from './test-support/scripted-server.ts';

const KEY_ENV = 'CODEARENA_TEST_LLM_KEY';
const GPT_MODEL = 'gpt-4o-mini';
const CLAUDE_MODEL = 'claude-haiku-4-5';

const ALWAYS_UP = `cat > bot/strategy.py <<'EOF'
"""Always up: a deliberately bad strategy (the test needs a change that shows in the results)."""


def choose_move(request, params):
    return "up"
EOF`;

let runsDir: string;
let store: StoreIndex;
let gpt: ScriptedServer;
let claude: ScriptedServer;
let summary: TournamentOutcome;
let events: Event[];
const of = <T extends Event['type']>(t: T) => events.filter((e): e is EventOf<T> => e.type === t);
const file = (...p: string[]) => readFileSync(join(summary.runDir, ...p), 'utf8');

beforeAll(async () => {
  runsDir = mkdtempSync(join(tmpdir(), 'codearena-llm-runs-'));
  store = new StoreIndex(join(runsDir, 'codearena.sqlite'));
  process.env[KEY_ENV] = 'test-key';
  gpt = await startScriptedServer('openai', [
    // round 1: native tool calls
    { text: 'First, the tunable numbers, the logs and who I am.', command: 'cat params.json; ls /logs/rounds; id -u' },
    { text: 'Food matters more: raise food_weight.', command: RAISE_FOOD },
    { command: "printf 'round 1: food_weight 4 -> 9\\n' > NOTES.md" },
    { text: 'Done.', command: 'submit' },
    // round 2: the logs are readable, nothing outside the repo is writable
    {
      command:
        'cat /logs/rounds/1/results.json; git log --oneline | head -1; ls /opponents/claude/bot; touch /logs/rounds/x; touch .git/x; touch /opponents/claude/x; touch /etc/x; echo finished',
    },
    { command: 'submit' },
  ]);
  claude = await startScriptedServer('anthropic', [
    // round 1: a plain-text answer (one fenced block), then tool calls
    { text: `I will replace the strategy.\n\n\`\`\`bash\n${ALWAYS_UP}\n\`\`\`` },
    {
      command: `python3 -c "import sys; sys.path.insert(0, 'bot'); import strategy; print(strategy.choose_move({}, {}))"`,
    },
    { command: 'submit' },
    // round 2: breaks the bot, then the provider fails for good: the round-1 code must play
    { command: 'echo broken > run' },
    { status: 500, headers: { 'retry-after': '0' }, message: 'upstream exploded' },
    { status: 500, headers: { 'retry-after': '0' }, message: 'upstream exploded' },
  ]);
  const llm = (server: ScriptedServer, provider: string, model: string) => ({
    kind: 'llm',
    provider,
    model,
    base_url: server.baseURL,
    api_key_env: KEY_ENV,
    retries: 1,
    limits: { steps: 8 },
  });
  const config = TournamentConfig.parse({
    tournament: { rounds: 2, sims_per_round: 2, sim_concurrency: 2, seed: 3, transparent: true },
    arena: { id: 'battlesnake' },
    players: [
      { name: 'gpt', agent: llm(gpt, 'openai', GPT_MODEL) },
      { name: 'claude', agent: llm(claude, 'anthropic', CLAUDE_MODEL) },
    ],
    limits: { edit_seconds: 120 },
  });
  summary = await runTournament({ config, rawConfig: '# llm test\n', runsDir, store });
  events = new RunFolder(summary.runDir).readEvents();
});

afterAll(async () => {
  delete process.env[KEY_ENV];
  store?.close();
  await gpt?.close();
  await claude?.close();
  if (!process.env.KEEP_RUNS) rmSync(runsDir, { recursive: true, force: true });
});

describe('a tournament of LLM players', () => {
  it('plays every round, with each player exiting as its script makes it', () => {
    expect(summary.status).toBe('finished');
    expect(gpt.left()).toBe(0);
    expect(claude.left()).toBe(0);
    const exits = of('edit.finished')
      .map((e) => `${e.round} ${e.player} ${e.exit} ${e.steps}`)
      .sort();
    expect(exits).toEqual([
      '1 claude submitted 3',
      '1 gpt submitted 4',
      '2 claude provider_error 1',
      '2 gpt unchanged 2',
    ]);
    // Every answer the providers sent (and only those) is in the players' answers ledgers, in order.
    const folder = new RunFolder(summary.runDir);
    const ledger = (p: string, r: number) => folder.readAnswers(p, r).map((a) => a.call);
    expect([ledger('gpt', 1), ledger('gpt', 2), ledger('claude', 1), ledger('claude', 2)]).toEqual([
      [1, 2, 3, 4],
      [1, 2],
      [1, 2, 3],
      [1],
    ]);
    expect(gpt.answered() + claude.answered()).toBe(10);
    const started = of('tournament.started')[0]!;
    expect(started.players).toEqual([
      { name: 'gpt', agent: 'llm', model: GPT_MODEL },
      { name: 'claude', agent: 'llm', model: CLAUDE_MODEL },
    ]);
  });

  it("commits what the commands changed: the diffs show each bot's change", () => {
    const r1 = Object.fromEntries(
      of('edit.finished')
        .filter((e) => e.round === 1)
        .map((e) => [e.player, e]),
    );
    expect(r1.gpt!.diff).toEqual({ files: 2, insertions: expect.any(Number), deletions: expect.any(Number) });
    const gptDiff = file('players', 'gpt', 'diffs', 'round-1.diff');
    expect(gptDiff).toMatch(/^\+.*"value": 9\.0/m);
    expect(gptDiff).toContain('+round 1: food_weight 4 -> 9');
    expect(r1.claude!.diff.files).toBe(1);
    expect(file('players', 'claude', 'diffs', 'round-1.diff')).toMatch(/^\+ {4}return "up"$/m);
    // Round 2: the provider failed after claude broke `run`; the round-1 code plays again.
    const r2claude = of('edit.finished').find((e) => e.round === 2 && e.player === 'claude')!;
    expect(r2claude.diff.files).toBe(0);
    expect(r2claude.summary).toMatch(/provider error: .*upstream exploded.*the previous round's code plays/);
    expect(
      of('validation')
        .filter((v) => v.round === 2)
        .every((v) => v.ok),
    ).toBe(true);
  });

  it('changes the match results: the always-up snake now loses every game within a few turns', () => {
    const byRound = (r: number) => of('match.finished').filter((m) => m.round === r);
    expect(Math.max(...byRound(0).map((m) => m.turns))).toBeGreaterThan(11); // two starters play long games
    for (const r of [1, 2]) {
      expect(summary.rounds[r]!.simWins.claude).toBe(0);
      for (const m of byRound(r)) {
        expect(m.turns).toBeLessThanOrEqual(11); // up from y ≥ 1 leaves the 11-high board by turn 10
        expect(m.ranks.gpt).toBeLessThanOrEqual(m.ranks.claude!);
      }
    }
    expect(summary.roundWins.claude).toBe(0);
  });

  it('groups the leaderboard by model', () => {
    const lb = buildLeaderboard(store.roundResults({ arena: 'battlesnake' }), 'agent', { samples: 0 });
    expect(lb.rows.map((r) => r.id).sort()).toEqual([`llm:${CLAUDE_MODEL}`, `llm:${GPT_MODEL}`]);
  });

  it("runs the commands in the player's own container: repo writable, logs and everything else read-only", () => {
    const steps = of('edit.step');
    const first = steps.find((s) => s.round === 1 && s.player === 'gpt' && s.step === 1)!;
    expect(first.output).toContain('"food_weight"');
    expect(first.output).toMatch(/^0$/m); // /logs/rounds lists round 0
    expect(first.output.trim().split('\n').at(-1)).not.toBe('0'); // not root
    const r2 = steps.find((s) => s.round === 2 && s.player === 'gpt' && s.step === 1)!.output;
    expect(r2).toContain('"simWins"');
    expect(r2).toMatch(/round 1: submitted/); // git log works on the read-only .git
    expect(r2).toContain('strategy.py'); // transparent: the opponent's round-1 code
    expect(r2.match(/Read-only file system/g)).toHaveLength(4);
    expect(r2).toContain('finished');
    const probe = steps.find((s) => s.round === 1 && s.player === 'claude' && s.step === 2)!;
    expect(probe.output).toBe('Exit code 0.\nup\n');
  });

  it('records every step with tokens and cost, in the events and in the trajectory files', () => {
    const price = priceFor(GPT_MODEL)!;
    const perStep = costOf({ input: 1000, output: 100, cachedInput: 0, cacheWrite: 0 }, price);
    const fin = of('edit.finished').find((e) => e.round === 1 && e.player === 'gpt')!;
    expect(fin.costUsd).toBeCloseTo(4 * perStep, 12);
    for (const s of of('edit.step').filter((x) => x.player === 'gpt')) {
      expect(s.tokens).toEqual({ input: 1000, output: 100 });
      expect(s.costUsd).toBeCloseTo(perStep, 12);
    }
    const lines = file('players', 'gpt', 'trajectory', 'round-1.jsonl')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.action)).toEqual([
      'cat params.json; ls /logs/rounds; id -u',
      RAISE_FOOD,
      expect.stringContaining('NOTES.md'),
      'submit',
    ]);
    expect(lines[0].messages.map((m: { role: string }) => m.role)).toEqual(['system', 'user', 'assistant', 'tool']);
    expect(lines[0].messages[0].content).toContain('BattleSnake — what your codebase must do');
    expect(lines[1]).toMatchObject({
      thought: 'Food matters more: raise food_weight.',
      tokens: { input: 1000, output: 100 },
    });
    expect(file('players', 'claude', 'trajectory', 'round-2.jsonl').trim().split('\n')).toHaveLength(1);
  });

  it("shows the model the last round's results and its own notes at the start of a round", () => {
    const round2 = gpt.requests[4]!.messages as { role: string; content: string }[];
    const task = round2[1]!.content;
    expect(task).toContain('Round 2 of 2');
    expect(task).toMatch(/Round 1: 2 sims; sim wins: gpt \(you\) \d, claude 0/);
    expect(task).toContain('round 1: food_weight 4 -> 9');
    expect(task).toContain('their code as of round 1: /opponents/claude/');
  });

  it('leaves no containers behind', async () => {
    expect(await listContainers(summary.id)).toEqual([]);
    const tags = execFileSync(
      'git',
      ['-c', 'safe.directory=*', '-C', join(summary.runDir, 'players', 'claude', 'repo'), 'tag', '--list'],
      { encoding: 'utf8' },
    );
    expect(tags.trim().split('\n')).toEqual(['round-0', 'round-1', 'round-2']);
  });
});
