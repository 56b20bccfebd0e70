// A tournament of a Claude Code and a Codex player killed in the middle of their edit phases
// (SIGKILL of the CLI's whole process group) and resumed: the gateway serves each harness the
// answers already recorded, byte for byte, so neither provider is asked twice, and the harnesses
// redo the same edits. Then `codearena replay` re-runs it with no API key and no provider call.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Event, type EventOf, ReplayReport } from '@codearena/protocol';
import { RAISE_FOOD } from '@codearena/agent-llm/test-support/bot-edits.ts';
import {
  type Reply,
  type ScriptedServer,
  startScriptedServer,
} from '@codearena/agent-llm/test-support/scripted-server.ts';
import { killableCli, runIn, until } from '@codearena/server/cli/killable-cli.fixture.ts';
import { listContainers } from '@codearena/server/sandbox/cleanup.ts';
import { RunFolder } from '@codearena/server/store/run-folder.ts';
import { ensureHarness } from './install/harness-cache.ts';

const KEY_ENV = 'CODEARENA_TEST_CLI_RESUME_KEY';
/** Answer 3 runs long: the kill lands while it runs, after the answer was recorded. */
const KILL_AFTER = 3;
const script = (who: string): Reply[] => [
  { text: 'Look first.', command: 'cat params.json' },
  { text: 'Food matters more.', command: RAISE_FOOD },
  { command: `sleep 8; printf 'round 1: ${who} raised food\\n' > NOTES.md` },
  { text: 'Done.' },
];

let work: string;
const servers: Record<string, ScriptedServer> = {};

beforeAll(async () => {
  await Promise.all([ensureHarness('claude-code'), ensureHarness('codex')]);
  work = mkdtempSync(join(tmpdir(), 'codearena-cli-resume-'));
  servers.claude = await startScriptedServer('anthropic', script('claude'));
  servers.codex = await startScriptedServer('openai', script('codex'));
});
afterAll(async () => {
  cliRuns.killAll();
  for (const s of Object.values(servers)) await s.close();
  if (!process.env.KEEP_RUNS) rmSync(work, { recursive: true, force: true });
});

function configFile(): string {
  const file = join(work, 'cli-resume.json');
  const agent = (harness: string, server: ScriptedServer) => ({
    kind: 'cli',
    harness,
    model: 'test-model',
    base_url: server.baseURL,
    api_key_env: KEY_ENV,
    price: { input: 2, output: 10 },
  });
  writeFileSync(
    file,
    JSON.stringify({
      tournament: { name: 'cli-resume', rounds: 1, sims_per_round: 2, sim_concurrency: 2, seed: 13 },
      arena: { id: 'battlesnake' },
      players: [
        { name: 'claude', agent: agent('claude-code', servers.claude!) },
        { name: 'codex', agent: agent('codex', servers.codex!) },
      ],
      limits: { edit_seconds: 300, memory_mb: 1024 },
    }),
  );
  return file;
}

const cliRuns = killableCli();
const cli = (args: string[], env: NodeJS.ProcessEnv = { ...process.env, [KEY_ENV]: 'test-key' }) =>
  cliRuns.start(args, env);

const of = <T extends Event['type']>(events: Event[], t: T) => events.filter((e): e is EventOf<T> => e.type === t);
const lastEdits = (folder: RunFolder) => {
  const last = new Map<string, EventOf<'edit.finished'>>();
  for (const e of of(folder.readEvents(), 'edit.finished')) last.set(e.player, e);
  return Object.fromEntries([...last].map(([p, e]) => [p, `${e.exit} ${e.steps}`]));
};

describe('a tournament of CLI harnesses killed mid-edit', () => {
  let resumed: RunFolder;

  it('resumes without asking either provider again for a recorded answer', async () => {
    const runs = join(work, 'killed');
    const first = cli(['run', configFile(), '--runs', runs, '--quiet']);
    const recorded = (p: string) => runIn(runs)?.readAnswers(p, 1).length ?? 0;
    await until(
      () => recorded('claude') >= KILL_AFTER && recorded('codex') >= KILL_AFTER,
      `answer ${KILL_AFTER} of both was recorded`,
      first.child,
    );
    process.kill(-first.child.pid!, 'SIGKILL');
    await first.exited;
    expect([servers.claude!.answered(), servers.codex!.answered()]).toEqual([KILL_AFTER, KILL_AFTER]);
    const folder = runIn(runs)!;

    const again = await cli(['run', '--resume', folder.runDir, '--quiet']).exited;
    expect(again.code, again.out).toBe(0);
    // Every scripted answer was asked for exactly once over both processes.
    expect([servers.claude!.answered(), servers.codex!.answered()]).toEqual([4, 4]);
    expect(lastEdits(folder)).toEqual({ claude: 'submitted 4', codex: 'submitted 4' });
    for (const p of ['claude', 'codex']) {
      const diff = readFileSync(folder.diff(p, 1), 'utf8');
      expect(diff).toMatch(/^\+.*"value": 9\.0/m);
      expect(diff).toContain(`+round 1: ${p} raised food`);
      // The restarted phase was served the recorded answers, then went on live.
      expect(folder.readTrajectory(p, 1).map((s) => s.replayed === true)).toEqual([true, true, true, false]);
    }
    expect(await listContainers(folder.runDir.split('/').at(-1))).toEqual([]);
    resumed = folder;
  });

  it('replays with no API key and no provider call, reproducing every diff', async () => {
    const calls = [servers.claude!.answered(), servers.codex!.answered()];
    const env = { ...process.env };
    delete env[KEY_ENV];
    const r = await cli(['replay', resumed.runDir, '--quiet'], env).exited;
    expect(r.code, r.out).toBe(0);
    expect([servers.claude!.answered(), servers.codex!.answered()]).toEqual(calls);
    const replayDir = /replay run folder: (\S+)/.exec(r.out)?.[1];
    const report = ReplayReport.parse(JSON.parse(readFileSync(join(replayDir!, 'replay-report.json'), 'utf8')));
    expect(report.sameDiffs).toBe(true);
    expect(report.edits.map((e) => [e.player, e.recordedExit, e.replayedExit, e.steps]).sort()).toEqual([
      ['claude', 'submitted', 'submitted', 4],
      ['codex', 'submitted', 'submitted', 4],
    ]);
  });
});
