// A short account of the previous round for the task prompt, read on the host through the run
// folder's RoundLogs (the same results.json and replay files the workspace mounts). Missing or
// odd files make it shorter, never fail.
import type { RoundLogs } from '@codearena/protocol';

const MAX_SIMS = 12;

export function lastRoundDigest(logs: RoundLogs, round: number, player: string): string | null {
  const prev = round - 1;
  const results = logs.results(prev);
  if (!results) return null;
  const lines: string[] = [];
  const label = prev === 0 ? `Round 0 (the starting codebases)` : `Round ${prev}`;
  const score = Object.entries(results.simWins)
    .map(([p, w]) => `${p === player ? `${p} (you)` : p} ${w}`)
    .join(', ');
  lines.push(`${label}: ${results.sims} sims; sim wins: ${score}${results.ties ? `; ${results.ties} tied` : ''}.`);
  lines.push(
    results.winner ? `Round winner: ${results.winner === player ? 'you' : results.winner}.` : 'The round was a tie.',
  );
  const v = results.validations[player];
  if (v && !v.ok) lines.push(`Your codebase FAILED validation and forfeited the round: ${v.detail}`);
  for (const f of results.forfeited) if (f !== player) lines.push(`${f} forfeited (invalid codebase).`);

  const sims = logs.sims(prev);
  for (const sim of sims.slice(0, MAX_SIMS)) {
    const s = logs.replay(prev, sim);
    if (!s) continue;
    const turns = s.turns ?? s.frames.length - 1;
    const mine = (s.faults ?? []).filter((x) => x.player === player);
    const faults = mine.length
      ? `; your faults: ${mine.map((x) => `${x.count}× ${x.kind} (${x.detail})`).join(', ')}`
      : '';
    const after = !/\bturns?\b/.test(s.reason) ? ` after ${turns} turns` : '';
    lines.push(
      `- sim ${s.sim}: ${s.winner ? `${s.winner === player ? 'you' : s.winner} won` : 'tie'}${after}${s.reason ? ` — ${s.reason}` : ''}${faults}`,
    );
  }
  if (sims.length > MAX_SIMS) lines.push(`- … ${sims.length - MAX_SIMS} more sims in the logs`);
  return lines.join('\n');
}

/** The tournament's player names, from round 0's results (every player is listed there). */
export function playersOf(logs: RoundLogs): string[] {
  return Object.keys(logs.results(0)?.simWins ?? {});
}
