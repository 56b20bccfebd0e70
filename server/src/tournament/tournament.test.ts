// The round loop's steps with fake services (no Docker, no git): what it records per round, how
// it scores, what it shows transparent players, and how it ends on infrastructure failure or a
// stop request. Whole tournaments with the real services are in tournament.docker.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Event, type EventOf, TournamentConfig } from '@codearena/protocol';
import type { EditInput } from '../edit/edit-phase.ts';
import { InfraError } from '../sandbox/infra-error.ts';
import { scoreRound } from './round-result.ts';
import { runTournament } from './tournament.ts';
import { type TournamentServices, tournamentServices } from './tournament-services.ts';

const config = (over: Record<string, unknown> = {}) =>
  TournamentConfig.parse({
    tournament: { rounds: 2, sims_per_round: 2, sim_concurrency: 1, seed: 3, ...over },
    arena: { id: 'battlesnake' },
    players: [
      { name: 'a', agent: { kind: 'noop' } },
      { name: 'b', agent: { kind: 'noop' } },
    ],
  });

let runsDir: string;
let events: Event[];
let edits: EditInput[];
let removed: string[];
let exported: string[];
beforeEach(() => {
  runsDir = mkdtempSync(join(tmpdir(), 'codearena-loop-'));
  events = [];
  edits = [];
  removed = [];
  exported = [];
});
afterEach(() => rmSync(runsDir, { recursive: true, force: true }));

const of = <T extends Event['type']>(t: T) => events.filter((e): e is EventOf<T> => e.type === t);

/** Services where `a` wins every sim and every edit submits, unless overridden. */
const fakes = (over: Partial<TournamentServices> = {}): TournamentServices => ({
  ...tournamentServices,
  hostLimitIssues: async () => [],
  initRepo: async (dir) => {
    mkdirSync(dir, { recursive: true });
    return 'c0';
  },
  exportTag: async (_dir, tag, dest) => {
    exported.push(`${tag} → ${dest.split('/').slice(-2).join('/')}`);
  },
  editPhase: async (e) => {
    edits.push(e);
    return { exit: 'submitted', commit: `c${e.round}` };
  },
  competePhase: async () => ({
    ...scoreRound(['a', 'b'], [], ['a', 'a']),
    forfeited: [],
    validations: {},
  }),
  removeContainers: async (id) => void removed.push(id),
  ...over,
});

const run = (services: TournamentServices, over: { signal?: AbortSignal; cfg?: TournamentConfig } = {}) =>
  runTournament(
    {
      config: over.cfg ?? config(),
      rawConfig: '',
      runsDir,
      runId: 'loop-test',
      listeners: [(e) => events.push(e)],
      ...(over.signal ? { signal: over.signal } : {}),
    },
    services,
  );

describe('round loop', () => {
  it('edits every player from round 1, scores rounds 1..R and keeps round 0 as a baseline', async () => {
    const out = await run(fakes());
    expect(out.status).toBe('finished');
    expect(out.winner).toBe('a');
    expect(out.roundWins).toEqual({ a: 2, b: 0 });
    expect(out.rounds.map((r) => [r.round, r.winner, r.edits])).toEqual([
      [0, 'a', {}],
      [1, 'a', { a: 'submitted', b: 'submitted' }],
      [2, 'a', { a: 'submitted', b: 'submitted' }],
    ]);
    expect(edits.map((e) => [e.round, e.player, e.opponents])).toEqual([
      [1, 'a', []],
      [1, 'b', []],
      [2, 'a', []],
      [2, 'b', []],
    ]);
    expect(of('rating.updated').map((e) => e.round)).toEqual([1, 2]);
    expect(out.ratings.a).toBeGreaterThan(1200);
    expect(of('tournament.finished')).toMatchObject([{ status: 'finished', winner: 'a' }]);
    expect(removed).toEqual(['loop-test']);
  });

  it('stamps its events with the injected clock', async () => {
    let t = 1_000;
    await run(fakes({ now: () => t++ }));
    expect(events.map((e) => e.ts)).toEqual(events.map((_, i) => 1_000 + i));
  });

  it('shows transparent players the others’ code of the previous round', async () => {
    await run(fakes(), { cfg: config({ transparent: true, rounds: 1 }) });
    expect(exported.sort()).toEqual(['round-0 → round-0/a', 'round-0 → round-0/b']);
    expect(edits.map((e) => [e.player, e.opponents.map((x) => x.name)])).toEqual([
      ['a', ['b']],
      ['b', ['a']],
    ]);
  });

  it('aborts unscored, blaming no one, when the infrastructure fails in a round', async () => {
    const out = await run(
      fakes({
        editPhase: async (e) => {
          if (e.round === 2) throw new InfraError('the daemon went away');
          return { exit: 'submitted', commit: 'c' };
        },
      }),
    );
    expect(out).toMatchObject({ status: 'aborted', abortReason: 'infrastructure', winner: null });
    expect(out.infraProblem).toBe('the daemon went away');
    expect(out.rounds.map((r) => r.round)).toEqual([0, 1]);
    expect(of('fault')).toMatchObject([{ scope: 'system', round: 2, player: null }]);
    expect(of('tournament.finished')).toMatchObject([{ status: 'aborted', reason: 'infrastructure' }]);
    expect(removed).toEqual(['loop-test']);
  });

  it('stops at a stop request, unscored', async () => {
    const stop = new AbortController();
    const out = await run(
      fakes({
        editPhase: async () => {
          stop.abort();
          return { exit: 'submitted', commit: 'c' };
        },
      }),
      { signal: stop.signal },
    );
    expect(out).toMatchObject({ status: 'aborted', abortReason: 'interrupted', winner: null });
    expect(out.rounds.map((r) => r.round)).toEqual([0]);
    expect(of('fault')).toEqual([]);
  });

  it('logs and rethrows its own bugs', async () => {
    const bug = new Error('a bug');
    const err = await run(
      fakes({
        competePhase: async () => {
          throw bug;
        },
      }),
    ).catch((e: unknown) => e);
    expect(err).toBe(bug);
    expect(of('fault')).toMatchObject([{ scope: 'system', round: null }]);
    expect(of('tournament.finished')).toEqual([]);
    expect(removed).toEqual(['loop-test']);
  });
});
