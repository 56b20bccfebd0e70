// A round with sequential stopping, played for real (CoreWar's reference warriors: the host
// engine reads them, nothing runs in a container): the same seed gives the same counted sims and
// the same result at any concurrency and after a resume, and a round with no decisive difference
// plays to max and is scored as a fixed one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventOf, type SequentialSims, type SimsPerRound } from '@codearena/protocol';
import { getArena } from '../arenas.ts';
import { EventBus } from '../bus/event-bus.ts';
import { RunFolder } from '../store/run-folder.ts';
import { type CompeteOutput, competePhase } from './compete-phase.ts';
import type { KeptSim } from './resume-state.ts';

const { arena, bots } = getArena('corewar');
const sprt = (max: number): SequentialSims => ({ max, stop: 'sprt', alpha: 0.05, beta: 0.05, margin: 0.2 });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'codearena-sprt-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function round(
  warriors: string[],
  sims: SimsPerRound,
  concurrency: number,
  kept?: Map<number, KeptSim>,
): Promise<{ out: CompeteOutput; finished: EventOf<'match.finished'>[] }> {
  const bus = new EventBus(`sprt-${concurrency}-${Math.random().toString(36).slice(2)}`);
  const finished: EventOf<'match.finished'>[] = [];
  bus.subscribe((e) => e.type === 'match.finished' && finished.push(e));
  const out = await competePhase({
    round: 1,
    arena,
    args: arena.parseArgs({}),
    players: warriors.map((w) => ({ name: w, codeDir: bots[w] ?? join(dir, w) })),
    sims,
    concurrency,
    seed: 17,
    deadlineMs: arena.manifest.turnDeadlineMs,
    mode: 'host',
    limits: { memoryMb: 256, cpus: 1, pids: 64 },
    bus,
    layout: new RunFolder(join(dir, bus.tournamentId)),
    signal: new AbortController().signal,
    frameEvery: 0,
    ...(kept ? { kept } : {}),
  });
  return { out, finished };
}

const scored = ({ simWins, ties, sims, winner, ranks, sequential }: CompeteOutput) => ({
  simWins,
  ties,
  sims,
  winner,
  ranks,
  decided: sequential?.decided,
});

describe('a sequential round, played', () => {
  it('counts the same sims and gives the same result at concurrency 1 and 3', async () => {
    for (const warriors of [
      ['paper', 'scanner'],
      ['paper', 'scanner', 'imp'],
    ]) {
      const one = await round(warriors, sprt(200), 1);
      const three = await round(warriors, sprt(200), 3);
      expect(one.out.sequential?.decided, warriors.join(' vs ')).toBe(true);
      expect(one.out.winner).toBe('paper');
      expect(one.out.sims).toBeLessThan(200);
      expect(scored(three.out)).toEqual(scored(one.out));
      // Played past the decision at concurrency 3 is reported, never counted.
      expect(one.out.sequential?.uncounted).toEqual([]);
      for (const sim of three.out.sequential!.uncounted) expect(sim).toBeGreaterThanOrEqual(three.out.sims);
      const counted = (f: EventOf<'match.finished'>[]) =>
        f
          .filter((e) => e.sim < one.out.sims)
          .map((e) => [e.sim, e.winner])
          .sort((a, b) => Number(a[0]) - Number(b[0]));
      expect(counted(three.finished)).toEqual(counted(one.finished));
      expect(counted(one.finished)).toHaveLength(one.out.sims);
    }
  });

  it('a resumed round stops where the uninterrupted one did, its kept sims past the prefix left out', async () => {
    const whole = await round(['paper', 'scanner'], sprt(200), 1);
    // Kept from an interrupted attempt: the first half of the prefix and a sim past it.
    const kept = new Map<number, KeptSim>();
    for (const e of whole.finished.filter((e) => e.sim < whole.out.sims / 2))
      kept.set(e.sim, { sim: e.sim, players: e.players, winner: e.winner });
    const past = await round(['paper', 'scanner'], 200, 1);
    const extra = past.finished.find((e) => e.sim === whole.out.sims + 3)!;
    kept.set(extra.sim, { sim: extra.sim, players: extra.players, winner: extra.winner });
    const resumed = await round(['paper', 'scanner'], sprt(200), 3, kept);
    expect(scored(resumed.out)).toEqual(scored(whole.out));
    expect(resumed.out.sequential?.uncounted).toContain(extra.sim);
    expect(resumed.finished.every((e) => !kept.has(e.sim))).toBe(true);
  });

  it('a round with no decisive difference plays to max and is scored as a fixed count', async () => {
    const adaptive = await round(['paper', 'stone'], sprt(12), 2);
    const fixed = await round(['paper', 'stone'], 12, 2);
    expect(adaptive.out.sequential).toEqual({ decided: false, uncounted: [], rule: sprt(12) });
    expect(adaptive.out.sims).toBe(12);
    expect(scored(adaptive.out)).toEqual({ ...scored(fixed.out), decided: false });
    expect(fixed.out.sequential).toBeUndefined();
  });

  it('a round left with one valid player goes to that player, with no sim played', async () => {
    mkdirSync(join(dir, 'broken'));
    writeFileSync(join(dir, 'broken', 'warrior.red'), 'this is not redcode\n');
    const { out, finished } = await round(['paper', 'broken'], sprt(50), 2);
    expect(out.forfeited).toEqual(['broken']);
    expect(out.winner).toBe('paper');
    expect(out.sims).toBe(0);
    expect(out.sequential).toEqual({ decided: false, uncounted: [], rule: sprt(50) });
    expect(finished).toEqual([]);
  });
});
