// A small tournament played "by hand" through the real bus, run log, index and run folder
// layout (no Docker): the input of the gateway's tests.
import { join } from 'node:path';
import { type Event, TournamentConfig, matchIdOf } from '@codearena/protocol';
import { EventBus, type Listener } from '../bus/event-bus.ts';
import { StoreIndex } from '../store/index-db.ts';
import { RunFolder } from '../store/run-folder.ts';
import { type LeaseHandle, acquireLease } from '../store/run-lease.ts';
import type { RunLog } from '../store/run-log.ts';

export interface FixtureRun {
  id: string;
  runDir: string;
  bus: EventBus;
  log: RunLog;
  /** The run's lease, held by this process until finish(). */
  lease: LeaseHandle;
  /** Plays one sim: match.started, `turns` frames, match.finished (replay written first). */
  playMatch(round: number, sim: number, winner: string, turns?: number): void;
  finish(): void;
}

export const PLAYERS = ['alice', 'bob'] as const;

/** The config the fixture's runs are written with (config.json; the index stores it). */
export const fixtureConfig = TournamentConfig.parse({
  arena: { id: 'battlesnake' },
  tournament: { rounds: 2 },
  players: PLAYERS.map((name) => ({ name, agent: { kind: 'noop' } })),
});

export function frameAt(turn: number) {
  return {
    turn,
    width: 7,
    height: 7,
    food: [{ x: 3, y: 3 }],
    snakes: [
      {
        id: 'alice',
        body: [
          { x: 1, y: Math.min(6, turn) },
          { x: 1, y: 0 },
        ],
        health: 100 - turn,
        alive: true,
      },
      {
        id: 'bob',
        body: [
          { x: 5, y: Math.min(6, turn) },
          { x: 5, y: 0 },
        ],
        health: 100 - turn,
        alive: true,
      },
    ],
  };
}

/** Starts a tournament in `runsDir` (indexed in `store`); `extra` listeners see every event. */
export function startRun(runsDir: string, store: StoreIndex, id: string, extra: Listener[] = []): FixtureRun {
  const layout = new RunFolder(join(runsDir, id));
  layout.writeConfig(fixtureConfig);
  // This process runs the tournament, as the round loop does: the index shows it running.
  const lease = acquireLease(layout);
  const log = layout.openLog();
  const bus = new EventBus(id);
  bus.subscribe((e) => log.append(e));
  bus.subscribe((e) => store.ingest(e));
  for (const l of extra) bus.subscribe(l);
  bus.emit({
    type: 'tournament.started',
    name: 'fixture',
    arena: 'battlesnake',
    rounds: 2,
    simsPerRound: 2,
    seed: 7,
    runDir: layout.runDir,
    players: [
      { name: 'alice', agent: 'noop', model: null },
      { name: 'bob', agent: 'llm', model: 'scripted-1' },
    ],
  });

  const playMatch = (round: number, sim: number, winner: string, turns = 5) => {
    const matchId = matchIdOf({ round, sim });
    const players = [...PLAYERS];
    bus.emit({ type: 'match.started', round, matchId, sim, seed: 100 * round + sim, players });
    const frames = [];
    for (let t = 0; t <= turns; t++) {
      frames.push(frameAt(t));
      bus.emit({ type: 'match.frame', round, matchId, turn: t, frame: frameAt(t) });
    }
    const ranks = { [winner]: 1, [winner === 'alice' ? 'bob' : 'alice']: 2 };
    const replay = layout.writeReplay({
      arena: 'battlesnake',
      round,
      sim,
      seed: 100 * round + sim,
      players,
      ranks,
      winner,
      reason: 'last snake standing',
      turns,
      faults: [],
      frames,
    });
    bus.emit({
      type: 'match.finished',
      round,
      matchId,
      sim,
      seed: 100 * round + sim,
      players,
      ranks,
      winner,
      turns,
      reason: 'last snake standing',
      faults: [],
      replay,
      ms: 12,
    });
  };

  return {
    id,
    runDir: layout.runDir,
    bus,
    log,
    lease,
    playMatch,
    finish: () => {
      bus.emit({
        type: 'tournament.finished',
        status: 'finished',
        winner: 'bob',
        roundWins: { alice: 0, bob: 1 },
        ratings: { alice: 1184, bob: 1216 },
      });
      log.close();
      lease.release();
    },
  };
}

/** Round 0 and round 1 (edit phase with steps, a diff and a trajectory), then finished. */
export function playFullRun(runsDir: string, store: StoreIndex, id: string, extra: Listener[] = []): FixtureRun {
  const run = startRun(runsDir, store, id, extra);
  const { bus } = run;
  const layout = new RunFolder(run.runDir);
  bus.emit({ type: 'round.started', round: 0 });
  run.playMatch(0, 0, 'alice');
  run.playMatch(0, 1, 'bob');
  bus.emit({
    type: 'round.finished',
    round: 0,
    simWins: { alice: 1, bob: 1 },
    ties: 0,
    sims: 2,
    winner: null,
    forfeited: [],
  });
  bus.emit({ type: 'round.started', round: 1 });
  for (const player of PLAYERS) {
    layout.appendTrajectory(player, 1, {
      step: 1,
      ts: 1,
      action: 'cat params.json',
      output: '{"aggression": 2}',
      ms: 5,
    });
    bus.emit({
      type: 'edit.step',
      round: 1,
      player,
      step: 1,
      action: 'cat params.json',
      output: '{"aggression": 2}',
      ms: 5,
    });
    layout.writeDiff(
      player,
      1,
      player === 'bob' ? 'diff --git a/params.json b/params.json\n-  "aggression": 2\n+  "aggression": 3\n' : '',
    );
    bus.emit({
      type: 'edit.finished',
      round: 1,
      player,
      exit: player === 'bob' ? 'submitted' : 'unchanged',
      steps: 1,
      costUsd: player === 'bob' ? 0.01 : 0,
      ms: 40,
      commit: 'c'.repeat(40),
      diff: {
        files: player === 'bob' ? 1 : 0,
        insertions: player === 'bob' ? 1 : 0,
        deletions: player === 'bob' ? 1 : 0,
      },
      summary: 'tuned',
    });
    bus.emit({ type: 'validation', round: 1, player, ok: true, detail: 'ok' });
  }
  run.playMatch(1, 0, 'bob');
  run.playMatch(1, 1, 'bob');
  bus.emit({
    type: 'round.finished',
    round: 1,
    simWins: { alice: 0, bob: 2 },
    ties: 0,
    sims: 2,
    winner: 'bob',
    forfeited: [],
  });
  bus.emit({ type: 'rating.updated', round: 1, ratings: { alice: 1184, bob: 1216 } });
  run.finish();
  return run;
}

export const durable = (events: Event[]): Event[] => events.filter((e) => e.type !== 'match.frame');
