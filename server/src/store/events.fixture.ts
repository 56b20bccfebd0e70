// A realistic, hand-built event stream of one small tournament, for store tests.
import { type Event, type EventBody, matchIdOf } from '@codearena/protocol';

export function tournamentEvents(opts: { id?: string; runDir: string; arena?: string; t0?: number }): Event[] {
  const tournamentId = opts.id ?? 't-2025-01';
  const arena = opts.arena ?? 'battlesnake';
  let seq = 0;
  let ts = opts.t0 ?? 1_760_000_000_000;
  const out: Event[] = [];
  const emit = (body: EventBody): void => {
    ts += 250;
    out.push({ ...body, seq: seq++, ts, tournamentId } as Event);
  };
  const players = ['alice', 'bob'];

  emit({
    type: 'tournament.started',
    name: 'smoke',
    arena,
    rounds: 2,
    simsPerRound: 2,
    seed: 7,
    players: [
      { name: 'alice', agent: 'noop', model: null },
      { name: 'bob', agent: 'search', model: 'scripted-1' },
    ],
    runDir: opts.runDir,
  });
  const roundWins: Record<string, number> = { alice: 0, bob: 0 };
  for (let round = 1; round <= 2; round++) {
    emit({ type: 'round.started', round });
    for (const player of players) {
      emit({
        type: 'edit.step',
        round,
        player,
        step: 1,
        action: 'read strategy.json',
        output: '{"aggression":0.5}',
        ms: 12,
      });
      emit({
        type: 'edit.finished',
        round,
        player,
        exit: player === 'alice' ? 'unchanged' : 'submitted',
        steps: 1,
        costUsd: player === 'alice' ? 0 : 0.0125,
        ms: 1500 + round,
        commit: `${player[0]}${round}`.padEnd(40, '0'),
        diff: { files: player === 'alice' ? 0 : 1, insertions: round, deletions: round - 1 },
        summary: 'tuned aggression',
      });
      emit({ type: 'validation', round, player, ok: true, detail: 'handshake ok' });
    }
    const simWins: Record<string, number> = { alice: 0, bob: 0 };
    for (let sim = 0; sim < 2; sim++) {
      const matchId = matchIdOf({ round, sim });
      const seed = 1000 * round + sim;
      emit({ type: 'match.started', round, matchId, sim, seed, players });
      for (let turn = 0; turn < 3; turn++)
        emit({ type: 'match.frame', round, matchId, turn, frame: { snakes: [turn] } });
      const winner = round === 1 && sim === 0 ? 'alice' : 'bob';
      simWins[winner] = (simWins[winner] ?? 0) + 1;
      emit({
        type: 'match.finished',
        round,
        matchId,
        sim,
        seed,
        players,
        ranks: { [winner]: 1, [winner === 'alice' ? 'bob' : 'alice']: 2 },
        winner,
        turns: 3,
        reason: 'last snake standing',
        faults: sim === 1 ? [{ player: 'alice', kind: 'timeout', count: 1, detail: 'no reply in 500 ms' }] : [],
        replay: `replays/${matchId}.json.gz`,
        ms: 840 + sim,
      });
    }
    if (round === 2) {
      emit({
        type: 'fault',
        scope: 'bot',
        round,
        player: 'alice',
        fault: { kind: 'timeout', detail: 'no reply in 500 ms' },
      });
    }
    const winner = (simWins.bob ?? 0) > (simWins.alice ?? 0) ? 'bob' : null;
    if (winner !== null) roundWins[winner] = (roundWins[winner] ?? 0) + 1;
    emit({ type: 'round.finished', round, simWins, ties: winner === null ? 1 : 0, sims: 2, winner, forfeited: [] });
    emit({ type: 'rating.updated', round, ratings: { alice: 1200 - 16 * round, bob: 1200 + 16 * round } });
  }
  emit({
    type: 'tournament.finished',
    status: 'finished',
    winner: 'bob',
    roundWins,
    ratings: { alice: 1168, bob: 1232 },
  });
  return out;
}

export const withoutFrames = (events: readonly Event[]): Event[] => events.filter((e) => e.type !== 'match.frame');
