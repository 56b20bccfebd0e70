// Rounds without sims and infrastructure failures, with real Docker: forfeits leave a round
// with nothing to play, limits the machine cannot grant, containers that vanish mid-sim or
// never stay up. Infrastructure is never scored: a spoiled sim is replayed, a round that cannot
// be played is aborted unscored, and no bot is blamed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { type Event, type EventOf, TournamentConfig } from '@codearena/protocol';
import { getArena } from '../arenas.ts';
import { EventBus } from '../bus/event-bus.ts';
import { ConfigError } from '../config/config-error.ts';
import { FIXTURE_BOTS } from '../paths.ts';
import { listContainers, removeContainers } from '../sandbox/cleanup.ts';
import { LABEL_ROLE, LABEL_RUN, docker } from '../sandbox/docker-client.ts';
import { InfraError } from '../sandbox/infra-error.ts';
import { RunFolder } from '../store/run-folder.ts';
import { competePhase } from './compete-phase.ts';
import { runTournament } from './tournament.ts';

let runsDir: string;
const runIds: string[] = [];
beforeAll(() => {
  runsDir = mkdtempSync(join(tmpdir(), 'codearena-infra-'));
});
afterAll(async () => {
  for (const id of runIds) await removeContainers(id);
  rmSync(runsDir, { recursive: true, force: true });
});

const config = (over: Record<string, unknown> = {}) =>
  TournamentConfig.parse({
    tournament: { rounds: 1, sims_per_round: 3, sim_concurrency: 1, seed: 5 },
    arena: { id: 'battlesnake' },
    players: [
      { name: 'a', agent: { kind: 'noop' } },
      { name: 'b', agent: { kind: 'noop' } },
    ],
    ...over,
  });
const of = <T extends Event['type']>(events: Event[], t: T) => events.filter((e): e is EventOf<T> => e.type === t);
const newRunId = (what: string) => {
  const id = `test-infra-${what}-${process.pid}-${runIds.length}`;
  runIds.push(id);
  return id;
};

describe('a round with no sims', () => {
  it('finishes cleanly when one of two BattleSnake players forfeits: results written, the other wins', async () => {
    const s = await runTournament({
      config: config({
        players: [
          { name: 'a', agent: { kind: 'noop' } },
          { name: 'b', agent: { kind: 'noop' }, codebase: join(FIXTURE_BOTS, 'crasher') },
        ],
      }),
      rawConfig: '',
      runsDir,
      runId: newRunId('forfeit'),
    });
    expect(s.status).toBe('finished');
    expect(s.rounds.map((r) => [r.round, r.sims, r.winner, r.forfeited])).toEqual([
      [0, 0, 'a', ['b']],
      [1, 0, 'a', ['b']],
    ]);
    for (const r of [0, 1]) expect(new RunFolder(s.runDir).readRoundResults(r)?.winner).toBe('a');
    expect(s.winner).toBe('a');
  });

  it('finishes cleanly when one of two CoreWar players forfeits', async () => {
    const broken = mkdtempSync(join(runsDir, 'warrior-'));
    writeFileSync(join(broken, 'warrior.red'), 'this is not redcode\n');
    const s = await runTournament({
      config: config({
        arena: { id: 'corewar' },
        players: [
          { name: 'a', agent: { kind: 'noop' } },
          { name: 'b', agent: { kind: 'noop' }, codebase: broken },
        ],
      }),
      rawConfig: '',
      runsDir,
      runId: newRunId('corewar'),
    });
    expect(s.status).toBe('finished');
    expect(s.rounds.map((r) => [r.sims, r.winner, r.forfeited])).toEqual([
      [0, 'a', ['b']],
      [0, 'a', ['b']],
    ]);
    expect(new RunFolder(s.runDir).readRoundResults(1)).not.toBeNull();
  });

  it("refuses limits.cpus above the Docker host's CPUs up front, naming the field", async () => {
    const ncpu = (await docker().info()).NCPU as number;
    const id = newRunId('cpus');
    const err = await runTournament({
      config: config({ limits: { cpus: ncpu + 1 } }),
      rawConfig: '',
      runsDir,
      runId: id,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).issues.map((i) => i.path)).toEqual(['limits.cpus']);
    expect((err as ConfigError).message).toContain(`at most ${ncpu}`);
    expect(existsSync(join(runsDir, id))).toBe(false);
  });
});

describe('infrastructure failures are not bot faults', () => {
  it('a sandbox that cannot start aborts the round (InfraError) instead of making its player forfeit', async () => {
    const { arena, starter } = getArena('battlesnake');
    const bus = new EventBus(newRunId('nostart'));
    const events: Event[] = [];
    bus.subscribe((e) => events.push(e));
    // More CPUs than any machine here has: Docker refuses to start the container, every time.
    const r = competePhase({
      round: 0,
      arena,
      args: arena.parseArgs({}),
      players: [
        { name: 'a', codeDir: starter },
        { name: 'b', codeDir: starter },
      ],
      sims: 2,
      concurrency: 1,
      seed: 1,
      deadlineMs: 500,
      mode: 'docker',
      limits: { memoryMb: 256, cpus: 64, pids: 64 },
      bus,
      layout: new RunFolder(join(runsDir, bus.tournamentId)),
      signal: new AbortController().signal,
      frameEvery: 0,
    });
    await expect(r).rejects.toThrow(InfraError);
    await expect(r).rejects.toThrow(/sandbox did not start/);
    expect(of(events, 'validation')).toEqual([]);
    expect(of(events, 'fault').filter((e) => e.scope !== 'system')).toEqual([]);
  });

  it('a container removed mid-sim voids that sim, which is replayed on a fresh container; no bot is blamed', async () => {
    const runId = newRunId('vanish');
    let removal: Promise<void> | null = null;
    const s = await runTournament({
      config: config(),
      rawConfig: '',
      runsDir,
      runId,
      listeners: [
        (e) => {
          if (removal || e.type !== 'match.frame' || e.matchId !== 'r0-s1' || e.turn !== 3) return;
          removal = (async () => {
            const c = (await listContainers(runId)).find((x) => x.role === 'compete:a');
            await docker().getContainer(c!.id).remove({ force: true });
          })();
        },
      ],
    });
    await removal;
    expect(removal).not.toBeNull();
    const events = new RunFolder(s.runDir).readEvents();
    expect(s.status).toBe('finished');
    const played = of(events, 'match.finished').map((e) => e.matchId);
    expect(played).toEqual(['r0-s0', 'r0-s1', 'r0-s2', 'r1-s0', 'r1-s1', 'r1-s2']);
    const crashes = of(events, 'fault').filter((e) => e.scope === 'bot' && e.fault.kind === 'crash');
    expect(crashes.map((e) => e.fault.detail)).toEqual([]);
    expect(of(events, 'match.finished').flatMap((e) => e.faults.filter((f) => f.kind === 'crash'))).toEqual([]);
    const voided = of(events, 'fault').filter((e) => e.scope === 'system');
    expect(voided.length).toBeGreaterThanOrEqual(1);
    expect(voided[0]!.fault.detail).toMatch(
      /^infrastructure: sim 1 voided, not scored .*a: container \w+ (unreachable|is not running|stopped)/,
    );
    expect(s.rounds[0]!.sims).toBe(3);
  });

  it('infrastructure that stays down aborts the round unscored; the tournament ends aborted with a system fault', async () => {
    const runId = newRunId('down');
    // Every container of player a is removed the moment it starts: Docker keeps failing it.
    const stream = (await docker().getEvents({
      filters: { type: ['container'], event: ['start'], label: [`${LABEL_RUN}=${runId}`, `${LABEL_ROLE}=compete:a`] },
    })) as Readable;
    const removals: Promise<unknown>[] = [];
    let buf = '';
    stream.on('data', (chunk: Buffer) => {
      buf += chunk.toString();
      for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
        const ev = JSON.parse(buf.slice(0, nl)) as { id: string };
        buf = buf.slice(nl + 1);
        removals.push(
          docker()
            .getContainer(ev.id)
            .remove({ force: true })
            .catch(() => {}),
        );
      }
    });
    let s;
    try {
      s = await runTournament({ config: config(), rawConfig: '', runsDir, runId });
    } finally {
      stream.destroy();
      await Promise.all(removals);
    }
    const events = new RunFolder(s.runDir).readEvents();
    expect(s.status).toBe('aborted');
    expect(s.abortReason).toBe('infrastructure');
    expect(s.winner).toBeNull();
    expect(of(events, 'round.finished')).toEqual([]);
    expect(new RunFolder(s.runDir).readRoundResults(0)).toBeNull();
    expect(of(events, 'validation').filter((v) => !v.ok)).toEqual([]);
    expect(of(events, 'fault').filter((e) => e.scope !== 'system')).toEqual([]);
    const last = of(events, 'fault').at(-1)!;
    expect(last.scope).toBe('system');
    expect(last.fault.detail).toMatch(/^infrastructure: .*a.*; round 0 aborted, not scored$/s);
    expect(of(events, 'tournament.finished')[0]).toMatchObject({
      status: 'aborted',
      reason: 'infrastructure',
      winner: null,
    });
    expect(removals.length).toBeGreaterThanOrEqual(2);
  });

  it('leaves no containers behind', async () => {
    for (const id of runIds) expect(await listContainers(id)).toEqual([]);
  });
});
