// Whole tournaments with real Docker, real git and real SQLite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Event, type EventOf, TournamentConfig } from '@codearena/protocol';
import { FIXTURE_BOTS } from '../paths.ts';
import { listContainers } from '../sandbox/cleanup.ts';
import { StoreIndex } from '../store/index-db.ts';
import { RunFolder } from '../store/run-folder.ts';
import { runTournament, type TournamentOutcome } from './tournament.ts';

let runsDir: string;
let store: StoreIndex;
beforeAll(() => {
  runsDir = mkdtempSync(join(tmpdir(), 'codearena-runs-'));
  store = new StoreIndex(join(runsDir, 'codearena.sqlite'));
});
afterAll(() => {
  store.close();
  rmSync(runsDir, { recursive: true, force: true });
});

const config = (over: Partial<Record<string, unknown>> = {}) =>
  TournamentConfig.parse({
    tournament: { rounds: 2, sims_per_round: 4, sim_concurrency: 2, seed: 7 },
    arena: { id: 'battlesnake' },
    players: [
      { name: 'tuner', agent: { kind: 'search', candidates: 2, sims_per_candidate: 2 } },
      { name: 'control', agent: { kind: 'noop' } },
      { name: 'broken', agent: { kind: 'noop' }, codebase: join(FIXTURE_BOTS, 'crasher') },
    ],
    limits: { edit_seconds: 120 },
    ...over,
  });

const of = <T extends Event['type']>(events: Event[], t: T) => events.filter((e): e is EventOf<T> => e.type === t);

describe('tournament', () => {
  let summary: TournamentOutcome;
  let events: Event[];

  beforeAll(async () => {
    summary = await runTournament({ config: config(), rawConfig: '# test\n', runsDir, store });
    events = new RunFolder(summary.runDir).readEvents();
  });

  it('plays round 0 and every round to the end', () => {
    expect(summary.status).toBe('finished');
    expect(summary.rounds.map((r) => r.round)).toEqual([0, 1, 2]);
    expect(events[0]!.type).toBe('tournament.started');
    expect(events.at(-1)!.type).toBe('tournament.finished');
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
  });

  it('makes an invalid codebase forfeit every round while the others play their sims', () => {
    for (const r of summary.rounds) {
      expect(r.forfeited).toEqual(['broken']);
      expect(r.simWins.broken).toBe(0);
      expect(r.simWins.tuner! + r.simWins.control! + r.ties).toBe(4);
    }
    const v = of(events, 'validation').filter((e) => e.player === 'broken');
    expect(v).toHaveLength(3);
    expect(v[0]!.ok).toBe(false);
    expect(v[0]!.detail).toMatch(/crash|exit/i);
  });

  it('commits and tags every round in each player repo and stores the diffs', () => {
    for (const p of ['tuner', 'control', 'broken']) {
      const repo = join(summary.runDir, 'players', p, 'repo');
      const tags = execFileSync('git', ['-c', 'safe.directory=*', '-C', repo, 'tag', '--list'], { encoding: 'utf8' })
        .trim()
        .split('\n');
      expect(tags).toEqual(['round-0', 'round-1', 'round-2']);
      expect(existsSync(join(summary.runDir, 'players', p, 'diffs', 'round-2.diff'))).toBe(true);
    }
    const edits = of(events, 'edit.finished');
    expect(edits).toHaveLength(6);
    for (const e of edits.filter((x) => x.player === 'control')) expect(e.exit).toBe('unchanged');
    for (const e of edits.filter((x) => x.player === 'tuner')) {
      expect(['submitted', 'unchanged']).toContain(e.exit);
      expect(e.steps).toBe(2);
      if (e.exit === 'submitted') expect(e.diff.files).toBe(1);
    }
  });

  it('writes results, replays with frames, Elo updates and the index', () => {
    const folder = new RunFolder(summary.runDir);
    expect(folder.readRoundResults(1)?.forfeited).toEqual(['broken']);
    const finished = of(events, 'match.finished');
    expect(finished).toHaveLength(12);
    const replay = folder.readReplay(finished[0]!)!;
    expect(replay.frames.length).toBe(finished[0]!.turns + 1);
    expect(of(events, 'rating.updated').map((e) => e.round)).toEqual([1, 2]);
    const detail = store.getTournament(summary.id)!;
    expect(detail.status).toBe('finished');
    expect(detail.rounds).toHaveLength(3);
    expect(store.matches(summary.id, { limit: 100 })).toHaveLength(12);
  });

  it('replays the same games from the same seed, at any concurrency', async () => {
    const noops = (concurrency: number) =>
      config({
        tournament: { rounds: 1, sims_per_round: 4, sim_concurrency: concurrency, seed: 11 },
        players: [
          { name: 'a', agent: { kind: 'noop' } },
          { name: 'b', agent: { kind: 'noop' } },
        ],
      });
    const games = async (c: number) => {
      const s = await runTournament({ config: noops(c), rawConfig: '', runsDir });
      return of(new RunFolder(s.runDir).readEvents(), 'match.finished')
        .map((e) => [e.matchId, e.seed, e.winner, e.turns, JSON.stringify(e.ranks)])
        .sort();
    };
    const first = await games(1);
    expect(await games(2)).toEqual(first);
    expect(new Set(first.map((g) => g[1])).size).toBe(first.length); // every sim has its own seed
  });

  it('leaves no containers behind', async () => {
    expect(await listContainers(summary.id)).toEqual([]);
  });
});
