// The Docker daemon stops or restarts in the middle of a round, under the real command line:
// `codearena run` must end by itself with exit code 3 and one "aborted by an infrastructure
// failure" message naming Docker, log tournament.finished {aborted, infrastructure}, blame no
// bot or agent, and leave the interrupted round unfinished (unscored). A daemon that restarts
// within DAEMON_RETURN_MS costs only the sims it spoiled, replayed. Once the daemon is back, the
// aborted tournament is resumed and finishes. The daemon is a private
// one (private-dockerd.fixture.ts), so the shared daemon's other tests are not disturbed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Event, EventOf } from '@codearena/protocol';
import { REPO_BOX_IMAGE } from '../edit/repo-box.ts';
import { ROOT } from '../paths.ts';
import { type PrivateDockerd, startPrivateDockerd } from '../sandbox/private-dockerd.fixture.ts';
import { RunFolder } from '../store/run-folder.ts';

const BIN = join(ROOT, 'server', 'bin', 'codearena.js');
let dockerd: PrivateDockerd;
let work: string;
let cases = 0;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'codearena-dockerd-'));
  dockerd = await startPrivateDockerd([REPO_BOX_IMAGE]);
}, 300_000);
afterAll(async () => {
  await dockerd?.dispose();
  rmSync(work, { recursive: true, force: true });
}, 300_000);

const noop = { kind: 'noop' };
const search = { kind: 'search', candidates: 4, sims_per_candidate: 4, step: 0.3 };

function config(agents: object[]): string {
  const dir = join(work, `case-${++cases}`);
  const file = `${dir}.yaml`;
  const players = agents.map((a, i) => `  - name: p${i}\n    agent: ${JSON.stringify(a)}`).join('\n');
  writeFileSync(
    file,
    `tournament: { rounds: 2, sims_per_round: 6, sim_concurrency: 2, seed: 12 }\narena: { id: battlesnake }\n` +
      `players:\n${players}\nlimits: { edit_seconds: 300, memory_mb: 256, cpus: 1 }\n`,
  );
  return file;
}

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
  events: Event[];
  runDir: string;
}

/** Runs `codearena run` on the private daemon; `when` is awaited on every new event until it
 *  returns true (then it has done its part: stopped the daemon, say). */
async function runUntil(cfg: string, when: (e: Event) => boolean | Promise<boolean>): Promise<Outcome> {
  const runs = `${cfg}.runs`;
  const child = spawn(process.execPath, [BIN, 'run', cfg, '--runs', runs, '--quiet'], {
    env: { ...process.env, DOCKER_HOST: dockerd.host, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let done = false;
  void exited.then(() => (done = true));
  try {
    // Follow the run's log as it grows; the run folder is the only directory in `runs`.
    let tail: ReturnType<RunFolder['tailEvents']> | null = null;
    let fired = false;
    while (!fired && !done) {
      tail ??= runFolder(runs)?.tailEvents() ?? null;
      for (const e of tail?.read() ?? []) if (!fired && (await when(e))) fired = true;
      if (!fired) await Promise.race([exited, new Promise((r) => setTimeout(r, 100))]); // poll the file
    }
    expect(fired, `the run ended before the moment to interrupt it:\n${stdout}\n${stderr}`).toBe(true);
    const code = await exited;
    const folder = runFolder(runs)!;
    return { code, stdout, stderr, events: folder.readEvents(), runDir: folder.runDir };
  } finally {
    if (!done) child.kill('SIGKILL');
  }
}

function runFolder(runs: string): RunFolder | null {
  let names: string[];
  try {
    names = readdirSync(runs).filter((n) => statSync(join(runs, n)).isDirectory());
  } catch {
    return null;
  }
  return names[0] ? new RunFolder(join(runs, names[0])) : null;
}

const of = <T extends Event['type']>(events: Event[], t: T) => events.filter((e): e is EventOf<T> => e.type === t);

/** What every interruption must end with, whatever phase it hit. */
function expectAbortedByInfrastructure(o: Outcome, round: number): void {
  const output = `${o.stdout}\n${o.stderr}`;
  expect(o.code, output).toBe(3);
  expect(output.match(/aborted by an infrastructure failure/g), output).toHaveLength(1);
  expect(output).toMatch(/aborted by an infrastructure failure: [^\n]*Docker/);
  const finished = of(o.events, 'tournament.finished');
  expect(finished.map((e) => [e.status, e.reason])).toEqual([['aborted', 'infrastructure']]);
  const blamed = of(o.events, 'fault').filter((f) => f.scope === 'bot' || f.scope === 'agent');
  expect(blamed, 'no bot or agent is blamed for the outage').toEqual([]);
  expect(of(o.events, 'round.finished').map((e) => e.round)).toEqual(Array.from({ length: round }, (_, i) => i));
  expect(of(o.events, 'validation').filter((v) => v.round === round && !v.ok)).toEqual([]);
}

describe('the Docker daemon goes away mid-round', () => {
  it('stopped during round 1 sims: exit 3, one message, aborted (infrastructure), nobody blamed', async () => {
    await ensureRunning();
    const o = await runUntil(
      config([noop, noop]),
      stopWhen((e) => e.type === 'match.started' && e.round === 1),
    );
    expectAbortedByInfrastructure(o, 1);
    await expectResumes(o);
  }, 600_000);

  it('stopped during a search agent edit phase: exit 3, one message, no agent blamed', async () => {
    await ensureRunning();
    const o = await runUntil(
      config([search, noop]),
      stopWhen((e) => e.type === 'edit.step' && e.round === 1),
    );
    expectAbortedByInfrastructure(o, 1);
    expect(of(o.events, 'edit.finished').filter((e) => e.round === 1 && e.exit === 'crashed')).toEqual([]);
    await expectResumes(o);
  }, 600_000);

  it('restarted during round 1 sims: the spoiled sims are replayed on fresh containers, the tournament finishes', async () => {
    // A restart kills every container; the daemon is back within DAEMON_RETURN_MS, so the
    // voided sims are replayed (same seeds) instead of the round being aborted.
    await ensureRunning();
    const o = await runUntil(config([noop, noop]), async (e) => {
      if (e.type !== 'match.started' || e.round !== 1) return false;
      await dockerd.stop();
      await dockerd.start();
      return true;
    });
    const output = `${o.stdout}\n${o.stderr}`;
    expect(o.code, output).toBe(0);
    expect(output).not.toContain('aborted');
    expect(of(o.events, 'tournament.finished').map((e) => e.status)).toEqual(['finished']);
    expect(of(o.events, 'round.finished').map((e) => e.round)).toEqual([0, 1, 2]);
    const sims = of(o.events, 'match.finished').filter((m) => m.round === 1);
    expect(sims.map((m) => m.sim).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    const voided = of(o.events, 'fault').filter((f) => f.scope === 'system' && f.round === 1);
    expect(voided.length, 'the restart spoiled at least the sim in play').toBeGreaterThan(0);
    expect(voided.every((f) => f.fault.detail.includes('voided'))).toBe(true);
    const blamed = of(o.events, 'fault').filter((f) => f.scope === 'bot' || f.scope === 'agent');
    expect(blamed, 'no bot or agent is blamed for the restart').toEqual([]);
  }, 600_000);
});

/** Once the daemon is back, `codearena run --resume` finishes the aborted tournament. */
async function expectResumes(o: Outcome): Promise<void> {
  await ensureRunning();
  const child = spawn(process.execPath, [BIN, 'run', '--resume', o.runDir, '--quiet'], {
    env: { ...process.env, DOCKER_HOST: dockerd.host, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr.on('data', (b: Buffer) => (output += b.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect(code, output).toBe(0);
  const events = new RunFolder(o.runDir).readEvents();
  expect(of(events, 'tournament.finished').map((e) => e.status)).toEqual(['aborted', 'finished']);
  expect(of(events, 'round.finished').map((e) => e.round)).toEqual([0, 1, 2]);
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
}

/** Stops the daemon at the first event that matches. */
const stopWhen = (at: (e: Event) => boolean) => async (e: Event) => {
  if (!at(e)) return false;
  await dockerd.stop();
  return true;
};

async function ensureRunning(): Promise<void> {
  await dockerd.start().catch((e: Error) => {
    if (!e.message.includes('already running')) throw e;
  });
}
