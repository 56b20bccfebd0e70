// Event bodies for the viewer's model tests: a two-player tournament's start and a sim a won.
import type { EventBody } from '@codearena/protocol';

export const tournamentStarted = (arena: string, simsPerRound: number): EventBody => ({
  type: 'tournament.started',
  name: 'demo',
  arena,
  rounds: 1,
  simsPerRound,
  seed: 1,
  runDir: '/r',
  players: [
    { name: 'a', agent: 'noop', model: null },
    { name: 'b', agent: 'noop', model: null },
  ],
});

export const matchStarted = (round: number, sim: number): EventBody => ({
  type: 'match.started',
  round,
  matchId: `r${round}-s${sim}`,
  sim,
  seed: sim,
  players: ['a', 'b'],
});

export const matchWonByA = (round: number, sim: number): EventBody => ({
  type: 'match.finished',
  round,
  matchId: `r${round}-s${sim}`,
  sim,
  seed: sim,
  players: ['a', 'b'],
  ranks: { a: 1, b: 2 },
  winner: 'a',
  turns: 9,
  reason: 'x',
  faults: [],
  replay: '/r/x',
  ms: 5,
});
