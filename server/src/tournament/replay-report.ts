// How a replayed run (`codearena replay`) compares with the run it re-ran: per edit phase the
// exit, the diff (byte for byte) and every step whose action or output differs from the
// recording; per round the sim wins. Commands that are not deterministic (clocks, randomness,
// timing) show up here, step by step.
import { existsSync, readFileSync } from 'node:fs';
import { type EventOf, ReplayReport, type ReplayStepDiff, type TrajectoryStep, clip } from '@codearena/protocol';
import type { RunFolder } from '../store/run-folder.ts';

/** Outputs in the report are cut here (the trajectories hold them whole). */
const SHOWN_CHARS = 2000;

export function compareReplay(recorded: RunFolder, replayed: RunFolder, players: string[]): ReplayReport {
  const a = logged(recorded);
  const b = logged(replayed);
  const rounds = [...new Set([...a.rounds.keys(), ...b.rounds.keys()])].sort((x, y) => x - y);
  const edits: ReplayReport['edits'] = [];
  for (const round of rounds.filter((r) => r > 0))
    for (const player of players) {
      const steps = stepDiffs(recorded.readTrajectory(player, round), replayed.readTrajectory(player, round));
      edits.push({
        round,
        player,
        recordedExit: a.edits.get(`${round}/${player}`)?.exit ?? null,
        replayedExit: b.edits.get(`${round}/${player}`)?.exit ?? null,
        steps: steps.count,
        sameDiff: sameFile(recorded.diff(player, round), replayed.diff(player, round)),
        differing: steps.differing,
      });
    }
  const roundRows = rounds.map((round) => {
    const x = a.rounds.get(round);
    const y = b.rounds.get(round);
    const key = (r: EventOf<'round.finished'> | undefined) =>
      r ? JSON.stringify([r.simWins, r.ties, r.sims, r.winner, r.forfeited]) : null;
    return {
      round,
      same: key(x) !== null && key(x) === key(y),
      recorded: x?.simWins ?? null,
      replayed: y?.simWins ?? null,
    };
  });
  return ReplayReport.parse({
    recordedRun: recorded.runDir,
    replayRun: replayed.runDir,
    sameDiffs: edits.every((e) => e.sameDiff),
    sameRounds: roundRows.every((r) => r.same),
    edits,
    rounds: roundRows,
  });
}

/** The last edit.finished per round and player, and the last round.finished per round. */
function logged(folder: RunFolder) {
  const edits = new Map<string, EventOf<'edit.finished'>>();
  const rounds = new Map<number, EventOf<'round.finished'>>();
  for (const e of folder.readEvents()) {
    if (e.type === 'edit.finished') edits.set(`${e.round}/${e.player}`, e);
    if (e.type === 'round.finished') rounds.set(e.round, e);
  }
  return { edits, rounds };
}

function stepDiffs(recorded: TrajectoryStep[], replayed: TrajectoryStep[]) {
  const differing: ReplayStepDiff[] = [];
  const count = Math.max(recorded.length, replayed.length);
  const shown = (s: TrajectoryStep | undefined) =>
    s ? { action: clip(s.action, SHOWN_CHARS), output: clip(s.output, SHOWN_CHARS) } : null;
  for (let i = 0; i < count; i++) {
    const x = recorded[i];
    const y = replayed[i];
    if (x && y && x.action === y.action && x.output === y.output) continue;
    differing.push({ step: i + 1, recorded: shown(x), replayed: shown(y) });
  }
  return { count, differing };
}

function sameFile(x: string, y: string): boolean {
  const read = (f: string) => (existsSync(f) ? readFileSync(f) : null);
  const a = read(x);
  const b = read(y);
  return a === null ? b === null : b !== null && a.equals(b);
}
